import { describe, expect, it } from "vitest";
import { structureChanges } from "./structure";

const a = { id: "a", text: "Noting the opportunities, and that they grow." };

describe("structureChanges", () => {
  it("finds a split: the new block after an old one holds the text it lost", () => {
    expect(structureChanges([a], [{ id: "a", text: "Noting the opportunities, " }, { id: "x", text: "and that they grow." }])).toEqual([{ kind: "split", from: "a", into: "x", part: "second" }]);
  });

  it("finds a split whose first part is the new block (the second, longer, kept the id)", () => {
    expect(structureChanges([a], [{ id: "x", text: "Noting " }, { id: "a", text: "the opportunities, and that they grow." }])).toEqual([{ kind: "split", from: "a", into: "x", part: "first" }]);
  });

  it("finds a join: a block gone, its text appended to the one before it", () => {
    const b = { id: "b", text: "Recognizing the benefits." };
    expect(structureChanges([a, b], [{ id: "a", text: a.text + b.text }])).toEqual([{ kind: "join", absorbed: "b", into: "a" }]);
  });

  it("finds a join that kept the second block's id (the longer): the first is gone, its text before the second's", () => {
    const b = { id: "b", text: "Recognizing the benefits of a much longer paragraph." };
    const short = { id: "s", text: "Noting " };
    expect(structureChanges([short, b], [{ id: "b", text: short.text + b.text }])).toEqual([{ kind: "join", absorbed: "s", into: "b" }]);
  });

  it("does not take a new, an emptied or an edited paragraph for a split or a join", () => {
    // A new empty paragraph (Enter at the end or the start).
    expect(structureChanges([a], [a, { id: "x", text: "" }])).toEqual([]);
    // A pasted paragraph after an unchanged one.
    expect(structureChanges([a], [a, { id: "x", text: "Pasted." }])).toEqual([]);
    // A deleted paragraph, its neighbour unchanged.
    expect(structureChanges([a, { id: "b", text: "Gone." }], [a])).toEqual([]);
    // Typing in a paragraph.
    expect(structureChanges([a], [{ id: "a", text: a.text + " more" }])).toEqual([]);
  });
});
