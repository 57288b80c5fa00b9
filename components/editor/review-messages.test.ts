import { describe, expect, it } from "vitest";
import { CONFIRM_ACCEPT_OVER, decisionMessage, largeAcceptQuestion } from "./review-messages";

describe("the review's message after a decision", () => {
  it("accepting an objection says it is upheld and that the text is left to the chair; a reservation, that it is on record", () => {
    expect(decisionMessage("accept", "objection", "Belarus's objection (+10) on PP3", "PP3")).toBe(
      "Upheld: Belarus's objection (+10) on PP3. It is recorded as accepted and leaves the queue; the text and PP3's status are unchanged: rework or bracket PP3 if the objection calls for it.",
    );
    expect(decisionMessage("accept", "reservation", "Albania's reservation on 3.", "3.")).toBe(
      "Accepted: Albania's reservation on 3. The reservation is recorded with 3. (the compilation lists it as accepted); the text is unchanged.",
    );
  });

  it("an accepted amendment or tracked change is in the text; a rejection or resolution is named", () => {
    expect(decisionMessage("accept", "amendment", "Belarus's amendment on PP3", "PP3")).toBe(
      "Accepted: Belarus's amendment on PP3. It is in the text. It cannot be rejected or undone now: to take it back, edit the text or restore a saved version.",
    );
    expect(decisionMessage("reject", "suggestion", "Albania's tracked insertion in OP1", "OP1")).toBe("Rejected: Albania's tracked insertion in OP1.");
    expect(decisionMessage("resolve", "objection", "Belarus's objection on PP3", "PP3")).toBe("Resolved: Belarus's objection on PP3.");
    expect(decisionMessage("accept", "comment", "Albania's comment", null)).toBe("Accepted: Albania's comment. The text is unchanged.");
    expect(decisionMessage("accept", "objection", "Albania's objection", null)).toBe(
      "Upheld: Albania's objection. It is recorded as accepted and leaves the queue; the text and the paragraph's status are unchanged: rework or bracket the paragraph if the objection calls for it.",
    );
  });
});

describe("accepting a large change asks first", () => {
  it("quotes the start and the length of what it inserts or deletes past the limit, and how it is taken back", () => {
    const page = `Recalling ${"the relevant provisions ".repeat(20)}`.trim();
    expect(page.length).toBeGreaterThan(CONFIRM_ACCEPT_OVER);
    expect(largeAcceptQuestion("Albania's tracked insertion in PP3", { inserted: page, deleted: "" })).toBe(
      `Accept Albania's tracked insertion in PP3? It inserts ${page.length} characters (“${page.slice(0, 80)}…”). It cannot be rejected or undone now: to take it back, edit the text or restore a saved version.`,
    );
    const long = "x".repeat(1234);
    expect(largeAcceptQuestion("Belarus's amendment on OP1", { inserted: long, deleted: long })).toContain("It inserts 1,234 characters (“" + "x".repeat(80) + "…”) and deletes 1,234 characters");
  });

  it("not for a change of up to the limit: one key", () => {
    expect(largeAcceptQuestion("Albania's tracked deletion in PP3", { inserted: "", deleted: "y".repeat(CONFIRM_ACCEPT_OVER) })).toBeNull();
    expect(largeAcceptQuestion("Belarus's amendment on OP1", { inserted: "fully", deleted: "partly" })).toBeNull();
  });
});
