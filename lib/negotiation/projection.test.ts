import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { Transform } from "@tiptap/pm/transform";
import type { Schema } from "@tiptap/pm/model";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { documentSchema } from "../editor/schema";
import { block, build, clone, del, ins, xml } from "./test-doc";
import {
  acceptedProjection,
  checkOpenDraftingUpdate,
  stableStringify,
  suggestionDelegations,
  suggestionMarkOf,
  suggestionProjection,
} from "./projection";

const OP1 = "Continue to implement all decisions";


/**
 * OP1 "Continue to implement [fully ]all decisions" with ALB's insertion "fully " (22..28)
 * and BLR's deletion of "all " (28..32); OP2 with BLR's insertion " to co-operate" at its end;
 * a bold, bracketed word in OP2.
 */
function draft(): Y.Doc {
  const doc = build([
    { id: "op1", kind: "operative", runs: [{ text: OP1 }] },
    { id: "op2", kind: "operative", runs: [{ text: "Invite the " }, { text: "Partners", marks: ["bold"] }] },
  ]);
  xml(doc, 0).insert(22, "fully ", ins("a1", "ALB"));
  xml(doc, 0).format(28, 4, del("b1", "BLR"));
  xml(doc, 1).format(11, 8, { bracket: {} });
  xml(doc, 1).insert(19, " to co-operate", ins("b2", "BLR"));
  return doc;
}

describe("acceptedProjection", () => {
  it("leaves out proposed insertions and keeps proposed deletions", () => {
    const plain = build([
      { id: "op1", kind: "operative", runs: [{ text: OP1 }] },
      { id: "op2", kind: "operative", runs: [{ text: "Invite the " }, { text: "Partners", marks: ["bold"] }] },
    ]);
    xml(plain, 1).format(11, 8, { bracket: {} });
    expect(acceptedProjection(draft())).toBe(acceptedProjection(plain));
  });

  it("includes kind, id and formatting (bold, italic, bracket)", () => {
    const base = acceptedProjection(draft());
    const bold = draft();
    xml(bold, 0).format(0, 8, { bold: {} });
    const italic = draft();
    xml(italic, 0).format(0, 8, { italic: {} });
    const unbracketed = draft();
    xml(unbracketed, 1).format(11, 8, { bracket: null });
    const renamed = draft();
    block(renamed, 0).setAttribute("id", "op9");
    const projections = [base, acceptedProjection(bold), acceptedProjection(italic), acceptedProjection(unbracketed), acceptedProjection(renamed)];
    expect(new Set(projections).size).toBe(projections.length);
  });

  it("formatting under a proposed deletion is part of the accepted text", () => {
    const a = draft();
    const b = draft();
    xml(b, 0).format(28, 4, { bold: {} });
    expect(acceptedProjection(b)).not.toBe(acceptedProjection(a));
  });

  it("does not depend on how runs are split", () => {
    const one = build([{ id: "p", kind: "paragraph", runs: [{ text: "Hello brave new world", marks: ["bold"] }] }]);
    const several = build([
      {
        id: "p",
        kind: "paragraph",
        runs: [
          { text: "Hello ", marks: ["bold"] },
          { text: "brave ", marks: ["bold"] },
          { text: "new world", marks: ["bold"] },
        ],
      },
    ]);
    // Built character by character, with a no-op re-format splitting Yjs items further.
    const typed = build([{ id: "p", kind: "paragraph", runs: [] }]);
    const t = new Y.XmlText();
    block(typed, 0).insert(0, [t]);
    [..."Hello brave new world"].forEach((ch, i) => t.insert(i, ch, { bold: {} }));
    t.format(3, 5, { bold: {} });
    expect(acceptedProjection(several)).toBe(acceptedProjection(one));
    expect(acceptedProjection(typed)).toBe(acceptedProjection(one));
  });

  it("does not depend on the split into several Y.XmlText children (concurrent typing into an empty block)", () => {
    const one = build([{ id: "p", kind: "paragraph", runs: [{ text: "abcdef" }] }]);
    const two = build([{ id: "p", kind: "paragraph", runs: [] }]);
    const t1 = new Y.XmlText();
    const t2 = new Y.XmlText();
    block(two, 0).insert(0, [t1, t2]);
    t1.insert(0, "abc");
    t2.insert(0, "def");
    expect(acceptedProjection(two)).toBe(acceptedProjection(one));
  });

  it("counts content the schema never makes (embeds, nested nodes, top-level text)", () => {
    const base = acceptedProjection(draft());
    const embed = draft();
    xml(embed, 0).insertEmbed(0, { image: "x" }, ins("a9", "ALB"));
    const nested = draft();
    block(nested, 0).insert(1, [new Y.XmlElement("operative")]);
    const topText = draft();
    const stray = new Y.XmlText();
    stray.insert(0, "hidden");
    topText.getXmlFragment("default").insert(2, [stray]);
    for (const doc of [embed, nested, topText]) expect(acceptedProjection(doc)).not.toBe(base);
  });
});

