import type { DiffOp, ParagraphRef } from "../diff";
import type { TextRun } from "../model/types";
import { acceptedRuns, bracketEdges, participleLength, participlePieces } from "./model";

/** The character formatting the Word exports write. */
export interface Style {
  bold: boolean;
  italics: boolean;
}

/** A piece of printed text in one style. */
export interface StyledText extends Style {
  text: string;
}

/** What a paragraph's printed formatting depends on. */
export type Formatted = { kind: string; runs: TextRun[] };

/** A paragraph of a compared version, as it was given to `compareParagraphs`. */
export type SourceParagraph = Formatted & { id: string };

export const PLAIN: Style = { bold: false, italics: false };

export const sameStyle = (a: Style, b: Style): boolean => a.bold === b.bold && a.italics === b.italics;

/**
 * A paragraph's printed text (the accepted text, brackets as characters) in pieces, each in
 * the style the Word exports print it: the runs' bold and italic marks, a title and headings in bold (as the PDF prints them), a
 * preambular paragraph's participle ("Noting") in italics.
 */
export function styledText(p: Formatted): StyledText[] {
  const runs = acceptedRuns(p);
  const italicPrefix = p.kind === "preambular" ? participleLength(runs.map((r) => r.text).join("")) : 0;
  const edges = bracketEdges(runs);
  let offset = 0;
  const out: StyledText[] = [];
  for (const [i, r] of runs.entries()) {
    const style = runStyle(r, p.kind === "title" || p.kind === "heading");
    for (const piece of participlePieces(r, offset, italicPrefix, edges[i]!)) out.push({ ...style, text: piece.text, italics: style.italics || piece.participle });
    offset += r.text.length;
  }
  return out;
}

function runStyle(r: TextRun, bold: boolean): Style {
  const marks = r.marks ?? [];
  return { bold: bold || marks.includes("bold"), italics: marks.includes("italic") };
}

/**
 * The styled printed text of each paragraph a comparison read, by its `ParagraphRef`: that
 * of the version's paragraph at the ref's index. Where that paragraph is not the one the
 * comparison read (the live text moved on between two readings of it), the text it read,
 * in the styles its kind gives (a title bold, a participle in italics) without the marks.
 */
export function styleSource(paragraphs: readonly SourceParagraph[]): (ref: ParagraphRef) => StyledText[] {
  return (ref) => {
    const p = paragraphs[ref.index];
    const pieces = p && p.id === ref.id ? styledText(p) : [];
    return pieces.map((s) => s.text).join("") === ref.text ? pieces : styledText({ kind: ref.kind, runs: [{ text: ref.text }] });
  };
}

/**
 * A piece of a word diff with its style: the text's style where it is written (the newer
 * version's for kept and inserted text, the older one's for deleted text) and the style the
 * older version gave it (`was`; for inserted text, its own).
 */
export type StyledOp = [op: -1 | 0 | 1, text: string, style: Style, was: Style];

/** Pieces of one style each, adjacent ones of the same style joined. */
function joined(pieces: readonly StyledText[]): StyledText[] {
  const out: StyledText[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (!piece.text) continue;
    if (last && sameStyle(last, piece)) last.text += piece.text;
    else out.push({ ...piece });
  }
  return out;
}

/**
 * The printed text of one side of a compared pair in its styles: its paragraphs' joined
 * with one unstyled space, as `compareParagraphs` joins the text it diffs.
 */
export function styledSide(paragraphs: readonly StyledText[][]): StyledText[] {
  return joined(paragraphs.flatMap((p, k) => (k ? [{ text: " ", ...PLAIN }, ...p] : p)));
}

/** Walks a side's styled text: how much of it is left in the current style, that style, on. */
function cursor(pieces: readonly StyledText[]) {
  let k = 0;
  let at = 0;
  // The piece at hand: none past the end (not reached when the ops are the diff of the text).
  const current = (): StyledText | undefined => {
    while (k < pieces.length && at >= pieces[k]!.text.length) at -= pieces[k++]!.text.length;
    return pieces[k];
  };
  return {
    left(): number {
      const piece = current();
      return piece ? piece.text.length - at : Infinity;
    },
    style(): Style {
      const piece = current();
      return piece ? { bold: piece.bold, italics: piece.italics } : PLAIN;
    },
    advance(n: number): void {
      at += n;
    },
  };
}

/**
 * The ops of a word diff of `older` and `newer` (their text), cut where either side's style
 * changes, so that each piece has one style in the version it is written from and one in
 * the older version.
 */
export function styleOps(ops: readonly DiffOp[], older: readonly StyledText[], newer: readonly StyledText[]): StyledOp[] {
  const a = cursor(older);
  const b = cursor(newer);
  const out: StyledOp[] = [];
  for (const [op, text] of ops) {
    for (let at = 0; at < text.length; ) {
      const n = Math.min(text.length - at, op === 1 ? Infinity : a.left(), op === -1 ? Infinity : b.left());
      const was = op === 1 ? b.style() : a.style();
      out.push([op, text.slice(at, at + n), op === -1 ? was : b.style(), was]);
      if (op !== 1) a.advance(n);
      if (op !== -1) b.advance(n);
      at += n;
    }
  }
  return out;
}
