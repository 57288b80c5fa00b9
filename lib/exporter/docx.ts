import { AlignmentType, DeletedTextRun, Document, Header, InsertedTextRun, Paragraph, TextRun, type ParagraphChild } from "docx";
import type { DiffOp } from "../diff";
import { nearestBefore, type ParagraphPair, type ParagraphRef } from "../diff";
import { acceptedRuns, headerLine, participleLength, printedNumber, printedRunText, versionName, type ExportMeta, type ExportParagraph } from "./model";
import type { TextRun as Run } from "../model/types";

const FONT = "Times New Roman";
const SIZE = 24; // half-points: 12 pt

function runs(textRuns: Run[], italicPrefix: number): TextRun[] {
  let offset = 0;
  const out: TextRun[] = [];
  for (const r of textRuns) {
    const m = r.marks ?? [];
    const text = printedRunText(r);
    const start = offset;
    offset += r.text.length;
    const cut = start < italicPrefix ? Math.min(text.length, italicPrefix - start) : 0;
    const base = { font: FONT, size: SIZE, bold: m.includes("bold"), italics: m.includes("italic") };
    if (cut > 0) out.push(new TextRun({ ...base, text: text.slice(0, cut), italics: true }));
    if (cut < text.length) out.push(new TextRun({ ...base, text: text.slice(cut) }));
  }
  return out;
}

type Shape = { kind: string; number: string | null };

function layout(p: Shape) {
  if (p.kind === "title") return { alignment: AlignmentType.CENTER, spacing: { after: 240 } };
  if (p.kind === "heading") return { spacing: { before: 240, after: 120 } };
  if (p.kind === "bullet") return { indent: { left: 1134, hanging: 567 }, spacing: { after: 120 } };
  return { indent: { firstLine: 567 }, spacing: { after: 120 } };
}

function numberRun(p: Shape, extra: Partial<{ revision: { id: number; author: string; date: string; deleted: boolean } }> = {}): ParagraphChild[] {
  const n = printedNumber(p);
  if (!n) return [];
  const text = `${n}\t`;
  if (extra.revision) {
    const { id, author, date, deleted } = extra.revision;
    return [deleted ? new DeletedTextRun({ id, author, date, text, font: FONT, size: SIZE }) : new InsertedTextRun({ id, author, date, text, font: FONT, size: SIZE })];
  }
  return [new TextRun({ text, font: FONT, size: SIZE })];
}

/** Symbol, date and version in the page header (not the body), as UN documents print them. */
function pageHeader(meta: ExportMeta): { default: Header } {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [new TextRun({ text: headerLine(meta), font: FONT, size: 20 })],
        }),
      ],
    }),
  };
}

/** Clean DOCX of a version: UN layout, numbers, italic participles, brackets kept. */
export function buildDocx(meta: ExportMeta, paragraphs: readonly ExportParagraph[]): Document {
  const children = [
    ...paragraphs.map((p) => {
      const r = acceptedRuns(p);
      const italic = p.kind === "preambular" ? participleLength(r.map((x) => x.text).join("")) : 0;
      const bold = p.kind === "title";
      return new Paragraph({
        ...layout(p),
        children: [...numberRun(p), ...runs(bold ? r.map((x) => ({ ...x, marks: [...(x.marks ?? []), "bold" as const] })) : r, italic)],
      });
    }),
  ];
  return new Document({ creator: "Plenary", title: versionName(meta), sections: [{ headers: pageHeader(meta), children }] });
}

export interface Revision {
  author: string;
  /** ISO date-time of the change. */
  date: string;
}

/**
 * Where each moved paragraph stood in the older version: after the pair (by position in
 * `pairs`, -1 for the start) holding the nearest preceding paragraph that did not move.
 * Pairs follow the newer order, but the paragraphs that did not move keep the older order
 * among themselves (deleted ones sit after their older neighbour), so that spot is where
 * the moved one was.
 */