describe("suggestionProjection and suggestionDelegations", () => {
  it("holds one delegation's characters and their type, per block", () => {
    const doc = draft();
    expect(JSON.parse(suggestionProjection(doc, "ALB"))).toEqual([["op1", [["t", "fully ", "insertion:a1:{}"]]]]);
    expect(JSON.parse(suggestionProjection(doc, "BLR"))).toEqual([
      ["op1", [["t", "all ", "deletion:b1:{}"]]],
      ["op2", [["t", " to co-operate", "insertion:b2:{}"]]],
    ]);
    expect(suggestionProjection(doc, "CUB")).toBe("[]");
    expect(suggestionDelegations(doc)).toEqual(new Set(["ALB", "BLR"]));
  });

  it("ignores run splitting, not suggestion ids (which group a delegation's pieces into changes)", () => {
    const a = build([{ id: "p", kind: "paragraph", runs: [{ text: "Text" }] }]);
    xml(a, 0).insert(4, " added", ins("x1", "ALB"));
    const b = build([{ id: "p", kind: "paragraph", runs: [{ text: "Text" }] }]);
    xml(b, 0).insert(4, " ad", ins("x1", "ALB"));
    xml(b, 0).insert(7, "ded", ins("x1", "ALB"));
    expect(suggestionProjection(b, "ALB")).toBe(suggestionProjection(a, "ALB"));
    const c = build([{ id: "p", kind: "paragraph", runs: [{ text: "Text" }] }]);
    xml(c, 0).insert(4, " ad", ins("y1", "ALB"));
    xml(c, 0).insert(7, "ded", ins("y2", "ALB"));
    expect(suggestionProjection(c, "ALB")).not.toBe(suggestionProjection(a, "ALB"));
    expect(acceptedProjection(c)).toBe(acceptedProjection(a));
  });

  it("distinguishes insertion from deletion of the same characters", () => {
    const a = build([{ id: "p", kind: "paragraph", runs: [{ text: "Text" }] }]);
    xml(a, 0).insert(0, "x", ins("s", "ALB"));
    const b = build([{ id: "p", kind: "paragraph", runs: [{ text: "Text" }] }]);
    xml(b, 0).insert(0, "x", del("s", "ALB"));
    expect(suggestionProjection(b, "ALB")).not.toBe(suggestionProjection(a, "ALB"));
  });
});

