import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentSchema } from "../editor/schema";
import { renderParagraphs, writeBlocks } from "../model/ydoc";
import { checkOpenDraftingUpdate } from "./projection";
import { acceptSuggestions, listSuggestions, rejectSuggestions } from "./suggestions";

const TEXT = "Continue to implement all decisions";

/** OP1 with an Albanian insertion "fully " and a Belarusian deletion of "all "; OP2 with an Albanian insertion. */
function draft(): Y.Doc {
  const doc = new Y.Doc();
  writeBlocks(doc, documentSchema(), [
    { id: "op1", kind: "operative", runs: [{ text: TEXT }] },
    { id: "op2", kind: "operative", runs: [{ text: "Invite the Partners" }] },
  ]);
  const op1 = xml(doc, 0);
  op1.insert(22, "fully ", { insertion: { id: "a1", delegation: "ALB" } });
  op1.format(28, 4, { deletion: { id: "b1", delegation: "BLR" } });
  xml(doc, 1).insert(19, " to co-operate", { insertion: { id: "a2", delegation: "ALB" } });
  return doc;
}

function xml(doc: Y.Doc, i: number): Y.XmlText {
  return (doc.getXmlFragment("default").get(i) as Y.XmlElement).get(0) as Y.XmlText;
}

const text = (doc: Y.Doc) => renderParagraphs(doc).map((p) => p.text);

function clone(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe("tracked suggestions", () => {
  it("lists suggestions in text order with their delegation and text", () => {
    expect(listSuggestions(draft()).map((s) => [s.blockId, s.type, s.delegation, s.text])).toEqual([
      ["op1", "insertion", "ALB", "fully "],
      ["op1", "deletion", "BLR", "all "],
      ["op2", "insertion", "ALB", " to co-operate"],
    ]);
  });

  it("accepting an insertion keeps its text unmarked; rejecting removes it", () => {
    const a = draft();
    expect(acceptSuggestions(a, { id: "a1" })).toBe(1);
    expect(text(a)[0]).toBe("Continue to implement fully all decisions");
    expect(listSuggestions(a).some((s) => s.id === "a1")).toBe(false);
    const r = draft();
    expect(rejectSuggestions(r, { id: "a1" })).toBe(1);
    expect(text(r)[0]).toBe("Continue to implement all decisions");
  });

  it("accepting a deletion removes the text; rejecting keeps it", () => {
    const a = draft();
    acceptSuggestions(a, { id: "b1" });
    expect(text(a)[0]).toBe("Continue to implement fully decisions");
    const r = draft();
    rejectSuggestions(r, { id: "b1" });
    expect(text(r)[0]).toBe("Continue to implement fully all decisions");
    expect(listSuggestions(r).map((s) => s.id)).toEqual(["a1", "a2"]);
  });

  it("all of one delegation, or one paragraph, and nothing else", () => {
    const byDelegation = draft();
    expect(acceptSuggestions(byDelegation, { delegation: "ALB" })).toBe(2);
    expect(text(byDelegation)).toEqual(["Continue to implement fully all decisions", "Invite the Partners to co-operate"]);
    expect(listSuggestions(byDelegation).map((s) => s.delegation)).toEqual(["BLR"]);
    const byParagraph = draft();
    expect(rejectSuggestions(byParagraph, { blockId: "op1" })).toBe(2);
    expect(text(byParagraph)).toEqual([TEXT, "Invite the Partners to co-operate"]);
  });
});

describe("open drafting rule", () => {
  const check = (edit: (doc: Y.Doc) => void, delegation = "ALB") => {
    const before = draft();
    const after = clone(before);
    edit(after);
    return checkOpenDraftingUpdate(before, after, delegation);
  };

  it("allows own tracked insertions and deletions and withdrawing own insertions", () => {
    expect(check((d) => xml(d, 0).insert(0, "Please ", { insertion: { id: "a3", delegation: "ALB" } }))).toEqual({ ok: true });
    expect(check((d) => xml(d, 0).format(0, 8, { deletion: { id: "a4", delegation: "ALB" } }))).toEqual({ ok: true });
    expect(check((d) => xml(d, 0).delete(22, 6))).toEqual({ ok: true });
  });

  it("refuses changes to accepted text, others' suggestions, structure and malformed marks", () => {
    expect(check((d) => xml(d, 0).insert(0, "Plain "))).toMatchObject({ ok: false, reason: expect.stringContaining("accepted text") });
    expect(check((d) => xml(d, 0).delete(0, 9))).toMatchObject({ ok: false });
    expect(check((d) => xml(d, 0).format(0, 8, { bold: {} }))).toMatchObject({ ok: false });
    expect(check((d) => xml(d, 0).insert(0, "Forged ", { insertion: { id: "x", delegation: "BLR" } }))).toMatchObject({
      ok: false,
      reason: "changes suggestions of BLR",
    });
    expect(check((d) => xml(d, 0).format(28, 4, { deletion: null }))).toMatchObject({ ok: false, reason: "changes suggestions of BLR" });
    expect(check((d) => xml(d, 0).insert(0, "x", { insertion: { id: 7, delegation: "ALB" } }))).toEqual({ ok: false, reason: "malformed suggestion mark" });
    expect(
      check((d) => {
        const p = new Y.XmlElement("operative");
        p.setAttribute("id", "op3");
        d.getXmlFragment("default").insert(2, [p]);
      }),
    ).toMatchObject({ ok: false });
  });
});