function movedOutAt(pairs: readonly ParagraphPair[]): Map<number, { paragraph: ParagraphRef; pair: ParagraphPair }[]> {
  const pairOf = new Map<number, number>();
  pairs.forEach((pair, k) => {
    if (!pair.moved) for (const p of pair.from) pairOf.set(p.index, k);
  });
  const out = new Map<number, { paragraph: ParagraphRef; pair: ParagraphPair }[]>();
  for (const pair of pairs) {
    if (!pair.moved) continue;
    for (const paragraph of pair.from) {
      const at = nearestBefore(paragraph.index, (i) => pairOf.get(i));
      out.set(at, [...(out.get(at) ?? []), { paragraph, pair }]);
    }
  }
  for (const refs of out.values()) refs.sort((a, b) => a.paragraph.index - b.paragraph.index);
  return out;
}

type NewRevision = () => { id: number; author: string; date: string };

/** Runs of a word diff: equal text plain, insertions and deletions as revisions. */
function diffRuns(ops: readonly DiffOp[], rev: NewRevision): ParagraphChild[] {
  return ops.map(([op, t]) => {
    const text = { text: t, font: FONT, size: SIZE };
    return op === 0 ? new TextRun(text) : op === 1 ? new InsertedTextRun({ ...rev(), ...text }) : new DeletedTextRun({ ...rev(), ...text });
  });
}

/**
 * Cuts the word diff of joined paragraphs (`compareParagraphs` joins the parts of a split or
 * a merge with one space) at those joining spaces. `side` 1: the joined text is the newer
 * one (a split), consumed by equal and inserted ops; -1: the older one (a merge). Returns
 * the ops of each part and, for each join, whether its space is the older text's own
 * ("kept": the diff matched it) or not.
 */
export function cutAtJoins(ops: readonly DiffOp[], lengths: readonly number[], side: 1 | -1): { parts: DiffOp[][]; kept: boolean[] } {
  const parts: DiffOp[][] = lengths.map(() => []);
  const kept: boolean[] = [];
  const joins: number[] = [];
  let at = 0;
  for (const n of lengths.slice(0, -1)) joins.push((at += n) + joins.length);
  let part = 0;
  let offset = 0;
  for (const [op, text] of ops) {
    if (op === -side) {
      parts[part]!.push([op, text]);
      continue;
    }
    let rest = text;
    while (rest) {
      const join = joins[part];
      if (join === undefined || offset + rest.length <= join) {
        parts[part]!.push([op, rest]);
        offset += rest.length;
        break;
      }
      const before = rest.slice(0, join - offset);
      if (before) parts[part]!.push([op, before]);
      kept.push(op === 0);
      part += 1;
      offset = join + 1;
      rest = rest.slice(before.length + 1);
    }
  }
  return { parts, kept };
}

/**
 * A split paragraph as Word writes one: the older paragraph's words, cut by inserted
 * paragraph marks, so a split that changed no words shows no deleted or inserted text.
 * Accept all gives the newer paragraphs; reject all joins them back into the older one
 * (the space the split took out comes back as deleted text).
 */
function splitParagraphs(from: ParagraphRef, to: readonly ParagraphRef[], ops: readonly DiffOp[], rev: NewRevision): Paragraph[] {
  const { parts, kept } = cutAtJoins(ops, to.map((p) => p.text.length), 1);
  return to.map((p, k) => {
    const number =
      k === 0
        ? printedNumber(from) === printedNumber(p)
          ? numberRun(p)
          : [...numberRun(from, { revision: { ...rev(), deleted: true } }), ...numberRun(p, { revision: { ...rev(), deleted: false } })]
        : numberRun(p, { revision: { ...rev(), deleted: false } });
    const space = k < to.length - 1 && kept[k] ? [new DeletedTextRun({ ...rev(), text: " ", font: FONT, size: SIZE })] : [];
    return new Paragraph({ ...layout(p), ...(k < to.length - 1 ? { run: { insertion: rev() } } : {}), children: [...number, ...diffRuns(parts[k]!, rev), ...space] });
  });
}

/**
 * Paragraphs joined into one, as Word writes it: the older paragraphs with their marks
 * deleted, so a join that changed no words shows no deleted or inserted text. Accept all
 * gives the newer paragraph (the joining space comes in as inserted text); reject all the
 * older ones.
 */
