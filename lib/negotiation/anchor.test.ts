import * as Y from "yjs";
import { toBase64 } from "lib0/buffer";
import { describe, expect, it } from "vitest";
import { FRAGMENT_NAME, documentSchema } from "../editor/schema";
import { writeBlocks } from "../model/ydoc";
import type { Block, TextRun } from "../model/types";
import { anchorResolver, blockPlainText, createAnchor, findBlock, reanchor, resolveAnchor } from "./anchor";
import type { Anchor } from "./types";

const schema = documentSchema();

const P1 = "Recalls its resolution 70/1, and urges all States to act now.";
const P2 = "Decides to remain seized of the matter.";
const QUOTE = "all States";
const FROM = P1.indexOf(QUOTE);
const TO = FROM + QUOTE.length;

/** A document built the way the server seeds one (ProseMirror JSON through y-tiptap). */
function seed(blocks: ReadonlyArray<[id: string, runs: string | TextRun[]]>): Y.Doc {
  const doc = new Y.Doc();
  const model: Block[] = blocks.map(([id, runs]) => ({
    id,
    kind: "operative",
    runs: typeof runs === "string" ? [{ text: runs }] : runs,
  }));
  writeBlocks(doc, schema, model);
  return doc;
}

/** The standard test document: p1 has "all States" in a bold run, p2 and p3 follow. */
function seedStandard(): Y.Doc {
  const head = P1.slice(0, FROM);
  const tail = P1.slice(TO);
  return seed([
    ["p1", [{ text: head }, { text: QUOTE, marks: ["bold"] }, { text: tail }]],
    ["p2", P2],
    ["p3", "Requests the Secretary-General to report."],
  ]);
}

/** A collaborator that has loaded the document's current state. */
function peer(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
}

/** Exchanges all missing updates between every pair of documents. */
function sync(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    }
  }
}

function textOf(doc: Y.Doc, blockId: string): Y.XmlText {
  const text = findBlock(doc, blockId)?.text;
  if (!text) throw new Error(`no text in block ${blockId}`);
  return text;
}

function plain(doc: Y.Doc, blockId: string): string {
  return blockPlainText(textOf(doc, blockId));
}

interface DeltaOp {
  insert: string;
  attributes?: Record<string, unknown>;
}

/** The formatted delta of a text from offset `at` on. */
function tailDelta(text: Y.XmlText, at: number): DeltaOp[] {
  const out: DeltaOp[] = [];
  let pos = 0;
  for (const op of text.toDelta() as DeltaOp[]) {
    const end = pos + op.insert.length;
    if (end > at) out.push({ ...op, insert: op.insert.slice(Math.max(0, at - pos)) });
    pos = end;
  }
  return out;
}

/**
 * Splits a block the way y-prosemirror does (Enter in the middle of a paragraph): in one
 * transaction, delete the tail from the block's XmlText and insert a new element with a new
 * id right after it whose new XmlText holds that tail.
 */
function splitBlock(doc: Y.Doc, blockId: string, at: number, newId: string): void {
  const block = findBlock(doc, blockId);
  if (!block?.text) throw new Error(`no text in block ${blockId}`);
  const text = block.text;
  const tail = tailDelta(text, at);
  doc.transact(() => {
    text.delete(at, text.length - at);
    const element = new Y.XmlElement(block.element.nodeName);
    element.setAttribute("id", newId);
    const tailText = new Y.XmlText();
    tailText.applyDelta(tail);
    element.insert(0, [tailText]);
    doc.getXmlFragment(FRAGMENT_NAME).insert(block.index + 1, [element]);
  });
}

/** Deterministic pseudo-random bytes (mulberry32), so the fuzz cases are reproducible. */
function randomBytes(seedValue: number, count: number): Uint8Array[] {
  let state = seedValue;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () =>
    Uint8Array.from({ length: 1 + Math.floor(next() * 24) }, () => Math.floor(next() * 256)),
  );
}