describe("suggestionMarkOf", () => {
  it("accepts exactly one mark with a non-empty id of at most 64 characters and a delegation", () => {
    expect(suggestionMarkOf({})).toEqual({ kind: "none" });
    expect(suggestionMarkOf({ bold: {}, insertion: null })).toEqual({ kind: "none" });
    expect(suggestionMarkOf(ins("a", "ALB"))).toEqual({ kind: "suggestion", type: "insertion", id: "a", delegation: "ALB" });
    expect(suggestionMarkOf(del("x".repeat(64), "ALB"))).toMatchObject({ kind: "suggestion", type: "deletion" });
    for (const bad of [
      { insertion: { id: "x".repeat(65), delegation: "ALB" } },
      { insertion: { id: "", delegation: "ALB" } },
      { insertion: { id: 7, delegation: "ALB" } },
      { insertion: { id: "a" } },
      { deletion: { id: "a", delegation: 3 } },
      { deletion: "ALB" },
      { deletion: [] },
      { ...ins("a", "ALB"), ...del("b", "ALB") },
    ]) {
      expect(suggestionMarkOf(bad)).toEqual({ kind: "malformed" });
    }
  });
});

describe("stableStringify", () => {
  it("sorts keys and survives bigint", () => {
    expect(stableStringify({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: null } })).toBe(stableStringify({ a: { c: null, d: [1, { e: 1, f: 2 }] }, b: 1 }));
    expect(stableStringify({ n: 10n })).toBe('{"n":"10n"}');
  });
});

