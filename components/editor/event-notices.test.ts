import { describe, expect, it } from "vitest";
import { lostTypingNotice, restoreNotice } from "./event-notices";

const numbers: Record<string, string> = { pp7: "PP7", op3: "3." };
const numberOf = (id: string) => numbers[id];

describe("what a restore tells the people who have the document open", () => {
  it("everyone: which version replaced the live text, and the version the text before it was saved as", () => {
    expect(restoreNotice("Rev.2", "Before restoring Rev.2")).toBe("The chair restored Rev.2: the live text was replaced by it (the text before was saved as “Before restoring Rev.2”).");
  });

  it("a delegate whose words went with the text: the words, by paragraph as the restored text numbers it", () => {
    expect(lostTypingNotice("Rev.2", [{ blockId: "pp7", text: " and  strongly urges" }, { blockId: "op3", text: "fully " }], numberOf)).toBe(
      "Your words “and strongly urges” in PP7 and “fully” in 3., typed as the chair restored Rev.2, were removed with the text they were typed in. Type them again if they are still wanted.",
    );
    // A paragraph the restored version does not have is not named.
    expect(lostTypingNotice("Rev.2", [{ blockId: "gone", text: "x".repeat(250) }], numberOf)).toBe(
      `Your words “${"x".repeat(200)}…”, typed as the chair restored Rev.2, were removed with the text they were typed in. Type them again if they are still wanted.`,
    );
  });

  it("nothing when no words, or only spaces, were lost", () => {
    expect(lostTypingNotice("Rev.2", [], numberOf)).toBeNull();
    expect(lostTypingNotice("Rev.2", [{ blockId: "pp7", text: "  " }], numberOf)).toBeNull();
  });
});