const attachedQuote = { detached: false, blockId: "p1", from: FROM, to: TO, text: QUOTE };

describe("findBlock and blockPlainText", () => {
  it("finds a block by id with its text and index, and concatenates formatted runs", () => {
    const doc = seedStandard();
    const p2 = findBlock(doc, "p2");
    expect(p2?.index).toBe(1);
    expect(p2?.element.nodeName).toBe("operative");
    expect(blockPlainText(p2?.text ?? null)).toBe(P2);
    // p1's quote is a bold run between two plain ones.
    expect(textOf(doc, "p1").toDelta()).toHaveLength(3);
    expect(plain(doc, "p1")).toBe(P1);
    expect(findBlock(doc, "nope")).toBeNull();
    expect(blockPlainText(null)).toBe("");
  });
});

describe("createAnchor", () => {
  it("quotes the range and resolves it directly", () => {
    const doc = seedStandard();
    const anchor = createAnchor(doc, "p1", FROM, TO);
    expect(anchor.blockId).toBe("p1");
    expect(anchor.quote).toBe(QUOTE);
    expect(resolveAnchor(doc, anchor)).toEqual(attachedQuote);
    expect(resolveAnchor(peer(doc), anchor)).toEqual(attachedQuote);
    expect(reanchor(doc, anchor)).toBeNull();
  });

  it("throws a clear error for an unknown block or a range outside the text", () => {
    const doc = seedStandard();
    expect(() => createAnchor(doc, "missing", 0, 1)).toThrow(/no block with id "missing"/);
    expect(() => createAnchor(doc, "p1", -1, 2)).toThrow(/range \[-1, 2\) is not within block "p1"/);
    expect(() => createAnchor(doc, "p1", 5, 4)).toThrow(/not within block/);
    expect(() => createAnchor(doc, "p1", 0, P1.length + 1)).toThrow(`(length ${P1.length})`);
    expect(() => createAnchor(doc, "p1", 0.5, 2)).toThrow(/not within block/);
    // Both ends of the text are valid.
    expect(resolveAnchor(doc, createAnchor(doc, "p1", 0, P1.length))).toMatchObject({ text: P1 });
    expect(resolveAnchor(doc, createAnchor(doc, "p1", P1.length, P1.length))).toMatchObject({
      from: P1.length,
      to: P1.length,
    });
  });

  it("anchors an insertion point in an empty block (no XmlText) at offset 0, also once text is typed", () => {
    const doc = seed([["p1", P1], ["empty", []]]);
    expect(findBlock(doc, "empty")?.text).toBeNull();
    const anchor = createAnchor(doc, "empty", 0, 0);
    expect(anchor.quote).toBe("");
    expect(resolveAnchor(doc, anchor)).toEqual({ detached: false, blockId: "empty", from: 0, to: 0, text: "" });
    expect(() => createAnchor(doc, "empty", 0, 1)).toThrow(/length 0/);

    const other = peer(doc);
    const element = findBlock(other, "empty")?.element;
    other.transact(() => {
      const text = new Y.XmlText();
      text.insert(0, "New text.");
      element?.insert(0, [text]);
    });
    sync(doc, other);
    expect(resolveAnchor(doc, anchor)).toEqual({ detached: false, blockId: "empty", from: 0, to: 0, text: "" });
  });
});