describe("checkOpenDraftingUpdate", () => {
  const check = (edit: (doc: Y.Doc) => void, delegation = "ALB", start: () => Y.Doc = draft) => {
    const before = start();
    const after = clone(before);
    edit(after);
    return checkOpenDraftingUpdate(before, after, delegation);
  };
  const OK = { ok: true };
  const refused = (reason: string) => ({ ok: false, reason });

  describe("allows a delegate's own suggestions", () => {
    it("inserting text with their own insertion mark (new or extending one)", () => {
      expect(check((d) => xml(d, 0).insert(0, "Please ", ins("a3", "ALB")))).toEqual(OK);
      expect(check((d) => xml(d, 0).insert(28, "and ", ins("a1", "ALB")))).toEqual(OK);
      // Bold inherited from the accepted text around it is part of their own insertion.
      expect(check((d) => xml(d, 1).insert(15, "hip", { bold: {}, ...ins("a4", "ALB") }))).toEqual(OK);
    });

    it("marking accepted text with their own deletion mark", () => {
      expect(check((d) => xml(d, 0).format(0, 9, del("a5", "ALB")))).toEqual(OK);
      expect(check((d) => xml(d, 1).format(11, 8, del("a5", "ALB")))).toEqual(OK);
    });

    it("deleting their own inserted text, and withdrawing their own deletion", () => {
      expect(check((d) => xml(d, 0).delete(22, 6))).toEqual(OK);
      expect(check((d) => xml(d, 0).delete(24, 2))).toEqual(OK);
      const withOwnDeletion = () => {
        const doc = draft();
        xml(doc, 0).format(0, 9, del("a6", "ALB"));
        return doc;
      };
      expect(check((d) => xml(d, 0).format(0, 9, { deletion: null }), "ALB", withOwnDeletion)).toEqual(OK);
    });

    it("a replacement: their deletion of accepted text and their insertion after it, under one id", () => {
      const replace = (d: Y.Doc) => {
        xml(d, 0).format(9, 12, del("a3", "ALB"));
        xml(d, 0).insert(21, "carry out", ins("a3", "ALB"));
      };
      expect(check(replace)).toEqual(OK);
      // Typing on extends it; Backspace takes its own words back.
      const replaced = () => {
        const doc = draft();
        replace(doc);
        return doc;
      };
      expect(check((d) => xml(d, 0).insert(30, " fully", ins("a3", "ALB")), "ALB", replaced)).toEqual(OK);
      expect(check((d) => xml(d, 0).delete(25, 5), "ALB", replaced)).toEqual(OK);
    });

    it("typing inside another delegation's suggestion, which only splits it", () => {
      // Inside BLR's insertion " to co-operate" (OP2 19..33) and inside BLR's deletion "all ".
      expect(check((d) => xml(d, 1).insert(23, "closely ", ins("a7", "ALB")))).toEqual(OK);
      expect(check((d) => xml(d, 0).insert(30, "zz", ins("a7", "ALB")))).toEqual(OK);
    });

    it("typing into an empty block (which creates its Y.XmlText)", () => {
      const withEmpty = () => build([{ id: "p1", kind: "paragraph", runs: [] }]);
      const typed = (d: Y.Doc) => {
        const t = new Y.XmlText();
        t.insert(0, "New text", ins("a8", "ALB"));
        block(d, 0).insert(0, [t]);
      };
      expect(check(typed, "ALB", withEmpty)).toEqual(OK);
    });

    it("a change that changes nothing", () => {
      expect(check(() => undefined)).toEqual(OK);
      expect(check((d) => xml(d, 0).format(0, 5, {}))).toEqual(OK);
    });
  });

  describe("refuses", () => {
    it("a plain insertion without a mark", () => {
      expect(check((d) => xml(d, 0).insert(0, "Plain "))).toEqual(refused("changes accepted text in block op1"));
      expect(check((d) => xml(d, 1).insert(0, "Plain "))).toEqual(refused("changes accepted text in block op2"));
    });

    it("deleting accepted text, also when it carries their own or another's deletion mark", () => {
      expect(check((d) => xml(d, 0).delete(0, 9))).toEqual(refused("changes accepted text in block op1"));
      expect(check((d) => xml(d, 0).delete(28, 4))).toEqual(refused("changes accepted text in block op1"));
      const withOwnDeletion = () => {
        const doc = draft();
        xml(doc, 0).format(0, 9, del("a6", "ALB"));
        return doc;
      };
      expect(check((d) => xml(d, 0).delete(0, 9), "ALB", withOwnDeletion)).toEqual(refused("changes accepted text in block op1"));
    });

    it("changing formatting of accepted text", () => {
      expect(check((d) => xml(d, 0).format(0, 8, { bold: {} }))).toEqual(refused("changes accepted text in block op1"));
      expect(check((d) => xml(d, 1).format(11, 8, { bold: null }))).toEqual(refused("changes accepted text in block op2"));
      expect(check((d) => xml(d, 1).format(11, 8, { bracket: null }))).toEqual(refused("changes accepted text in block op2"));
    });

    it("accepting their own insertion by removing its mark", () => {
      expect(check((d) => xml(d, 0).format(22, 6, { insertion: null }))).toEqual(refused("changes accepted text in block op1"));
    });

    it("inserting text marked with another delegation's code", () => {
      expect(check((d) => xml(d, 0).insert(0, "Forged ", ins("x", "BLR")))).toEqual(refused("changes suggestions of BLR"));
      expect(check((d) => xml(d, 0).insert(0, "Forged ", ins("x", "CUB")))).toEqual(refused("changes suggestions of CUB"));
      expect(check((d) => xml(d, 0).format(0, 8, del("x", "CUB")))).toEqual(refused("changes suggestions of CUB"));
    });

    it("their marks carrying the id of another delegation's suggestion (its words would join that delegation's change)", () => {
      const borrowed = refused("marks its suggestion with the id of another delegation's (b2)");
      expect(check((d) => xml(d, 0).insert(0, "Grafted ", ins("b2", "ALB")))).toEqual(borrowed);
      expect(check((d) => xml(d, 0).format(0, 8, del("b2", "ALB")))).toEqual(borrowed);
      // An id shared before the update (written by someone else) does not block their other edits.
      const shared = () => {
        const doc = draft();
        xml(doc, 0).insert(0, "Old ", ins("b1", "ALB"));
        return doc;
      };
      expect(check((d) => xml(d, 1).insert(0, "Also ", ins("a3", "ALB")), "ALB", shared)).toEqual(OK);
    });

    it("removing or altering another delegation's insertion or deletion", () => {
      expect(check((d) => xml(d, 1).delete(19, 14))).toEqual(refused("changes suggestions of BLR"));
      expect(check((d) => xml(d, 0).format(28, 4, { deletion: null }))).toEqual(refused("changes suggestions of BLR"));
      // Removing another's insertion mark makes their text accepted.
      expect(check((d) => xml(d, 1).format(19, 14, { insertion: null }))).toEqual(refused("changes accepted text in block op2"));
      // Taking over another's deletion or insertion.
      expect(check((d) => xml(d, 0).format(28, 4, del("b1", "ALB")))).toEqual(refused("changes suggestions of BLR"));
      expect(check((d) => xml(d, 1).format(19, 14, ins("b2", "ALB")))).toEqual(refused("changes suggestions of BLR"));
      // Restyling another's proposed insertion.
      expect(check((d) => xml(d, 1).format(19, 14, { bold: {} }))).toEqual(refused("changes suggestions of BLR"));
    });

    it("splitting a block, changing a block kind or id, adding or removing a block", () => {
      expect(
        check((d) => {
          const tail = new Y.XmlElement("operative");
          tail.setAttribute("id", "op1b");
          const t = new Y.XmlText();
          t.insert(0, "decisions");
          tail.insert(0, [t]);
          xml(d, 0).delete(32, 9);
          d.getXmlFragment("default").insert(1, [tail]);
        }),
      ).toEqual(refused("changes accepted text in block op1"));
      expect(
        check((d) => {
          const fragment = d.getXmlFragment("default");
          const kind = new Y.XmlElement("preambular");
          kind.setAttribute("id", "op1");
          const t = new Y.XmlText();
          t.applyDelta(xml(d, 0).toDelta());
          kind.insert(0, [t]);
          fragment.delete(0, 1);
          fragment.insert(0, [kind]);
        }),
      ).toEqual(refused("changes accepted text in block op1"));
      expect(check((d) => block(d, 1).setAttribute("id", "op7"))).toEqual(refused("changes accepted text in block op7"));
      expect(check((d) => block(d, 1).setAttribute("status", "agreed"))).toEqual(refused("changes accepted text in block op2"));
      expect(
        check((d) => {
          const p = new Y.XmlElement("operative");
          p.setAttribute("id", "op3");
          d.getXmlFragment("default").insert(2, [p]);
        }),
      ).toEqual(refused("changes accepted text in block op3"));
      expect(check((d) => d.getXmlFragment("default").delete(1, 1))).toEqual(refused("changes accepted text in block op2"));
    });

    it("content the schema never makes, even under their own insertion mark", () => {
      expect(check((d) => xml(d, 0).insertEmbed(0, { image: "x" }, ins("a9", "ALB")))).toEqual(refused("changes accepted text in block op1"));
      expect(check((d) => block(d, 0).insert(1, [new Y.XmlElement("operative")]))).toEqual(refused("changes accepted text in block op1"));
    });

    it("malformed suggestion marks", () => {
      const malformed = refused("malformed suggestion mark");
      expect(check((d) => xml(d, 0).insert(0, "x", { insertion: { id: 7, delegation: "ALB" } }))).toEqual(malformed);
      expect(check((d) => xml(d, 0).insert(0, "x", { insertion: { id: "", delegation: "ALB" } }))).toEqual(malformed);
      expect(check((d) => xml(d, 0).insert(0, "x", ins("x".repeat(65), "ALB")))).toEqual(malformed);
      expect(check((d) => xml(d, 0).insert(0, "x", { insertion: { id: "a" } }))).toEqual(malformed);
      expect(check((d) => xml(d, 0).insert(0, "x", { insertion: { id: "a", delegation: 5 } }))).toEqual(malformed);
      expect(check((d) => xml(d, 0).insert(0, "x", { insertion: "ALB" }))).toEqual(malformed);
      expect(check((d) => xml(d, 0).insert(0, "x", { ...ins("a", "ALB"), ...del("a", "ALB") }))).toEqual(malformed);
      // A malformed mark naming another delegation is reported as malformed, not hidden.
      expect(check((d) => xml(d, 0).insert(0, "x", { insertion: { id: 7, delegation: "BLR" } }))).toEqual(malformed);
    });
  });

  it("a malformed mark already in the text (e.g. pasted by the chair) neither blocks others' edits nor can be edited", () => {
    const withChairPaste = () => {
      const doc = draft();
      xml(doc, 1).insert(0, "Pasted ", { insertion: { id: null, delegation: null } });
      return doc;
    };
    expect(check((d) => xml(d, 0).insert(0, "Please ", ins("a3", "ALB")), "ALB", withChairPaste)).toEqual(OK);
    expect(check((d) => xml(d, 1).delete(0, 7), "ALB", withChairPaste)).toEqual(refused("malformed suggestion mark"));
  });

  it("does not depend on run splitting between before and after", () => {
    // The same document rebuilt from scratch with differently split runs passes as unchanged.
    const before = build([{ id: "p", kind: "paragraph", runs: [{ text: "One two three", marks: ["italic"] }] }]);
    xml(before, 0).insert(3, " and", ins("a1", "ALB"));
    const after = build([
      { id: "p", kind: "paragraph", runs: [{ text: "One", marks: ["italic"] }, { text: " two three", marks: ["italic"] }] },
    ]);
    xml(after, 0).insert(3, " an", ins("a1", "ALB"));
    xml(after, 0).insert(6, "d", ins("a1", "ALB"));
    expect(checkOpenDraftingUpdate(before, after, "BLR")).toEqual(OK);
  });

  it("refuses a delegate regrouping another delegation's changes: splitting one, giving its pieces another change's id (found 2026-12-05 by a review)", () => {
    const before = build([
      { id: "p", kind: "paragraph", runs: [{ text: "Continue to implement all decisions" }] },
      { id: "q", kind: "paragraph", runs: [{ text: "Second" }] },
    ]);
    // Albania's replacement: one change r1 (its deletion and insertion); Russia's insertion ru1.
    xml(before, 0).format(12, 9, del("r1", "ALB"));
    xml(before, 0).insert(21, "carry out", ins("r1", "ALB"));
    xml(before, 1).insert(0, "Russian ", ins("ru1", "RUS"));
    const split = clone(before);
    xml(split, 0).format(21, 9, ins("r1-split", "ALB"));
    expect(checkOpenDraftingUpdate(before, split, "BLR")).toEqual({ ok: false, reason: "changes suggestions of ALB" });
    const grafted = clone(before);
    xml(grafted, 0).format(12, 9, del("ru1", "ALB"));
    expect(checkOpenDraftingUpdate(before, grafted, "BLR")).toEqual({ ok: false, reason: "changes suggestions of ALB" });
    // Albania may regroup its own.
    expect(checkOpenDraftingUpdate(before, split, "ALB")).toEqual(OK);
  });
});

