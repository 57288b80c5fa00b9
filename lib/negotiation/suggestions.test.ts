import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { renderParagraphs } from "../model/ydoc";
import type { Block } from "../model/types";
import { block, build, del, ins, xml } from "./test-doc";
import { acceptedProjection, suggestionProjection } from "./projection";
import { acceptSuggestions, countChanges, listSuggestions, matchesSuggestion, piecesByChange, rejectSuggestions, wholeChanges } from "./suggestions";

const OP1 = "Continue to implement all decisions";


const texts = (doc: Y.Doc) => renderParagraphs(doc).map((p) => p.text);

/**
 * OP1 "Continue to implement fully all decisions": ALB inserts "fully " (a1), BLR deletes
 * "all " (b1), ALB deletes "Continue " (a2, over bold text).
 * OP2 "Invite the Partners to co-operate": ALB inserts " to co-operate" (a3), CUB deletes "the " (c1).
 */
function draft(): Y.Doc {
  const doc = build([
    { id: "op1", kind: "operative", runs: [{ text: "Continue ", marks: ["bold"] }, { text: "to implement all decisions" }] },
    { id: "op2", kind: "operative", runs: [{ text: "Invite the Partners" }] },
  ]);
  xml(doc, 0).insert(22, "fully ", ins("a1", "ALB"));
  xml(doc, 0).format(28, 4, del("b1", "BLR"));
  xml(doc, 0).format(0, 9, del("a2", "ALB"));
  xml(doc, 1).insert(19, " to co-operate", ins("a3", "ALB"));
  xml(doc, 1).format(7, 4, del("c1", "CUB"));
  return doc;
}

/** The accepted projection of a document written directly with the expected accepted text. */
function expectAccepted(doc: Y.Doc, blocks: Block[]): void {
  expect(acceptedProjection(doc)).toBe(acceptedProjection(build(blocks)));
}

const summary = (doc: Y.Doc) => listSuggestions(doc).map((s) => `${s.blockId}:${s.type}:${s.delegation}:${s.id}:${s.text}`);

describe("listSuggestions", () => {
  it("lists every suggestion in text order with its range and text", () => {
    expect(listSuggestions(draft())).toEqual([
      { id: "a2", type: "deletion", delegation: "ALB", blockId: "op1", from: 0, to: 9, text: "Continue " },
      { id: "a1", type: "insertion", delegation: "ALB", blockId: "op1", from: 22, to: 28, text: "fully " },
      { id: "b1", type: "deletion", delegation: "BLR", blockId: "op1", from: 28, to: 32, text: "all " },
      { id: "c1", type: "deletion", delegation: "CUB", blockId: "op2", from: 7, to: 11, text: "the " },
      { id: "a3", type: "insertion", delegation: "ALB", blockId: "op2", from: 19, to: 33, text: " to co-operate" },
    ]);
    const rendered = renderParagraphs(draft());
    for (const s of listSuggestions(draft())) {
      expect(rendered.find((p) => p.id === s.blockId)?.text.slice(s.from, s.to)).toBe(s.text);
    }
  });

  it("joins adjacent runs of one suggestion, even with different formatting", () => {
    const doc = build([{ id: "p", kind: "paragraph", runs: [{ text: "Text" }] }]);
    xml(doc, 0).insert(4, " more", ins("s1", "ALB"));
    xml(doc, 0).insert(9, " words", ins("s1", "ALB"));
    xml(doc, 0).format(6, 3, { bold: {} });
    expect(listSuggestions(doc)).toEqual([{ id: "s1", type: "insertion", delegation: "ALB", blockId: "p", from: 4, to: 15, text: " more words" }]);
  });

  it("keeps apart adjacent suggestions with different ids, types or delegations", () => {
    const doc = build([{ id: "p", kind: "paragraph", runs: [{ text: "abcdef" }] }]);
    xml(doc, 0).format(0, 2, del("s1", "ALB"));
    xml(doc, 0).format(2, 2, del("s2", "ALB"));
    xml(doc, 0).format(4, 2, del("s2", "BLR"));
    xml(doc, 0).insert(6, "gh", ins("s2", "BLR"));
    expect(summary(doc)).toEqual(["p:deletion:ALB:s1:ab", "p:deletion:ALB:s2:cd", "p:deletion:BLR:s2:ef", "p:insertion:BLR:s2:gh"]);
  });

  it("lists each range of an id that appears in separate places", () => {
    const doc = build([{ id: "p", kind: "paragraph", runs: [{ text: "one two three" }] }]);
    xml(doc, 0).format(0, 3, del("s1", "ALB"));
    xml(doc, 0).format(8, 5, del("s1", "ALB"));
    expect(listSuggestions(doc).map((s) => [s.from, s.to, s.text])).toEqual([
      [0, 3, "one"],
      [8, 13, "three"],
    ]);
    // One change, counted once however many pieces draw it.
    expect(countChanges(listSuggestions(doc))).toBe(1);
    expect(countChanges(listSuggestions(doc), (s) => s.delegation === "BLR")).toBe(0);
    // Deciding by the id decides both ranges.
    expect(acceptSuggestions(doc, { id: "s1" })).toBe(2);
    expect(texts(doc)).toEqual([" two "]);
  });

  it("skips malformed marks (they cannot be named) and reads every Y.XmlText of a block", () => {
    const doc = build([{ id: "p", kind: "paragraph", runs: [] }]);
    const t1 = new Y.XmlText();
    const t2 = new Y.XmlText();
    block(doc, 0).insert(0, [t1, t2]);
    t1.insert(0, "abc", { insertion: { id: null, delegation: null } });
    t2.insert(0, "def", ins("s1", "ALB"));
    expect(listSuggestions(doc)).toEqual([{ id: "s1", type: "insertion", delegation: "ALB", blockId: "p", from: 3, to: 6, text: "def" }]);
    expect(rejectSuggestions(doc, { id: "s1" })).toBe(1);
    expect(texts(doc)).toEqual(["abc"]);
  });
});

