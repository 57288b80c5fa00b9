import { describe, expect, it } from "vitest";
import type { AnnotationView } from "@/server/negotiation/views";
import type { Suggestion } from "@/lib/negotiation/suggestions";
import { NO_COUNTS, overviewCounts } from "./overview-counts";

const position = (blockId: string, kind: AnnotationView["kind"]) => ({ id: `${blockId}-${kind}`, blockId, kind, status: "open" }) as unknown as AnnotationView;
const piece = (id: string, blockId: string, from: number): Suggestion => ({ id, type: "insertion", delegation: "BLR", blockId, from, to: from + 4, text: "also" });

describe("the paragraph overview's counts", () => {
  it("counts open positions by kind and paragraph", () => {
    const counts = overviewCounts([position("a", "objection"), position("a", "objection"), position("a", "support"), position("b", "comment")], []);
    expect(counts.get("a")).toEqual({ ...NO_COUNTS, objection: 2, support: 1 });
    expect(counts.get("b")).toEqual({ ...NO_COUNTS, comment: 1 });
    expect(counts.has("c")).toBe(false);
  });

  it("counts a tracked change once in each paragraph it has pieces in", () => {
    // "s1" drawn in two pieces of "a" (someone typed inside it) and carried into "b" by a split.
    const counts = overviewCounts([], [piece("s1", "a", 0), piece("s1", "a", 9), piece("s2", "a", 20), piece("s1", "b", 0)]);
    expect(counts.get("a")?.changes).toBe(2);
    expect(counts.get("b")?.changes).toBe(1);
  });

  it("gives the same figures when typing only moves a tracked change (its row is not rendered again)", () => {
    const before = overviewCounts([position("a", "amendment")], [piece("s1", "a", 3)]);
    const after = overviewCounts([position("a", "amendment")], [piece("s1", "a", 4)]);
    expect(after).toEqual(before);
  });
});
