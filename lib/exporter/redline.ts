import { Document, type XmlComponent } from "docx";
import type { DiffOp } from "../diff";
import { nearestBefore, type ParagraphPair, type ParagraphRef } from "../diff";
import { layout, pageFooter, pageHeader, type Shape } from "./docx";
import { printedNumber, versionName, type ExportMeta } from "./model";
import { inPlace, movedFrom, movedTo, moveRange, RedlineParagraph, type Edit, type Marking, type NewChange } from "./revisions";
import { PLAIN, styledSide, styleOps, styleSource, type SourceParagraph, type StyledOp, type StyledText } from "./styled";

export interface Revision {
  author: string;
  /** ISO date-time of the change. */
  date: string;
}

/**
 * The paragraphs of the two versions compared, as they were given to `compareParagraphs`
 * (a `ParagraphRef`'s index is its place here): the runs their printed styles come from.
 */
export interface RedlineSources {
  from: readonly SourceParagraph[];
  to: readonly SourceParagraph[];
}

/** A pair in its styles: each older and newer paragraph's text, and the word diff of the two. */
interface Styled {
  from: StyledText[][];
  to: StyledText[][];
  ops: StyledOp[];
}

/** A redline paragraph before it is written. */
interface Draft {
  shape: Shape;
  mark: XmlComponent[];
  runs: XmlComponent[];
}

/**
 * Where each moved pair stood in the older version: after the pair (by position in `pairs`,
 * -1 for the start) holding the nearest preceding paragraph that did not move. Pairs follow
 * the newer order, but the paragraphs that did not move keep the older order among
 * themselves (deleted ones sit after their older neighbour), so that spot is where the moved
 * one was. A pair's older paragraphs are consecutive (one, or those a merge joined), so
 * they stood together.
 */
function movedOutAt(pairs: readonly ParagraphPair[]): Map<number, ParagraphPair[]> {
  const pairOf = new Map<number, number>();
  pairs.forEach((pair, k) => {
    if (!pair.moved) for (const p of pair.from) pairOf.set(p.index, k);
  });
  const out = new Map<number, ParagraphPair[]>();
  for (const pair of pairs) {
    if (!pair.moved) continue;
    const at = nearestBefore(pair.from[0]!.index, (i) => pairOf.get(i));
    out.set(at, [...(out.get(at) ?? []), pair]);
  }
  for (const moved of out.values()) moved.sort((a, b) => a.from[0]!.index - b.from[0]!.index);
  return out;
}

/** A moved paragraph where it stood: its number, its text and its mark moved away as they were. */
function movedAway(m: Marking<"kept">, p: ParagraphRef, text: readonly StyledText[]): Draft {
  return { shape: p, mark: m.mark("kept"), runs: [...numberRuns(m, p, "kept"), ...text.map((piece) => m.run("kept", piece))] };
}

/** A move's paragraphs within its range: the start before the first one's runs, the end after the last one's. */
function within([start, end]: [XmlComponent, XmlComponent], drafts: readonly Draft[]): Draft[] {
  return drafts.map((d, k) => ({ ...d, runs: [...(k === 0 ? [start] : []), ...d.runs, ...(k === drafts.length - 1 ? [end] : [])] }));
}

/** The printed number of a paragraph and its tab, as one piece of the redline. */
function numberRuns<E extends Edit>(m: Marking<E>, p: Shape, edit: E): XmlComponent[] {
  const n = printedNumber(p);
  return n ? [m.run(edit, { text: `${n}\t`, ...PLAIN })] : [];
}

/** The number a paragraph had and the one it has: kept when they print the same. */
function renumbered(m: Marking, from: Shape, to: Shape): XmlComponent[] {
  return printedNumber(from) === printedNumber(to) ? numberRuns(m, to, "kept") : [...numberRuns(m, from, "deleted"), ...numberRuns(m, to, "inserted")];
}

/** Runs of a word diff: equal text kept (its older style as `was`), insertions and deletions as revisions. */
function diffRuns(m: Marking, ops: readonly StyledOp[]): XmlComponent[] {
  return ops.map(([op, text, style, was]) => (op === 0 ? m.run("kept", { text, ...style }, was) : m.run(op === 1 ? "inserted" : "deleted", { text, ...style })));
}

/**
 * A whole paragraph in or out: its text, its number and its paragraph mark are one
 * revision, so "accept all" / "reject all" leave no empty paragraph behind.
 */