describe("accept and reject", () => {
  it("accepting an insertion keeps its text, unmarked and with its formatting", () => {
    const doc = draft();
    xml(doc, 0).format(22, 5, { italic: {} });
    expect(acceptSuggestions(doc, { id: "a1" })).toBe(1);
    expect(texts(doc)[0]).toBe("Continue to implement fully all decisions");
    expect(xml(doc, 0).toDelta()).toContainEqual({ insert: "fully", attributes: { italic: {} } });
    expect(summary(doc)).toEqual(["op1:deletion:ALB:a2:Continue ", "op1:deletion:BLR:b1:all ", "op2:deletion:CUB:c1:the ", "op2:insertion:ALB:a3: to co-operate"]);
  });

  it("rejecting an insertion removes its text", () => {
    const doc = draft();
    expect(rejectSuggestions(doc, { id: "a1" })).toBe(1);
    expect(texts(doc)[0]).toBe("Continue to implement all decisions");
    expect(listSuggestions(doc).some((s) => s.id === "a1")).toBe(false);
  });

  it("accepting a deletion removes its text", () => {
    const doc = draft();
    expect(acceptSuggestions(doc, { id: "b1" })).toBe(1);
    expect(texts(doc)[0]).toBe("Continue to implement fully decisions");
    expect(summary(doc)).not.toContain("op1:deletion:BLR:b1:all ");
  });

  it("rejecting a deletion keeps its text, unmarked and with its formatting", () => {
    const doc = draft();
    expect(rejectSuggestions(doc, { id: "a2" })).toBe(1);
    expect(texts(doc)[0]).toBe("Continue to implement fully all decisions");
    expect(xml(doc, 0).toDelta()[0]).toEqual({ insert: "Continue ", attributes: { bold: {} } });
  });

  it("accepting everything gives the negotiated text; rejecting everything restores the original", () => {
    const accepted = draft();
    expect(acceptSuggestions(accepted, {})).toBe(5);
    expect(listSuggestions(accepted)).toEqual([]);
    expectAccepted(accepted, [
      { id: "op1", kind: "operative", runs: [{ text: "to implement fully decisions" }] },
      { id: "op2", kind: "operative", runs: [{ text: "Invite Partners to co-operate" }] },
    ]);
    const rejected = draft();
    expect(rejectSuggestions(rejected, {})).toBe(5);
    expect(listSuggestions(rejected)).toEqual([]);
    expectAccepted(rejected, [
      { id: "op1", kind: "operative", runs: [{ text: "Continue ", marks: ["bold"] }, { text: "to implement all decisions" }] },
      { id: "op2", kind: "operative", runs: [{ text: "Invite the Partners" }] },
    ]);
    expect(texts(rejected)).toEqual([OP1, "Invite the Partners"]);
  });

  it("many interleaved suggestions in one block: offsets stay right", () => {
    const doc = build([{ id: "p", kind: "paragraph", runs: [{ text: "0123456789" }] }]);
    const t = xml(doc, 0);
    // Insert from the end so the offsets given are those of the original text.
    for (const at of [9, 7, 5, 3, 1]) t.insert(at, `<${at}>`, ins(`i${at}`, "ALB"));
    // Original digit d is now at d + 3 * (number of insertions before it).
    for (const d of [0, 4, 8]) t.format(d + 3 * Math.ceil(d / 2), 1, del(`d${d}`, "ALB"));
    expect(texts(doc)).toEqual(["0<1>12<3>34<5>56<7>78<9>9"]);
    expect(acceptSuggestions(doc, { delegation: "ALB" })).toBe(8);
    expect(texts(doc)).toEqual(["<1>12<3>3<5>56<7>7<9>9"]);
    const rejected = build([{ id: "p", kind: "paragraph", runs: [{ text: "0123456789" }] }]);
    const r = xml(rejected, 0);
    for (const at of [9, 7, 5, 3, 1]) r.insert(at, `<${at}>`, ins(`i${at}`, "ALB"));
    for (const d of [0, 4, 8]) r.format(d + 3 * Math.ceil(d / 2), 1, del(`d${d}`, "ALB"));
    expect(rejectSuggestions(rejected, {})).toBe(8);
    expect(texts(rejected)).toEqual(["0123456789"]);
    expect(xml(rejected, 0).toDelta()).toEqual([{ insert: "0123456789" }]);
  });
});

