import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { documentSchema } from "@/lib/editor/schema";
import { blocksToProsemirrorJSON, writeBlocks } from "@/lib/model/ydoc";
import { createAnchor } from "@/lib/negotiation/anchor";
import type { Block } from "@/lib/model/types";
import type { AnnotationView } from "@/server/negotiation/views";
import { negotiationDecorations, positionLabel } from "./negotiation-decorations";

const schema = documentSchema();

/** A report of `n` operative paragraphs, as the text (Yjs) and as the editor has it. */
function report(n: number) {
  const blocks: Block[] = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, kind: "operative", runs: [{ text: `Paragraph ${i} urges all States to act.` }] }));
  const ydoc = new Y.Doc();
  writeBlocks(ydoc, schema, blocks);
  return { ydoc, pm: schema.nodeFromJSON(blocksToProsemirrorJSON(blocks)) };
}

function objection(ydoc: Y.Doc, i: number, blockId: string): AnnotationView {
  const at = `Paragraph ${blockId.slice(1)} urges `.length;
  return {
    id: `a${i}`,
    kind: "objection",
    op: null,
    proposedText: null,
    status: "open",
    anchor: createAnchor(ydoc, blockId, at, at + "all States".length),
    cosponsors: [],
    author: { userName: "Delegate", delegation: { id: "d", code: "ALB", name: "Albania", color: "#b91c1c" } },
  } as unknown as AnnotationView;
}

afterEach(() => vi.restoreAllMocks());

describe("negotiationDecorations", () => {
  it("draws each open position on its words", () => {
    const { ydoc, pm } = report(3);
    const annotations = [objection(ydoc, 0, "p2")];
    const set = negotiationDecorations(pm, { doc: ydoc, annotations, statuses: {}, selectedId: null });
    const [mark, span] = set.find();
    expect(pm.textBetween(span!.from, span!.to)).toBe("all States");
    expect(pm.resolve(span!.from).parent.attrs.id).toBe("p2");
    // Its mark (a widget: no words) is where its words start.
    expect([mark!.from, mark!.to]).toEqual([span!.from, span!.from]);
  });

  it("names each position's mark by its kind and its delegation, with its co-sponsors", () => {
    const { ydoc } = report(1);
    const a = objection(ydoc, 0, "p0");
    expect(positionLabel(a, false)).toBe("Objection by Albania");
    expect(positionLabel({ ...a, kind: "reservation" }, true)).toBe("Reservation by Albania on the whole paragraph");
    const cosponsors = [{ id: "b", code: "BLR", name: "Belarus", color: "#587d0e" }];
    expect(positionLabel({ ...a, kind: "amendment", op: "replace", cosponsors }, false)).toBe("Amendment (replace) by Albania with 1 co-sponsor");
    expect(positionLabel({ ...a, cosponsors: [...cosponsors, ...cosponsors] }, false)).toBe("Objection by Albania with 2 co-sponsors");
  });

  it("reads the paragraphs of the text once for all positions, not once per position (it runs on every keystroke)", () => {
    const { ydoc, pm } = report(300);
    const annotations = Array.from({ length: 100 }, (_, i) => objection(ydoc, i, `p${(i * 3) % 300}`));
    const reads = vi.spyOn(Y.XmlFragment.prototype, "toArray");
    const set = negotiationDecorations(pm, { doc: ydoc, annotations, statuses: {}, selectedId: null });
    // Each drawn on its words, after its mark.
    expect(set.find()).toHaveLength(200);
    // The fragment lists the paragraphs, each paragraph lists its text: once.
    const fragment = ydoc.getXmlFragment("default");
    expect(reads.mock.contexts.filter((c) => c === fragment)).toHaveLength(1);
    expect(reads.mock.contexts.length).toBeLessThanOrEqual(301);
  });
});