describe("checkOpenDraftingUpdate on edits written by y-prosemirror (as the editor writes them)", () => {
  /** Edits the ProseMirror view of `before`'s clone and writes it back as the editor's binding does. */
  const viaEditor = (edit: (tr: Transform, schema: Schema) => void, delegation = "ALB") => {
    const before = draft();
    const after = clone(before);
    const schema = documentSchema();
    const fragment = after.getXmlFragment("default");
    const tr = new Transform(yXmlFragmentToProseMirrorRootNode(fragment, schema));
    edit(tr, schema);
    updateYFragment(after, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() });
    return checkOpenDraftingUpdate(before, after, delegation);
  };
  // Positions: block 0 starts at 1, so character k of OP1 is at 1 + k.
  const mark = (schema: Schema, name: "insertion" | "deletion", id: string, delegation: string) => schema.marks[name]!.create({ id, delegation });

  it("allows typing marked as their own insertion, keeping inherited formatting", () => {
    expect(viaEditor((tr, s) => tr.insert(1, s.text("Please ", [mark(s, "insertion", "a3", "ALB")])))).toEqual({ ok: true });
    // OP2's text starts at 44 (OP1 is 41 characters + 2 boundaries, then OP2's opening);
    // inside "Partners" (bold, bracketed; characters 11..19) typing inherits those marks.
    expect(
      viaEditor((tr, s) => tr.insert(44 + 14, s.text("hip", [s.marks.bold!.create(), s.marks.bracket!.create(), mark(s, "insertion", "a3", "ALB")]))),
    ).toEqual({ ok: true });
  });

  it("allows proposing a deletion of accepted text and withdrawing their own insertion", () => {
    expect(viaEditor((tr, s) => tr.addMark(1, 10, mark(s, "deletion", "a4", "ALB")))).toEqual({ ok: true });
    expect(viaEditor((tr) => tr.delete(1 + 22, 1 + 28))).toEqual({ ok: true });
  });

  it("refuses plain typing, real deletion, formatting, splitting and retyping a block", () => {
    expect(viaEditor((tr, s) => tr.insert(1, s.text("Plain ")))).toEqual({ ok: false, reason: "changes accepted text in block op1" });
    expect(viaEditor((tr) => tr.delete(1, 10))).toEqual({ ok: false, reason: "changes accepted text in block op1" });
    expect(viaEditor((tr, s) => tr.addMark(1, 10, s.marks.italic!.create()))).toEqual({ ok: false, reason: "changes accepted text in block op1" });
    expect(viaEditor((tr) => tr.split(1 + 12))).toMatchObject({ ok: false, reason: expect.stringContaining("changes accepted text in block") });
    expect(viaEditor((tr, s) => tr.setNodeMarkup(0, s.nodes.preambular, { id: "op1" }))).toEqual({
      ok: false,
      reason: "changes accepted text in block op1",
    });
  });

  it("refuses taking over or removing another delegation's suggestion", () => {
    expect(viaEditor((tr, s) => tr.removeMark(1 + 28, 1 + 32, s.marks.deletion!))).toEqual({ ok: false, reason: "changes suggestions of BLR" });
    expect(viaEditor((tr, s) => tr.insert(1, s.text("x", [mark(s, "insertion", "z", "BLR")])))).toEqual({ ok: false, reason: "changes suggestions of BLR" });
  });
});

