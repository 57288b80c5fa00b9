import { describe, expect, it } from "vitest";
import type { Suggestion } from "@/lib/negotiation/suggestions";
import { describeItem, itemChange, itemSummary, reviewItems } from "./review-items";
import { decisionMessage } from "./review-messages";
import { itemAnnouncement } from "./review-selection";

const paragraphs = [
  { id: "pp3", number: "PP3", text: "" },
  { id: "op1", number: "OP1", text: "" },
];
const byCode = new Map([
  ["RUS", { id: "d-rus", code: "RUS", name: "Russian Federation", color: "#000" }],
  ["ALB", { id: "d-alb", code: "ALB", name: "Albania", color: "#b91c1c" }],
]);
const numberOf = (blockId: string) => paragraphs.find((p) => p.id === blockId)?.number ?? "¶";
const all = { delegation: "", code: undefined, kind: "" };

function piece(id: string, type: Suggestion["type"], delegation: string, blockId: string, from: number, text: string): Suggestion {
  return { id, type, delegation, blockId, from, to: from + text.length, text };
}

/** Russia typed "an explanation of the purpose" over "clarification of the meaning" (one id); Albania inserted " fully" in OP1. */
const suggestions = [
  piece("r1", "deletion", "RUS", "pp3", 25, "clarification of the meaning"),
  piece("r1", "insertion", "RUS", "pp3", 53, "an explanation of the purpose"),
  piece("a1", "insertion", "ALB", "op1", 10, " fully"),
];

describe("a replacement in the review queue", () => {
  const items = reviewItems(paragraphs, [], suggestions, all);
  const replacement = items[0]!;

  it("is one item: its deletion and insertion together", () => {
    expect(items.map((i) => i.key)).toEqual(["s-r1", "s-a1"]);
    expect(replacement.kind === "suggestion" && replacement.pieces.map((p) => p.type)).toEqual(["deletion", "insertion"]);
  });

  it("is named and said as a replacement of the words with the new ones", () => {
    expect(describeItem(replacement, numberOf, byCode)).toBe("Russian Federation's tracked replacement in PP3");
    expect(describeItem(items[1]!, numberOf, byCode)).toBe("Albania's tracked insertion in OP1");
    const said = itemSummary(replacement, numberOf, byCode);
    expect(said).toEqual({ paragraph: "PP3", what: "tracked replacement", who: "Russian Federation", words: "clarification of the meaning → an explanation of the purpose" });
    expect(itemAnnouncement(0, 2, said)).toBe("1 of 2: PP3, tracked replacement by Russian Federation: “clarification of the meaning → an explanation of the purpose”");
  });

  it("accepting it would delete the old words and insert the new ones", () => {
    expect(itemChange(replacement)).toEqual({ inserted: "an explanation of the purpose", deleted: "clarification of the meaning" });
    expect(itemChange(items[1]!)).toEqual({ inserted: " fully", deleted: "" });
  });

  it("the chair's decision is told as one", () => {
    expect(decisionMessage("reject", "suggestion", describeItem(replacement, numberOf, byCode), "PP3")).toBe("Rejected: Russian Federation's tracked replacement in PP3.");
  });

  it("filtered by the delegation and by tracked changes, still one item", () => {
    expect(reviewItems(paragraphs, [], suggestions, { delegation: "d-rus", code: "RUS", kind: "suggestion" }).map((i) => i.key)).toEqual(["s-r1"]);
  });

  it("a replacement whose new words another delegation split in two is counted in pieces", () => {
    const split = [suggestions[0]!, piece("r1", "insertion", "RUS", "pp3", 53, "an explanation"), piece("r1", "insertion", "RUS", "pp3", 70, " of the purpose")];
    const [item] = reviewItems(paragraphs, [], split, all);
    expect(describeItem(item!, numberOf, byCode)).toBe("Russian Federation's tracked replacement (3 pieces) in PP3");
    expect(itemSummary(item!, numberOf, byCode).words).toBe("clarification of the meaning → an explanation …  of the purpose");
  });
});