describe("resolveAnchor under concurrent edits", () => {
  it("follows a concurrent insertion before the range in the same block to the shifted offsets", () => {
    const a = seedStandard();
    const b = peer(a);
    const c = peer(a);
    const anchor = createAnchor(a, "p1", FROM, TO);
    // Concurrently: B inserts at the start of p1, C inserts between "Recalls" and the range, A edits p2.
    textOf(b, "p1").insert(0, "Further ");
    textOf(c, "p1").insert(P1.indexOf("its"), "also ");
    textOf(a, "p2").insert(0, "Finally, ");
    sync(a, b, c);

    const shift = "Further ".length + "also ".length;
    for (const doc of [a, b, c]) {
      expect(plain(doc, "p1")).toBe(`Further Recalls also its resolution 70/1, and urges all States to act now.`);
      expect(resolveAnchor(doc, anchor)).toEqual({ ...attachedQuote, from: FROM + shift, to: TO + shift });
      expect(reanchor(doc, anchor)).toBeNull();
    }
  });

  it("does not extend the range with text typed exactly at its edges", () => {
    const a = seedStandard();
    const b = peer(a);
    const anchor = createAnchor(a, "p1", FROM, TO);
    textOf(a, "p1").insert(TO, " Members");
    textOf(b, "p1").insert(FROM, "nearly ");
    sync(a, b);

    for (const doc of [a, b]) {
      expect(plain(doc, "p1")).toContain("urges nearly all States Members to");
      expect(resolveAnchor(doc, anchor)).toEqual({ ...attachedQuote, from: FROM + 7, to: TO + 7 });
    }
  });

  it("stays attached when text is typed inside the range, and the text grows", () => {
    const a = seedStandard();
    const b = peer(a);
    const anchor = createAnchor(a, "p1", FROM, TO);
    textOf(b, "p1").insert(FROM + "all ".length, "Member ");
    textOf(a, "p1").insert(0, "Further ");
    sync(a, b);

    for (const doc of [a, b]) {
      expect(resolveAnchor(doc, anchor)).toEqual({
        ...attachedQuote,
        from: FROM + 8,
        to: TO + 8 + 7,
        text: "all Member States",
      });
    }
  });

  it("keeps an insertion point (empty range) before text typed right at it; it sticks to the preceding character", () => {
    const a = seedStandard();
    const b = peer(a);
    const point = createAnchor(a, "p1", TO, TO); // right after "all States"
    const atStart = createAnchor(a, "p1", 0, 0);
    const atEnd = createAnchor(a, "p1", P1.length, P1.length);
    expect(point.quote).toBe("");

    // B types at the point itself and at both ends of the block; A types before the point.
    textOf(b, "p1").insert(TO, " Members");
    textOf(b, "p1").insert(P1.length + " Members".length, " Thanks.");
    textOf(b, "p1").insert(0, "[");
    textOf(a, "p1").insert(FROM, "nearly ");
    sync(a, b);

    for (const doc of [a, b]) {
      const text = plain(doc, "p1");
      expect(text).toBe("[Recalls its resolution 70/1, and urges nearly all States Members to act now. Thanks.");
      const at = text.indexOf(" Members");
      // The point stays between "States" and the text typed at it.
      expect(resolveAnchor(doc, point)).toEqual({ detached: false, blockId: "p1", from: at, to: at, text: "" });
      expect(resolveAnchor(doc, atStart)).toMatchObject({ detached: false, from: 0, to: 0 });
      const end = text.indexOf(" Thanks.");
      expect(resolveAnchor(doc, atEnd)).toMatchObject({ detached: false, from: end, to: end });
    }
  });

  it("detaches (keeping the quote and block id) when the whole range is deleted, even beyond both ends", () => {
    const a = seedStandard();
    const b = peer(a);
    const anchor = createAnchor(a, "p1", FROM, TO);
    // A deletes "urges all States to" while B concurrently edits another block.
    const start = P1.indexOf("urges");
    a.transact(() => textOf(a, "p1").delete(start, P1.indexOf(" act") - start));
    textOf(b, "p2").insert(0, "Finally, ");
    sync(a, b);

    for (const doc of [a, b]) {
      expect(plain(doc, "p1")).toBe("Recalls its resolution 70/1, and  act now.");
      expect(resolveAnchor(doc, anchor)).toEqual({ detached: true, blockId: "p1", quote: QUOTE });
      expect(reanchor(doc, anchor)).toBeNull();
    }

    // Deleting exactly the range detaches it too.
    const c = seedStandard();
    const exact = createAnchor(c, "p1", FROM, TO);
    textOf(c, "p1").delete(FROM, QUOTE.length);
    expect(resolveAnchor(c, exact)).toEqual({ detached: true, blockId: "p1", quote: QUOTE });
  });

  it("stays attached to the surviving text after concurrent partial deletions inside the range", () => {
    const a = seedStandard();
    const b = peer(a);
    const anchor = createAnchor(a, "p1", FROM, TO);
    textOf(a, "p1").delete(FROM, "all ".length); // first characters of the range
    textOf(b, "p1").delete(TO - 2, 2); // last characters ("es")
    sync(a, b);

    for (const doc of [a, b]) {
      expect(resolveAnchor(doc, anchor)).toEqual({ ...attachedQuote, to: FROM + 4, text: "Stat" });
      expect(reanchor(doc, anchor)).toBeNull();
    }
  });

  it("detaches when the whole block is deleted", () => {
    const a = seedStandard();
    const b = peer(a);
    const anchor = createAnchor(b, "p1", FROM, TO);
    a.getXmlFragment(FRAGMENT_NAME).delete(0, 1);
    sync(a, b);
    for (const doc of [a, b]) {
      expect(findBlock(doc, "p1")).toBeNull();
      expect(resolveAnchor(doc, anchor)).toEqual({ detached: true, blockId: "p1", quote: QUOTE });
    }
  });
});