function whole(m: Marking, p: ParagraphRef, text: readonly StyledText[], edit: "inserted" | "deleted"): Draft {
  return { shape: p, mark: m.mark(edit), runs: [...numberRuns(m, p, edit), ...text.map((piece) => m.run(edit, piece))] };
}

/**
 * Cuts the word diff of joined paragraphs (`compareParagraphs` joins the parts of a split or
 * a merge with one space) at those joining spaces. `side` 1: the joined text is the newer
 * one (a split), consumed by equal and inserted ops; -1: the older one (a merge). Returns
 * the ops of each part and, for each join, the op of its space (`spaces`): equal when the
 * space is the other text's own (the diff matched it).
 */
export function cutAtJoins(ops: readonly StyledOp[], lengths: readonly number[], side: 1 | -1): { parts: StyledOp[][]; spaces: StyledOp[] } {
  const parts: StyledOp[][] = lengths.map(() => []);
  const spaces: StyledOp[] = [];
  const joins: number[] = [];
  let at = 0;
  for (const n of lengths.slice(0, -1)) joins.push((at += n) + joins.length);
  let part = 0;
  let offset = 0;
  for (const [op, text, style, was] of ops) {
    if (op === -side) {
      parts[part]!.push([op, text, style, was]);
      continue;
    }
    let rest = text;
    while (rest) {
      const join = joins[part];
      if (join === undefined || offset + rest.length <= join) {
        parts[part]!.push([op, rest, style, was]);
        offset += rest.length;
        break;
      }
      const before = rest.slice(0, join - offset);
      if (before) parts[part]!.push([op, before, style, was]);
      spaces.push([op, " ", style, was]);
      part += 1;
      offset = join + 1;
      rest = rest.slice(before.length + 1);
    }
  }
  return { parts, spaces };
}

/**
 * Moved paragraphs where they stand: the newer text (a split's parts, a merge's one
 * paragraph), with the words kept from the older text moved here and those written since
 * inserted. The words taken out since are not written here, only struck where the older
 * text stood (the move from there): a deletion nested in the w:moveTo, as Word writes an
 * edit of moved text, is read by LibreOffice as plain text when its author is the move's
 * own, so Accept All and Reject All would both have kept those words.
 */
function movedHere(m: Marking<"kept" | "inserted">, pair: ParagraphPair, ops: readonly StyledOp[]): Draft[] {
  const { from, to } = pair;
  const { parts } = cutAtJoins(ops, to.map((p) => p.text.length), 1);
  return to.map((p, k) => {
    const number = numberRuns(m, p, k === 0 && printedNumber(from[0]!) === printedNumber(p) ? "kept" : "inserted");
    const runs = parts[k]!.flatMap(([op, text, style]) => (op === -1 ? [] : [m.run(op === 0 ? "kept" : "inserted", { text, ...style })]));
    return { shape: p, mark: m.mark(k < to.length - 1 ? "inserted" : "kept"), runs: [...number, ...runs] };
  });
}

/**
 * A split paragraph as Word writes one: the older paragraph's words, cut by inserted
 * paragraph marks, so a split that changed no words shows no deleted or inserted text.
 * Accept all gives the newer paragraphs; reject all joins them back into the older one
 * (the space the split took out comes back as deleted text, in its older style).
 */
function splitParagraphs(m: Marking, from: ParagraphRef, to: readonly ParagraphRef[], ops: readonly StyledOp[]): Draft[] {
  const { parts, spaces } = cutAtJoins(ops, to.map((p) => p.text.length), 1);
  return to.map((p, k) => {
    const last = k === to.length - 1;
    const number = k === 0 ? renumbered(m, from, p) : numberRuns(m, p, "inserted");
    const [op, text, , was] = spaces[k] ?? [1, "", PLAIN, PLAIN];
    const space = !last && op === 0 ? [m.run("deleted", { text, ...was })] : [];
    return { shape: p, mark: m.mark(last ? "kept" : "inserted"), runs: [...number, ...diffRuns(m, parts[k]!), ...space] };
  });
}

/**
 * Paragraphs joined into one, as Word writes it: the older paragraphs with their marks
 * deleted, so a join that changed no words shows no deleted or inserted text. Accept all
 * gives the newer paragraph (the joining space comes in as inserted text, in its newer
 * style); reject all the older ones.
 */
