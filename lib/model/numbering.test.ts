import { describe, expect, it } from "vitest";
import { computeNumbers, numberBlocks } from "./numbering";

describe("computeNumbers", () => {
  it("numbers plain paragraphs and their bullets; titles and headings carry none", () => {
    expect(computeNumbers(["title", "heading", "paragraph", "paragraph", "bullet", "bullet", "paragraph", "bullet"])).toEqual([
      null, null, "1.", "2.", "2(a)", "2(b)", "3.", "3(a)",
    ]);
  });

  it("numbers PPs and OPs separately and leaves plain paragraphs unnumbered in a resolution", () => {
    expect(computeNumbers(["title", "paragraph", "preambular", "preambular", "heading", "operative", "operative", "bullet"])).toEqual([
      null, null, "PP1", "PP2", null, "OP1", "OP2", "(a)",
    ]);
  });

  it("restarts bullet letters after any other block and goes past z", () => {
    const kinds = ["paragraph", ...Array(28).fill("bullet"), "heading", "bullet"] as const;
    const numbers = computeNumbers(kinds);
    expect(numbers[26]).toBe("1(z)");
    expect(numbers[27]).toBe("1(aa)");
    expect(numbers.at(-1)).toBe("1(a)");
  });

  it("numberBlocks attaches the numbers", () => {
    expect(numberBlocks([{ kind: "operative" as const, id: "x" }])).toEqual([{ kind: "operative", id: "x", number: "OP1" }]);
  });
});