function mergedParagraphs(from: readonly ParagraphRef[], to: ParagraphRef, ops: readonly DiffOp[], rev: NewRevision): Paragraph[] {
  const { parts, kept } = cutAtJoins(ops, from.map((p) => p.text.length), -1);
  return from.map((p, k) => {
    const number =
      k === 0 && printedNumber(p) === printedNumber(to)
        ? numberRun(p)
        : [...numberRun(p, { revision: { ...rev(), deleted: true } }), ...(k === 0 ? numberRun(to, { revision: { ...rev(), deleted: false } }) : [])];
    const space = k > 0 && kept[k - 1] ? [new InsertedTextRun({ ...rev(), text: " ", font: FONT, size: SIZE })] : [];
    return new Paragraph({ ...layout(p), ...(k < from.length - 1 ? { run: { deletion: rev() } } : {}), children: [...number, ...space, ...diffRuns(parts[k]!, rev)] });
  });
}

/**
 * Redline DOCX: the differences from the compare engine as real Word revisions (w:ins /
 * w:del), each authored by the delegation behind it (or the chair). Accepting all
 * revisions gives the newer version's text; rejecting all gives the older, in its order:
 * a moved paragraph goes out where it stood and comes in where it stands; a split or a join
 * is a paragraph mark inserted or deleted, with only the words it changed marked.
 */
export function buildRedlineDocx(meta: ExportMeta, pairs: readonly ParagraphPair[], authorOf: (pair: ParagraphPair) => Revision): Document {
  let id = 1;
  const children: Paragraph[] = [];
  const movedOut = movedOutAt(pairs);
  const text = (t: string) => ({ text: t, font: FONT, size: SIZE });
  // A whole paragraph in or out: its text, its number and its paragraph mark are one
  // revision, so "accept all" / "reject all" leave no empty paragraph behind.
  const whole = (p: ParagraphRef, deleted: boolean, revision: Revision) => {
    const rev = () => ({ ...revision, id: id++ });
    return new Paragraph({
      ...layout(p),
      run: deleted ? { deletion: rev() } : { insertion: rev() },
      children: [
        ...numberRun(p, { revision: { ...rev(), deleted } }),
        deleted ? new DeletedTextRun({ ...rev(), ...text(p.text) }) : new InsertedTextRun({ ...rev(), ...text(p.text) }),
      ],
    });
  };
  const pushMovedOut = (at: number) => {
    for (const { paragraph, pair } of movedOut.get(at) ?? []) children.push(whole(paragraph, true, authorOf(pair)));
  };
  pushMovedOut(-1);
  pairs.forEach((pair, k) => {
    const revision = authorOf(pair);
    const rev = () => ({ ...revision, id: id++ });
    if (pair.moved) {
      // Out where it stood (pushMovedOut), in here, with its new text and number.
      for (const p of pair.to) children.push(whole(p, false, revision));
    } else if (pair.from.length === 1 && pair.to.length > 1) {
      children.push(...splitParagraphs(pair.from[0]!, pair.to, pair.ops ?? [[0, pair.from[0]!.text]], rev));
    } else if (pair.from.length > 1 && pair.to.length === 1) {
      children.push(...mergedParagraphs(pair.from, pair.to[0]!, pair.ops ?? [[0, pair.to[0]!.text]], rev));
    } else if (pair.classification === "added" || pair.classification === "deleted" || pair.from.length !== 1 || pair.to.length !== 1) {
      for (const p of pair.from) children.push(whole(p, true, revision));
      for (const p of pair.to) children.push(whole(p, false, revision));
    } else {
      const from = pair.from[0]!;
      const to = pair.to[0]!;
      const renumbered = printedNumber(from) !== printedNumber(to);
      const number = renumbered ? [...numberRun(from, { revision: { ...rev(), deleted: true } }), ...numberRun(to, { revision: { ...rev(), deleted: false } })] : numberRun(to);
      const body: ParagraphChild[] = pair.ops ? diffRuns(pair.ops, rev) : [new TextRun(text(to.text))];
      children.push(new Paragraph({ ...layout(to), children: [...number, ...body] }));
    }
    pushMovedOut(k);
  });
  return new Document({ creator: "Plenary", title: `${versionName(meta)} (redline)`, sections: [{ headers: pageHeader(meta), children }] });
}
