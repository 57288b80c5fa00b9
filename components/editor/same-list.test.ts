import { describe, expect, it } from "vitest";
import { sameListOr } from "./same-list";

describe("sameListOr", () => {
  it("keeps the previous list when every item has the same fields", () => {
    const prev = [{ id: "p1", number: "OP1" }, { id: "p2", number: null }];
    expect(sameListOr(prev, [{ id: "p1", number: "OP1" }, { id: "p2", number: null }])).toBe(prev);
  });

  it("takes the new list when an item, a field or the length differs", () => {
    const prev = [{ id: "p1", number: "OP1" }];
    for (const next of [[{ id: "p1", number: "OP2" }], [{ id: "p1", number: "OP1", text: "x" }], [], [{ id: "p1", number: "OP1" }, { id: "p2", number: "OP2" }]]) {
      expect(sameListOr(prev, next)).toBe(next);
    }
  });
});