describe("projections of a document checked keystroke after keystroke", () => {
  /** A room's two copies: the text before a delegate's update, and the live text it is applied to. */
  function room(paragraphs: number) {
    const live = build(Array.from({ length: paragraphs }, (_, i) => ({ id: `op${i}`, kind: "operative" as const, runs: [{ text: `${OP1} ${i}` }] })));
    const before = clone(live);
    const step = (edit: (doc: Y.Doc) => void) => {
      const sv = Y.encodeStateVector(live);
      edit(live);
      const result = checkOpenDraftingUpdate(before, live, "ALB");
      Y.applyUpdate(before, Y.encodeStateAsUpdate(live, sv));
      return result;
    };
    return { live, before, step };
  }

  it("reads again only the paragraph a keystroke changed, not the whole text", () => {
    const { step } = room(300);
    expect(step((d) => xml(d, 5).insert(3, "a", ins("a1", "ALB")))).toEqual({ ok: true });
    const reads = vi.spyOn(Y.XmlText.prototype, "toDelta");
    expect(step((d) => xml(d, 5).insert(4, "b", ins("a1", "ALB")))).toEqual({ ok: true });
    // The changed paragraph, in the live text and in the copy before it.
    expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
    reads.mockRestore();
  });

  it("still refuses, after many checked keystrokes, a change to accepted words, formatting, a paragraph's id or another delegation's proposal", () => {
    const { step } = room(20);
    for (let i = 0; i < 5; i++) expect(step((d) => xml(d, 7).insert(3 + i, "x", ins("a1", "ALB")))).toEqual({ ok: true });
    expect(step((d) => xml(d, 3).delete(0, 4)).ok).toBe(false);
    expect(step((d) => xml(d, 7).insert(0, "y")).ok).toBe(false);
    expect(step((d) => xml(d, 4).format(0, 8, { bold: {} })).ok).toBe(false);
    expect(step((d) => (d.getXmlFragment("default").get(9) as Y.XmlElement).setAttribute("id", "op99")).ok).toBe(false);
    expect(step((d) => xml(d, 7).format(3, 1, { insertion: { id: "a1", delegation: "BLR" } })).ok).toBe(false);
    // Another delegation's proposal typed into the copy the server keeps, then touched by ALB.
    const other = room(20);
    other.live.transact(() => xml(other.live, 2).insert(0, "more ", ins("b1", "BLR")));
    Y.applyUpdate(other.before, Y.encodeStateAsUpdate(other.live));
    expect(other.step((d) => xml(d, 1).insert(0, "a", ins("a1", "ALB")))).toEqual({ ok: true });
    expect(other.step((d) => xml(d, 2).delete(0, 2)).ok).toBe(false);
    expect(other.step((d) => xml(d, 2).insert(1, "z", ins("b1", "ALB"))).ok).toBe(false);
  });
});