describe("paragraph split (y-prosemirror#204)", () => {
  const splitAt = P1.indexOf(" and"); // "Recalls its resolution 70/1," | " and urges all States to act now."

  it("finds the range in the new block via the quote and reanchor() repairs it", () => {
    const a = seedStandard();
    const b = peer(a);
    const c = peer(a);
    const anchor = createAnchor(c, "p1", FROM, TO);
    // A splits p1 before the range; concurrently B types at the start of p1 and C edits p3.
    splitBlock(a, "p1", splitAt, "p1b");
    textOf(b, "p1").insert(0, "Further ");
    textOf(c, "p3").insert(0, "Also ");
    sync(a, b, c);

    const moved = { detached: false, blockId: "p1b", from: FROM - splitAt, to: TO - splitAt, text: QUOTE };
    for (const doc of [a, b, c]) {
      expect(plain(doc, "p1")).toBe("Further Recalls its resolution 70/1,");
      expect(plain(doc, "p1b")).toBe(" and urges all States to act now.");
      expect(findBlock(doc, "p1b")?.index).toBe(1);
      // The tail kept its formatting.
      expect(textOf(doc, "p1b").toDelta()).toContainEqual({ insert: QUOTE, attributes: { bold: {} } });
      expect(resolveAnchor(doc, anchor)).toEqual(moved);
    }

    const repaired = reanchor(b, anchor);
    expect(repaired).toMatchObject({ blockId: "p1b", quote: QUOTE });
    if (!repaired) throw new Error("expected a repaired anchor");
    for (const doc of [a, b, c]) {
      expect(resolveAnchor(doc, repaired)).toEqual(moved);
      expect(reanchor(doc, repaired)).toBeNull(); // resolves directly now
    }
    // The repaired anchor follows later edits directly.
    textOf(a, "p1b").insert(0, "Strongly");
    sync(a, b, c);
    expect(resolveAnchor(c, repaired)).toEqual({ ...moved, from: moved.from + 8, to: moved.to + 8 });
  });

  it("keeps the head in the original block when the split falls inside the range", () => {
    const a = seedStandard();
    const b = peer(a);
    const anchor = createAnchor(a, "p1", FROM, TO);
    splitBlock(a, "p1", FROM + "all".length, "p1b");
    sync(a, b);
    expect(plain(b, "p1b")).toBe(" States to act now.");
    // The end position's character moved away; it collapses onto the end of p1.
    expect(resolveAnchor(b, anchor)).toEqual({ ...attachedQuote, to: FROM + 3, text: "all" });
    expect(reanchor(b, anchor)).toBeNull();
  });
});

