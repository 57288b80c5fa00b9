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

/**
 * Redline DOCX: the differences from the compare engine as real Word revisions (w:ins /
 * w:del), each authored by the delegation behind it (or the chair). Accepting all
 * revisions gives the newer version's text; rejecting all gives the older, in its order:
 * a moved paragraph goes out where it stood and comes in where it stands.
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
    } else if (pair.classification === "added" || pair.classification === "deleted" || pair.from.length !== 1 || pair.to.length !== 1) {
      // Splits and merges are written as the old paragraphs out and the new ones in: exact
      // both ways, where a diff across paragraph marks would not be.
      for (const p of pair.from) children.push(whole(p, true, revision));
      for (const p of pair.to) children.push(whole(p, false, revision));
    } else {
      const from = pair.from[0]!;
      const to = pair.to[0]!;
      const renumbered = printedNumber(from) !== printedNumber(to);
      const number = renumbered ? [...numberRun(from, { revision: { ...rev(), deleted: true } }), ...numberRun(to, { revision: { ...rev(), deleted: false } })] : numberRun(to);
      const body: ParagraphChild[] = pair.ops
        ? pair.ops.map(([op, t]: DiffOp) => (op === 0 ? new TextRun(text(t)) : op === 1 ? new InsertedTextRun({ ...rev(), ...text(t) }) : new DeletedTextRun({ ...rev(), ...text(t) })))
        : [new TextRun(text(to.text))];
      children.push(new Paragraph({ ...layout(to), children: [...number, ...body] }));
    }
    pushMovedOut(k);
  });
  return new Document({ creator: "Plenary", title: `${versionName(meta)} (redline)`, sections: [{ headers: pageHeader(meta), children }] });
}