describe("projections kept between checks equal projections read afresh", () => {
  it("after 800 random transactions, local and remote (text, formatting, marks, attributes, blocks added and removed)", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const doc = build(Array.from({ length: 8 }, (_, i) => ({ id: `op${i}`, kind: "operative" as const, runs: [{ text: `${OP1} ${i}` }] })));
    const fragment = doc.getXmlFragment("default");
    const marks = [{}, { bold: {} }, { bold: null }, ins("a1", "ALB"), ins("b1", "BLR"), del("a2", "ALB"), del("b2", "BLR"), { insertion: null }, { deletion: null }];
    const edit = (d: Y.Doc) => {
      const f = d.getXmlFragment("default");
      if (f.length === 0 || rand(12) === 0) {
        const el = new Y.XmlElement((block(doc, 0)?.nodeName ?? "paragraph") as string);
        el.setAttribute("id", `new${rand(1000)}`);
        el.insert(0, [new Y.XmlText("Fresh words")]);
        f.insert(rand(f.length + 1), [el]);
        return;
      }
      const i = rand(f.length);
      const el = f.get(i) as Y.XmlElement;
      const text = el.get(0) as Y.XmlText | undefined;
      const len = text?.length ?? 0;
      switch (rand(6)) {
        case 0:
          if (text) text.insert(rand(len + 1), "xy", marks[rand(marks.length)]);
          break;
        case 1:
          if (text && len > 2) text.delete(rand(len - 1), 1 + rand(2));
          break;
        case 2:
          if (text && len > 3) text.format(rand(len - 3), 1 + rand(3), marks[rand(marks.length)]!);
          break;
        case 3:
          el.setAttribute("id", `op${rand(12)}`);
          break;
        case 4:
          if (f.length > 3 && rand(3) === 0) f.delete(i, 1);
          else el.insert(el.length, [new Y.XmlText("more")]);
          break;
        default:
          if (text) text.insert(rand(len + 1), "z", ins("a1", "ALB"));
      }
    };
    const fresh = () => {
      const copy = clone(doc);
      return [acceptedProjection(copy), suggestionProjection(copy, "ALB"), suggestionProjection(copy, "BLR")];
    };
    const kept = () => [acceptedProjection(doc), suggestionProjection(doc, "ALB"), suggestionProjection(doc, "BLR")];
    expect(kept()).toEqual(fresh());
    for (let step = 0; step < 800; step++) {
      const how = rand(3);
      if (how === 0) edit(doc);
      else if (how === 1) doc.transact(() => [0, 1, 2].forEach(() => edit(doc)));
      else {
        // Another client's transaction, arriving as an update.
        const remote = clone(doc);
        const sv = Y.encodeStateVector(doc);
        remote.transact(() => [0, 1].forEach(() => edit(remote)));
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, sv));
      }
      expect(kept(), `step ${step}`).toEqual(fresh());
    }
    expect(fragment.length).toBeGreaterThan(0);
  });
});
