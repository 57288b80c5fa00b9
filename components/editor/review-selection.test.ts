import { describe, expect, it } from "vitest";
import { currentIndex, itemAnnouncement } from "./review-selection";

describe("the review queue's current item", () => {
  it("is the first until the chair moves or decides, though the queue fills in two batches", () => {
    // Tracked changes arrive first (from the text) and the first becomes current...
    const first = ["s-1", "s-2"];
    expect(currentIndex(first, null, 0, false)).toBe(0);
    // ...then the positions, one of them above it: still the first item, not "2 of 4".
    const all = ["a-1", "s-1", "a-2", "s-2"];
    expect(currentIndex(all, "s-1", 0, false)).toBe(0);
  });

  it("once the chair is on an item, stays on it as items arrive or leave above it", () => {
    expect(currentIndex(["a-1", "s-1", "a-2"], "a-2", 1, true)).toBe(2);
    expect(currentIndex(["a-0", "a-1", "s-1", "a-2"], "a-2", 2, true)).toBe(3);
    expect(currentIndex(["s-1", "a-2"], "a-2", 3, true)).toBe(1);
  });

  it("after a decision, the item that took its place; the last one at the end of the queue; 0 when empty", () => {
    expect(currentIndex(["a-1", "a-2", "s-2"], "s-1", 1, true)).toBe(1);
    expect(currentIndex(["a-1", "a-2"], "s-2", 2, true)).toBe(1);
    expect(currentIndex([], "s-2", 2, true)).toBe(0);
  });
});

describe("what the queue announces of the current item", () => {
  it("its place, paragraph, kind, delegation and words, cut when long", () => {
    expect(itemAnnouncement(2, 8, { paragraph: "OP1", what: "objection (+10 co-sponsors)", who: "Belarus", words: "the  relevant" })).toBe("3 of 8: OP1, objection (+10 co-sponsors) by Belarus: “the relevant”");
    expect(itemAnnouncement(0, 1, { paragraph: "PP2", what: "tracked insertion", who: "Albania", words: "y".repeat(130) })).toBe(`1 of 1: PP2, tracked insertion by Albania: “${"y".repeat(120)}…”`);
    expect(itemAnnouncement(0, 3, { paragraph: "PP2", what: "amendment", who: "Albania", words: " " })).toBe("1 of 3: PP2, amendment by Albania");
    expect(itemAnnouncement(0, 0, undefined)).toBe("Nothing left to review.");
  });
});