function mergedParagraphs(m: Marking, from: readonly ParagraphRef[], to: ParagraphRef, ops: readonly StyledOp[]): Draft[] {
  const { parts, spaces } = cutAtJoins(ops, from.map((p) => p.text.length), -1);
  return from.map((p, k) => {
    const number = k === 0 ? renumbered(m, p, to) : numberRuns(m, p, "deleted");
    const [op, text, style] = spaces[k - 1] ?? [-1, "", PLAIN, PLAIN];
    const space = op === 0 ? [m.run("inserted", { text, ...style })] : [];
    return { shape: p, mark: m.mark(k < from.length - 1 ? "deleted" : "kept"), runs: [...number, ...space, ...diffRuns(m, parts[k]!)] };
  });
}

/** The paragraphs of a pair that did not move, with its changes. */
function changed(m: Marking, pair: ParagraphPair, styled: Styled): Draft[] {
  const { from, to } = pair;
  if (from.length === 1 && to.length > 1) return splitParagraphs(m, from[0]!, to, styled.ops);
  if (from.length > 1 && to.length === 1) return mergedParagraphs(m, from, to[0]!, styled.ops);
  if (from.length !== 1 || to.length !== 1) return [...from.map((p, k) => whole(m, p, styled.from[k]!, "deleted")), ...to.map((p, k) => whole(m, p, styled.to[k]!, "inserted"))];
  return [{ shape: to[0]!, mark: m.mark("kept"), runs: [...renumbered(m, from[0]!, to[0]!), ...diffRuns(m, styled.ops)] }];
}

/**
 * Redline DOCX: the differences from the compare engine as real Word revisions, each
 * authored by the delegation behind it (or the chair). Accepting all revisions gives the
 * newer version's text; rejecting all gives the older, in its order. A moved paragraph is a
 * tracked move, as Word writes one: w:moveFrom where it stood, w:moveTo where it stands,
 * the two ranges linked by name, the words written since as w:ins within the moved-to text;
 * a split or a join is a paragraph mark inserted or deleted, with only the words it changed
 * marked. Text is printed in the styles (bold, italics) of the version it comes from: kept
 * and inserted text the newer one's, deleted and moved-away text the older one's; kept text
 * the newer version styles otherwise is a formatting revision (w:rPrChange).
 */
export function buildRedlineDocx(meta: ExportMeta, pairs: readonly ParagraphPair[], authorOf: (pair: ParagraphPair) => Revision, sources: RedlineSources): Document {
  let id = 1;
  const children: RedlineParagraph[] = [];
  const write = (drafts: readonly Draft[]) => children.push(...drafts.map((d) => new RedlineParagraph(layout(d.shape), d.mark, d.runs)));
  const changeBy = (pair: ParagraphPair): NewChange => {
    const revision = authorOf(pair);
    return () => ({ ...revision, id: id++ });
  };
  const [older, newer] = [styleSource(sources.from), styleSource(sources.to)];
  const styles = new Map(pairs.map((pair) => [pair, styledPair(pair, older, newer)]));
  const moveNames = new Map(pairs.filter((pair) => pair.moved).map((pair, n) => [pair, `move${n + 1}`]));
  const range = (side: "From" | "To", pair: ParagraphPair) => moveRange(side, moveNames.get(pair)!, changeBy(pair)());
  const movedOut = movedOutAt(pairs);
  const pushMovedOut = (at: number) => {
    for (const pair of movedOut.get(at) ?? []) {
      const m = movedFrom(changeBy(pair));
      write(within(range("From", pair), pair.from.map((p, k) => movedAway(m, p, styles.get(pair)!.from[k]!))));
    }
  };
  pushMovedOut(-1);
  pairs.forEach((pair, k) => {
    const change = changeBy(pair);
    const styled = styles.get(pair)!;
    write(pair.moved ? within(range("To", pair), movedHere(movedTo(change), pair, styled.ops)) : changed(inPlace(change), pair, styled));
    pushMovedOut(k);
  });
  return new Document({ creator: "Plenary", title: `${versionName(meta)} (redline)`, sections: [{ headers: pageHeader(meta), footers: pageFooter(), children }] });
}

/** A pair's paragraphs in their styles, and its word diff (all the text kept when unchanged) cut where a style changes. */
function styledPair(pair: ParagraphPair, older: (p: ParagraphRef) => StyledText[], newer: (p: ParagraphRef) => StyledText[]): Styled {
  const from = pair.from.map(older);
  const to = pair.to.map(newer);
  const unchanged: DiffOp[] = from.length && to.length ? [[0, pair.to.map((p) => p.text).join(" ")]] : [];
  return { from, to, ops: styleOps(pair.ops ?? unchanged, styledSide(from), styledSide(to)) };
}
