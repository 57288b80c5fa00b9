import { describe, expect, it } from "vitest";
import type { BlockKind } from "./types";
import { computeNumbers, numberBlocks } from "./numbering";

describe("computeNumbers", () => {
  it("numbers plain paragraphs in order; titles and headings carry none", () => {
    expect(computeNumbers(["title", "heading", "paragraph", "paragraph", "heading", "paragraph"])).toEqual([
      null, null, "1.", "2.", null, "3.",
    ]);
  });

  it("letters bullets after the closest preceding plain paragraph, restarting after any other block", () => {
    expect(computeNumbers(["paragraph", "paragraph", "bullet", "bullet", "paragraph", "bullet", "heading", "bullet"])).toEqual([
      "1.", "2.", "2(a)", "2(b)", "3.", "3(a)", null, "3(a)",
    ]);
  });

  it("letters bullets without a preceding paragraph as (a), (b)", () => {
    expect(computeNumbers(["title", "bullet", "bullet"])).toEqual([null, "(a)", "(b)"]);
  });

  it("numbers PPs and OPs separately; bullets under an OP are (a), (b)", () => {
    expect(
      computeNumbers(["title", "heading", "preambular", "preambular", "heading", "operative", "operative", "bullet", "bullet", "operative"]),
    ).toEqual([null, null, "PP1", "PP2", null, "OP1", "OP2", "(a)", "(b)", "OP3"]);
  });

  it("keeps the plain-paragraph count running across a resolution", () => {
    expect(computeNumbers(["paragraph", "preambular", "paragraph", "operative", "bullet"])).toEqual(["1.", "PP1", "2.", "OP1", "(a)"]);
  });

  it("goes past z as aa, bb", () => {
    const kinds: BlockKind[] = ["paragraph", ...Array<BlockKind>(28).fill("bullet")];
    const numbers = computeNumbers(kinds);
    expect(numbers[1]).toBe("1(a)");
    expect(numbers[26]).toBe("1(z)");
    expect(numbers[27]).toBe("1(aa)");
    expect(numbers[28]).toBe("1(bb)");
  });

  it("returns an empty list for no blocks", () => {
    expect(computeNumbers([])).toEqual([]);
  });
});

describe("numberBlocks", () => {
  it("attaches the numbers and keeps the other fields", () => {
    const blocks = [
      { id: "a", kind: "title" as const },
      { id: "b", kind: "operative" as const },
      { id: "c", kind: "paragraph" as const },
    ];
    expect(numberBlocks(blocks)).toEqual([
      { id: "a", kind: "title", number: null },
      { id: "b", kind: "operative", number: "OP1" },
      { id: "c", kind: "paragraph", number: "1." },
    ]);
    expect(blocks[0]).not.toHaveProperty("number");
  });
});
