import { describe, expect, it } from "vitest";
import { compareParagraphs, pairedIdentity } from "../diff";
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

  it("matches paragraphs by block id, never by number: a deletion that renumbers the rest moves no reference", () => {
    const before = version(
      ["t", null, "Decision No. 5/17 on the Conference on Disarmament"],
      ["a", "OP1", "Welcomes the work of the Conference on Disarmament;"],
      ["b", "OP2", "Recalls resolution 75/240;"],
      ["c", "OP3", "Urges the Conference on Disarmament to adopt a programme of work;"],
      ["d", "OP4", "Decides to remain seized of the matter."],
    );
    // OP2 deleted: OP3 becomes OP2, and a new paragraph takes the number OP3
    const after = version(
      ["t", null, "Decision No. 5/17 on the Conference on Disarmament"],
      ["a", "OP1", "Welcomes the work of the Conference on Disarmament;"],
      ["c", "OP2", "Urges the Conference on Disarmament to adopt a programme of work;"],
      ["e", "OP3", "Requests a report on resolution 75/240;"],
      ["d", "OP4", "Decides to remain seized of the matter."],
    );
    const diff = diffReferences(before, after);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual([]);
    const cd = diff.references.find((r) => r.canonical === "Conference on Disarmament");
    expect(cd).toMatchObject({ changed: false, fromParagraphs: ["“Decision No. 5/17 on the…”", "OP1", "OP3"], toParagraphs: ["“Decision No. 5/17 on the…”", "OP1", "OP2"] });
    // the resolution left block b (OP2) for the new block e, which now bears the number OP3
    expect(diff.changed.map((r) => [r.canonical, r.removedFrom, r.addedTo])).toEqual([["A/RES/75/240", ["OP2"], ["OP3"]]]);
  });

  it("does not take a different paragraph for the same one because it has the same number", () => {
    const before = version(["a", "OP1", "Welcomes the Conference on Disarmament;"]);
    const after = version(["b", "OP1", "Welcomes the Conference on Disarmament;"]);
    expect(diffReferences(before, after).changed.map((r) => [r.canonical, r.removedFrom, r.addedTo])).toEqual([["Conference on Disarmament", ["OP1"], ["OP1"]]]);
  });

  it("names an unnumbered paragraph by its first words, never by its block id", () => {
    const id = "05c930fc-db9f-4ae2-9d47-2f1c0e6b8a11";
    const before = version([id, null, "Decision No. 5/17"], ["o1", "OP1", "Recalling A/RES/75/240,"]);
    const after = version([id, null, "Decision No. 5/17 on A/RES/75/240"], ["o1", "OP1", "Recalling,"]);
    const diff = diffReferences(before, after);
    expect(diff.changed.map((r) => [r.canonical, r.fromParagraphs, r.toParagraphs, r.removedFrom, r.addedTo])).toEqual([
      ["A/RES/75/240", ["OP1"], ["“Decision No. 5/17 on A/RES/75/240”"], ["OP1"], ["“Decision No. 5/17 on A/RES/75/240”"]],
    ]);
    expect(JSON.stringify(diff)).not.toContain(id);
    expect(referencesByParagraph([{ id, text: "  " }])[0]?.label).toBe("an empty paragraph");
  });

  it("reports nothing between identical versions and everything as added from an empty one", () => {
    expect(diffReferences(from, from)).toMatchObject({ removed: [], added: [], changed: [], fromTotal: 5, toTotal: 5 });
    const fresh = diffReferences([], from);
    expect(fresh.added).toHaveLength(5);
    expect(fresh.fromTotal).toBe(0);
  });
});

describe("diffReferences with the comparison's pairing", () => {
  const cite = "Recalls Permanent Council Decision PC.DEC/1039 on confidence-building measures;";
  const from = [
    { id: "o1", kind: "operative", number: "OP1", text: "Continue to implement all decisions;" },
    { id: "o2", kind: "operative", number: "OP2", text: cite },
    { id: "o3", kind: "operative", number: "OP3", text: "Invite the Partners for Co-operation, in line with resolution 75/240;" },
  ];
  const refsOf = (ps: typeof from) => referencesByParagraph(ps);

  it("a paragraph split in two (a new one typed at the start of another, the id kept on the new words) still cites what it cited", () => {
    const to = [from[0]!, { id: "o2", kind: "operative", number: "OP2", text: "Welcomes the work of the informal working group;" }, { id: "n1", kind: "operative", number: "OP3", text: cite }, { ...from[2]!, number: "OP4" }];
    expect(diffReferences(refsOf(from), refsOf(to)).changed.map((r) => r.canonical)).toEqual(["PC.DEC/1039"]);
    const paired = diffReferences(refsOf(from), refsOf(to), pairedIdentity(compareParagraphs(from, to).pairs));
    expect(paired.changed).toEqual([]);
    expect(paired.references.find((r) => r.canonical === "PC.DEC/1039")).toMatchObject({ fromParagraphs: ["OP2"], toParagraphs: ["OP3"], changed: false });
  });

  it("a paragraph cut and pasted elsewhere (a new id) is moved, not removed from one paragraph and added to another", () => {
    const to = [from[0]!, { ...from[2]!, number: "OP2" }, { id: "p9", kind: "operative", number: "OP3", text: cite }];
    const paired = diffReferences(refsOf(from), refsOf(to), pairedIdentity(compareParagraphs(from, to).pairs));
    expect(paired.changed).toEqual([]);
    expect(paired.removed).toEqual([]);
    expect(paired.added).toEqual([]);
  });

  it("a reference really dropped from a paragraph is still reported", () => {
    const to = [from[0]!, { ...from[1]!, text: "Recalls the confidence-building measures;" }, from[2]!];
    const paired = diffReferences(refsOf(from), refsOf(to), pairedIdentity(compareParagraphs(from, to).pairs));
    expect(paired.removed.map((r) => r.canonical)).toEqual(["PC.DEC/1039"]);
  });
});