describe("fallback search and block reporting", () => {
  it("prefers the anchored block, then the next block, over a nearer earlier one", () => {
    const doc = seed([
      ["p0", "Notes that all States agree."],
      ["p1", "Urges all States to act."],
      ["p2", "Invites all States to report."],
    ]);
    const anchor = createAnchor(doc, "p1", 6, 16);
    textOf(doc, "p1").delete(6, 10);
    expect(resolveAnchor(doc, anchor)).toEqual({ detached: false, blockId: "p2", from: 8, to: 18, text: QUOTE });

    textOf(doc, "p1").insert(0, "all States: ");
    expect(resolveAnchor(doc, anchor)).toEqual({ detached: false, blockId: "p1", from: 0, to: 10, text: QUOTE });
  });

  it("reports the block the text is in now when the block id changed, and reanchor() persists it", () => {
    const a = seedStandard();
    const anchor = createAnchor(a, "p1", FROM, TO);
    findBlock(a, "p1")?.element.setAttribute("id", "p1-renamed");
    const b = peer(a);
    expect(resolveAnchor(b, anchor)).toEqual({ ...attachedQuote, blockId: "p1-renamed" });
    expect(reanchor(b, anchor)).toMatchObject({ blockId: "p1-renamed", quote: QUOTE });
  });
});

describe("undo of a deletion (yjs#638)", () => {
  it("re-attaches after undo: directly on the undoing client, via the quote everywhere else", () => {
    const a = seedStandard();
    const b = peer(a);
    const anchor = createAnchor(a, "p1", FROM, TO);
    const undo = new Y.UndoManager(a.getXmlFragment(FRAGMENT_NAME));
    a.transact(() => textOf(a, "p1").delete(FROM - 6, QUOTE.length + 9)); // "urges all States to"
    sync(a, b);
    expect(resolveAnchor(a, anchor)).toEqual({ detached: true, blockId: "p1", quote: QUOTE });
    expect(resolveAnchor(b, anchor)).toEqual({ detached: true, blockId: "p1", quote: QUOTE });

    undo.undo();
    sync(a, b);
    const reloaded = peer(a); // e.g. the server after a restart: no local "redone" links
    for (const doc of [a, b, reloaded]) expect(plain(doc, "p1")).toBe(P1);

    // The restored characters are new items. Yjs follows its local "redone" link only on the
    // client that undid, so the relative positions resolve directly there and nowhere else.
    expect(resolveAnchor(a, anchor)).toEqual(attachedQuote);
    expect(reanchor(a, anchor)).toBeNull();
    for (const doc of [b, reloaded]) {
      expect(resolveAnchor(doc, anchor)).toEqual(attachedQuote); // found by the quote
      const repaired = reanchor(doc, anchor);
      expect(repaired).toMatchObject({ blockId: "p1", quote: QUOTE });
      if (!repaired) throw new Error("expected a repaired anchor");
      expect(reanchor(doc, repaired)).toBeNull();
      for (const other of [a, b, reloaded]) expect(resolveAnchor(other, repaired)).toEqual(attachedQuote);
    }
  });
});

