import { describe, expect, it } from "vitest";
import { diffReferences, referencesByParagraph } from ".";

const version = (...paragraphs: [id: string, number: string | null, text: string][]) =>
  referencesByParagraph(paragraphs.map(([id, number, text]) => ({ id, number, text })));

describe("referencesByParagraph", () => {
  it("lists each paragraph's references with its id and number, using the document's terms", () => {
    const refs = referencesByParagraph(
      [
        { id: "a", number: "PP1", text: "Recalling resolutions 70/237 and 76/19," },
        { id: "b", text: "Stressing cyberspace and human rights," },
      ],
      ["cyberspace"],
    );
    expect(refs.map((p) => [p.id, p.number, p.references.map((r) => r.canonical)])).toEqual([
      ["a", "PP1", ["A/RES/70/237", "A/RES/76/19"]],
      ["b", null, ["cyberspace"]],
    ]);
  });
});

describe("diffReferences", () => {
  const from = version(
    ["p1", "PP1", "Recalling resolution 75/240 and the UN Charter,"],
    ["p2", "PP2", "Recalling also A/RES/75/240 on capacity-building,"],
    ["o1", "OP1", "Calls for respect for human rights and gender equality;"],
  );

  it("separates references removed everywhere, added, and removed from some paragraphs only", () => {
    const to = version(
      ["p1", "PP1", "Recalling the Charter of the United Nations,"],
      ["p2", "PP2", "Recalling also A/RES/75/240 on capacity building,"],
      ["o1", "OP1", "Calls for respect for international humanitarian law and gender equality;"],
    );
    const diff = diffReferences(from, to);

    expect(diff.removed.map((r) => [r.canonical, r.fromParagraphs, r.toParagraphs])).toEqual([["human rights", ["OP1"], []]]);
    expect(diff.added.map((r) => [r.canonical, r.fromParagraphs, r.toParagraphs])).toEqual([["international humanitarian law", [], ["OP1"]]]);
    expect(diff.changed).toEqual([
      {
        canonical: "A/RES/75/240",
        kind: "resolution",
        removed: false,
        added: false,
        changed: true,
        fromParagraphs: ["PP1", "PP2"],
        toParagraphs: ["PP2"],
        removedFrom: ["PP1"],
        addedTo: [],
        fromCount: 2,
        toCount: 1,
      },
    ]);
    // "UN Charter" became "the Charter of the United Nations": the same reference, unchanged
    const charter = diff.references.find((r) => r.canonical === "Charter of the United Nations");
    expect(charter).toMatchObject({ removed: false, added: false, changed: false, fromCount: 1, toCount: 1 });
    expect([diff.fromTotal, diff.toTotal]).toEqual([5, 5]);
    expect(diff.references.map((r) => r.canonical)).toEqual([
      "A/RES/75/240",
      "Charter of the United Nations",
      "capacity-building",
      "human rights",
      "gender",
      "international humanitarian law",
    ]);
  });

  it("does not count a renumbered paragraph as a move when the versions share block ids", () => {
    const to = version(
      ["new", "PP1", "Noting the report,"],
      ["p1", "PP2", "Recalling resolution 75/240 and the UN Charter,"],
      ["p2", "PP3", "Recalling also A/RES/75/240 on capacity-building,"],
      ["o1", "OP1", "Calls for respect for human rights and gender equality;"],
    );
    const diff = diffReferences(from, to);
    expect(diff.changed).toEqual([]);
    expect(diff.references.find((r) => r.canonical === "A/RES/75/240")?.toParagraphs).toEqual(["PP2", "PP3"]);
  });

  it("matches paragraphs by number when the versions share no ids, labelling unnumbered ones by id", () => {
    const imported = version(
      ["x1", "PP1", "Recalling resolution 75/240 and the UN Charter,"],
      ["x2", "PP2", "Recalling also on capacity-building,"],
      ["x3", null, "human rights and gender"],
    );
    const diff = diffReferences(from, imported);
    expect(diff.changed.map((r) => [r.canonical, r.removedFrom, r.addedTo])).toEqual([
      ["A/RES/75/240", ["PP2"], []],
      ["human rights", ["OP1"], ["x3"]],
      ["gender", ["OP1"], ["x3"]],
    ]);
  });

  it("reports nothing between identical versions and everything as added from an empty one", () => {
    expect(diffReferences(from, from)).toMatchObject({ removed: [], added: [], changed: [], fromTotal: 5, toTotal: 5 });
    const fresh = diffReferences([], from);
    expect(fresh.added).toHaveLength(5);
    expect(fresh.fromTotal).toBe(0);
  });
});
