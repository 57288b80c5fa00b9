import { describe, expect, it } from "vitest";
import { parseStatement } from "./parse-statement";
import { describeDetected, previewBlocks, reviewedTitle } from "./review";

const draft = "Eightieth session\n\nDraft resolution on the safety of journalists\n\nThe General Assembly,\n\nRecalling its resolution 76/173,\n\nDecides:\n\n1. To meet again;";

describe("reviewedTitle", () => {
  it("follows the block the chair marks Title, not the line detected as the title", () => {
    const doc = parseStatement(draft);
    const blocks = doc.blocks.map((b) => ({ text: b.runs.map((r) => r.text).join("") }));
    expect(doc.meta.title).toBe("Eightieth session");
    expect(doc.blocks.slice(0, 2).map((b) => b.kind)).toEqual(["title", "heading"]);

    const kinds = doc.blocks.map((b) => b.kind);
    expect(reviewedTitle(blocks, kinds, doc.meta.title)).toBe("Eightieth session");
    kinds[0] = "heading";
    kinds[1] = "title";
    expect(reviewedTitle(blocks, kinds, doc.meta.title)).toBe("Draft resolution on the safety of journalists");
  });

  it("keeps the detected title when no block is marked Title", () => {
    expect(reviewedTitle([{ text: "Eightieth session" }, { text: "Noting," }], ["heading", "preambular"], "Eightieth session")).toBe("Eightieth session");
    expect(reviewedTitle([{ text: "  " }, { text: "Real title" }], ["title", "title"], "Detected")).toBe("Real title");
  });
});

describe("describeDetected", () => {
  it("says how many blocks of each kind were detected, in plain words", () => {
    const kinds = parseStatement(draft).blocks.map((b) => b.kind);
    expect(describeDetected(kinds)).toBe("Detected 6 blocks: 1 title, 3 headings, 1 preambular, 1 operative.");
    expect(describeDetected(["preambular", "preambular", "operative", "paragraph", "bullet", "bullet"])).toBe(
      "Detected 6 blocks: 2 preambular, 1 operative, 1 paragraph, 2 bullets.",
    );
    expect(describeDetected(["paragraph"])).toBe("Detected 1 block: 1 paragraph.");
  });
});

describe("previewBlocks", () => {
  it("shows each block's kind, number and text, bracketed language in its brackets", () => {
    const doc = parseStatement("Draft decision on ICT security\n\nNoting the report,\n\nDecides:\n\n1. To [further develop] the rules [1];");
    expect(previewBlocks(doc.blocks)).toEqual([
      { kind: "title", number: null, text: "Draft decision on ICT security" },
      { kind: "preambular", number: "PP1", text: "Noting the report," },
      { kind: "heading", number: null, text: "Decides:" },
      { kind: "operative", number: "OP1", text: "To [further develop] the rules [1];" },
    ]);
    expect(doc.blocks[3]!.runs).toEqual([{ text: "To " }, { text: "further develop", marks: ["bracket"] }, { text: " the rules [1];" }]);
  });
});
