import { describe, expect, it } from "vitest";
import { pendingSentence } from "./compare-view";

describe("the compare page's line on tracked changes awaiting a decision", () => {
  it("counts changes, and names each paragraph once with its delegations", () => {
    expect(pendingSentence("Live text", [{ paragraph: "OP1", delegation: "Belarus" }])).toBe(
      "Live text holds 1 tracked change awaiting the chair's decision (by Belarus in OP1), not compared: a proposal is not text until it is accepted.",
    );
    expect(
      pendingSentence("Rev.2", [
        { paragraph: "PP3", delegation: "Albania" },
        { paragraph: "PP3", delegation: "Belarus" },
        { paragraph: "PP3", delegation: "Albania" },
        { paragraph: null, delegation: "Cuba" },
      ]),
    ).toBe("Rev.2 holds 4 tracked changes awaiting the chair's decision (by Albania and Belarus in PP3; by Cuba in an unnumbered paragraph), not compared: a proposal is not text until it is accepted.");
  });

  it("names at most six paragraphs and counts the rest", () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ paragraph: `OP${i + 1}`, delegation: "Egypt" }));
    expect(pendingSentence("Live text", many)).toContain("(by Egypt in OP1; by Egypt in OP2; by Egypt in OP3; by Egypt in OP4; by Egypt in OP5; by Egypt in OP6; 3 more paragraphs)");
  });
});