describe("malformed anchors", () => {
  const hostile = (start: string, end: string, quote = "no such words"): Anchor => ({
    blockId: "p1",
    start,
    end,
    quote,
  });

  it("detaches without throwing on empty, non-base64, truncated and random positions", () => {
    const doc = seedStandard();
    const valid = createAnchor(doc, "p1", FROM, TO);
    const cases: Array<[string, string]> = [
      ["", ""],
      ["not base64 at all!", "%%%"],
      [valid.start.slice(0, 3), valid.end.slice(0, 2)],
      ["AAAA", "////"],
      ...randomBytes(42, 300).map((bytes, i): [string, string] => [toBase64(bytes), i % 2 ? valid.end : ""]),
    ];
    for (const [start, end] of cases) {
      expect(() => resolveAnchor(doc, hostile(start, end))).not.toThrow();
      expect(resolveAnchor(doc, hostile(start, end))).toEqual({
        detached: true,
        blockId: "p1",
        quote: "no such words",
      });
      expect(reanchor(doc, hostile(start, end))).toBeNull();
    }
    expect(resolveAnchor(doc, { blockId: "p1", start: "", end: "" } as unknown as Anchor)).toMatchObject({
      detached: true,
    });
    expect(plain(doc, "p1")).toBe(P1);
  });

  it("does not let a position naming a root type create that type", () => {
    const doc = seedStandard();
    const elsewhere = new Y.Doc();
    const rooted = toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(elsewhere.getText("evil"), 0)));
    expect(resolveAnchor(doc, hostile(rooted, rooted))).toMatchObject({ detached: true });
    expect(doc.share.has("evil")).toBe(false);
  });

  it("ignores positions from another document but still finds the quote", () => {
    const doc = seedStandard();
    const foreign = createAnchor(seedStandard(), "p1", FROM, TO);
    expect(resolveAnchor(doc, foreign)).toEqual(attachedQuote);
    expect(reanchor(doc, foreign)).toMatchObject({ blockId: "p1", quote: QUOTE });
  });
});

describe("anchorResolver.resolveRepairing", () => {
  it("gives, in one resolution, what reanchor() and then resolve() of the repaired anchor give, through random edits", () => {
    let seedValue = 7;
    const random = (n: number) => {
      seedValue = (seedValue * 1103515245 + 12345) % 2 ** 31;
      return seedValue % n;
    };
    const a = seed([
      ["p1", P1],
      ["p2", P2],
      ["p3", "Requests the Secretary-General to report on all States and the matter."],
      ["p4", "Notes that all States agree on the matter of the report."],
    ]);
    const b = peer(a);
    const anchors: Anchor[] = [];
    for (const [id, text] of [["p1", P1], ["p2", P2]] as const) {
      for (let i = 0; i < 6; i++) {
        const from = random(text.length - 4);
        anchors.push(createAnchor(a, id, from, from + 1 + random(Math.min(12, text.length - from - 1))));
      }
    }
    let repairs = 0;
    let detached = 0;
    let nextId = 0;
    for (let step = 0; step < 300; step++) {
      const doc = random(2) ? a : b;
      const blocks = doc.getXmlFragment(FRAGMENT_NAME).toArray() as Y.XmlElement[];
      const element = blocks[random(blocks.length)]!;
      const id = element.getAttribute("id") as string;
      const text = findBlock(doc, id)?.text;
      const op = random(10);
      if (text && op < 4) text.insert(random(text.length + 1), ["all States ", "x", "the matter "][random(3)]!);
      else if (text && op < 7 && text.length > 2) {
        const at = random(text.length - 1);
        text.delete(at, 1 + random(Math.min(8, text.length - at - 1)));
      } else if (text && op < 8 && text.length > 2) splitBlock(doc, id, random(text.length), `s${nextId++}`);
      else if (op < 9) element.setAttribute("id", `r${nextId++}`);
      else if (blocks.length > 2) doc.getXmlFragment(FRAGMENT_NAME).delete(blocks.indexOf(element), 1);
      if (random(3) === 0) sync(a, b);
      for (const d of [a, b]) {
        const together = anchorResolver(d);
        for (const anchor of anchors) {
          const repaired = reanchor(d, anchor);
          const apart = { resolved: resolveAnchor(d, repaired ?? anchor), repaired };
          expect(together.resolveRepairing(anchor)).toEqual(apart);
          if (repaired) repairs += 1;
          if (apart.resolved.detached) detached += 1;
        }
      }
    }
    // The walk went through repairs and detachments, not only direct resolutions.
    expect(repairs).toBeGreaterThan(100);
    expect(detached).toBeGreaterThan(100);
  });
});