describe("filters", () => {
  it("by delegation: decides all of theirs and leaves the others' suggestions intact", () => {
    const doc = draft();
    const blr = suggestionProjection(doc, "BLR");
    const cub = suggestionProjection(doc, "CUB");
    expect(acceptSuggestions(doc, { delegation: "ALB" })).toBe(3);
    expect(texts(doc)).toEqual(["to implement fully all decisions", "Invite the Partners to co-operate"]);
    expect(suggestionProjection(doc, "ALB")).toBe("[]");
    expect(suggestionProjection(doc, "BLR")).toBe(blr);
    expect(suggestionProjection(doc, "CUB")).toBe(cub);
    expect(summary(doc)).toEqual(["op1:deletion:BLR:b1:all ", "op2:deletion:CUB:c1:the "]);
  });

  it("by paragraph: only that block changes", () => {
    const doc = draft();
    const op2Before = renderParagraphs(doc)[1];
    const cub = suggestionProjection(doc, "CUB");
    expect(rejectSuggestions(doc, { blockId: "op1" })).toBe(3);
    expect(texts(doc)[0]).toBe(OP1);
    expect(renderParagraphs(doc)[1]).toEqual(op2Before);
    expect(suggestionProjection(doc, "CUB")).toBe(cub);
    expect(summary(doc)).toEqual(["op2:deletion:CUB:c1:the ", "op2:insertion:ALB:a3: to co-operate"]);
  });

  it("by id: only that suggestion", () => {
    const doc = draft();
    const before = summary(doc);
    expect(acceptSuggestions(doc, { id: "a3" })).toBe(1);
    expect(texts(doc)).toEqual(["Continue to implement fully all decisions", "Invite the Partners to co-operate"]);
    expect(summary(doc)).toEqual(before.filter((s) => !s.includes(":a3:")));
  });

  it("all given fields must match", () => {
    const doc = draft();
    expect(rejectSuggestions(doc, { delegation: "ALB", blockId: "op2" })).toBe(1);
    expect(texts(doc)).toEqual(["Continue to implement fully all decisions", "Invite the Partners"]);
    expect(acceptSuggestions(doc, { id: "b1", delegation: "ALB" })).toBe(0);
    expect(summary(doc)).toHaveLength(4);
  });

  it("a change is decided whole: every piece of its id, also those in another paragraph", () => {
    // ALB typed "pursue" over "Invite" (r1), and the chair split OP1 inside "implement all":
    // ALB's replacement of "implement" with "carry out" (r2) now ends OP1 and begins OP2.
    const doc = build([
      { id: "op1", kind: "operative", runs: [{ text: "Continue to imple" }] },
      { id: "op2", kind: "operative", runs: [{ text: "ment all decisions" }] },
    ]);
    xml(doc, 0).format(12, 5, del("r2", "ALB"));
    xml(doc, 1).format(0, 4, del("r2", "ALB"));
    xml(doc, 1).insert(4, "carry out", ins("r2", "ALB"));
    const split = listSuggestions(doc);
    expect(wholeChanges(split, { blockId: "op2" })).toEqual(split);
    expect(acceptSuggestions(doc, { blockId: "op2" })).toBe(3);
    expect(texts(doc)).toEqual(["Continue to ", "carry out all decisions"]);
    expect(listSuggestions(doc)).toEqual([]);
  });

  it("piecesByChange: one group per id and delegation, in the order the first pieces come", () => {
    const piece = (id: string, delegation: string, text: string) => ({ id, delegation, text });
    // The same id under two delegations' marks is two changes (a forged mark is never one with the real change).
    const groups = piecesByChange([piece("r1", "ALB", "a"), piece("r2", "BLR", "b"), piece("r1", "ALB", "c"), piece("r1", "BLR", "d")]);
    expect(groups.map((g) => g.map((p) => p.text).join(""))).toEqual(["ac", "b", "d"]);
  });

  it("a replacement's deletion and insertion (one id): accepting keeps the new words, rejecting the old", () => {
    const replaced = () => {
      const doc = draft();
      xml(doc, 1).format(0, 6, del("r1", "ALB"));
      xml(doc, 1).insert(6, "Urge", ins("r1", "ALB"));
      return doc;
    };
    const accepted = replaced();
    expect(acceptSuggestions(accepted, { id: "r1" })).toBe(2);
    expect(texts(accepted)[1]).toBe("Urge the Partners to co-operate");
    const rejected = replaced();
    expect(rejectSuggestions(rejected, { id: "r1" })).toBe(2);
    expect(texts(rejected)[1]).toBe("Invite the Partners to co-operate");
    expect(summary(rejected).filter((x) => x.includes(":r1:"))).toEqual([]);
  });

  it("an id another delegation's marks also carry (written before the server refused it) does not take its pieces along", () => {
    const doc = draft();
    xml(doc, 1).insert(0, "Grafted ", ins("a3", "BLR"));
    expect(rejectSuggestions(doc, { id: "a3", delegation: "ALB" })).toBe(1);
    expect(texts(doc)[1]).toBe("Grafted Invite the Partners");
  });

  it("an empty id matches nothing rather than everything", () => {
    const s = listSuggestions(draft())[0]!;
    expect(matchesSuggestion(s, {})).toBe(true);
    expect(matchesSuggestion(s, { id: "" })).toBe(false);
    expect(acceptSuggestions(draft(), { id: "" })).toBe(0);
  });
});

describe("transactions", () => {
  it("decides in one transaction with the given origin", () => {
    const doc = draft();
    const origins: unknown[] = [];
    let updates = 0;
    doc.on("afterTransaction", (tr: Y.Transaction) => origins.push(tr.origin));
    doc.on("update", () => updates++);
    const origin = { server: true };
    expect(acceptSuggestions(doc, {}, origin)).toBe(5);
    expect(origins).toEqual([origin]);
    expect(updates).toBe(1);
  });

  it("changes nothing when nothing matches", () => {
    const doc = draft();
    let updates = 0;
    doc.on("update", () => updates++);
    expect(rejectSuggestions(doc, { delegation: "ZZZ" })).toBe(0);
    expect(updates).toBe(0);
  });

  it("the decision reaches another replica as one update", () => {
    const doc = draft();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    rejectSuggestions(doc, { blockId: "op2" });
    expect(updates).toHaveLength(1);
    Y.applyUpdate(replica, updates[0]!);
    expect(texts(replica)).toEqual(texts(doc));
    expect(acceptedProjection(replica)).toBe(acceptedProjection(doc));
  });
});
