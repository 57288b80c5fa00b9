import { Document, type XmlComponent } from "docx";
import type { DiffOp } from "../diff";
import { nearestBefore, type ParagraphPair, type ParagraphRef } from "../diff";
import { layout, pageHeader, type Shape } from "./docx";
import { printedNumber, versionName, type ExportMeta } from "./model";
import { inPlace, movedFrom, movedTo, moveRange, RedlineParagraph, type Edit, type Marking, type NewChange } from "./revisions";

export interface Revision {
  author: string;
  /** ISO date-time of the change. */
  date: string;
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
function movedAway(m: Marking<"kept">, p: ParagraphRef): Draft {
  return { shape: p, mark: m.mark("kept"), runs: [...numberRuns(m, p, "kept"), m.run("kept", p.text)] };
}

/** A move's paragraphs within its range: the start before the first one's runs, the end after the last one's. */
function within([start, end]: [XmlComponent, XmlComponent], drafts: readonly Draft[]): Draft[] {
  return drafts.map((d, k) => ({ ...d, runs: [...(k === 0 ? [start] : []), ...d.runs, ...(k === drafts.length - 1 ? [end] : [])] }));
}

/** The printed number of a paragraph and its tab, as one piece of the redline. */
function numberRuns<E extends Edit>(m: Marking<E>, p: Shape, edit: E): XmlComponent[] {
  const n = printedNumber(p);
  return n ? [m.run(edit, `${n}\t`)] : [];
}

/** The number a paragraph had and the one it has: kept when they print the same. */
function renumbered(m: Marking, from: Shape, to: Shape): XmlComponent[] {
  return printedNumber(from) === printedNumber(to) ? numberRuns(m, to, "kept") : [...numberRuns(m, from, "deleted"), ...numberRuns(m, to, "inserted")];
}

/** Runs of a word diff: equal text kept, insertions and deletions as revisions. */
function diffRuns(m: Marking, ops: readonly DiffOp[]): XmlComponent[] {
  return ops.map(([op, t]) => m.run(op === 0 ? "kept" : op === 1 ? "inserted" : "deleted", t));
}

/**
 * A whole paragraph in or out: its text, its number and its paragraph mark are one
 * revision, so "accept all" / "reject all" leave no empty paragraph behind.
 */
function whole(m: Marking, p: ParagraphRef, edit: "inserted" | "deleted"): Draft {
  return { shape: p, mark: m.mark(edit), runs: [...numberRuns(m, p, edit), m.run(edit, p.text)] };
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
 * Moved paragraphs where they stand: the newer text (a split's parts, a merge's one
 * paragraph), with the words kept from the older text moved here and those written since
 * inserted. The words taken out since are not written here, only struck where the older
 * text stood (the move from there): a deletion nested in the w:moveTo, as Word writes an
 * edit of moved text, is read by LibreOffice as plain text when its author is the move's
 * own, so Accept All and Reject All would both have kept those words.
 */
function movedHere(m: Marking<"kept" | "inserted">, pair: ParagraphPair): Draft[] {
  const { from, to } = pair;
  const { parts } = cutAtJoins(pair.ops ?? [[0, to.map((p) => p.text).join(" ")]], to.map((p) => p.text.length), 1);
  return to.map((p, k) => {
    const number = numberRuns(m, p, k === 0 && printedNumber(from[0]!) === printedNumber(p) ? "kept" : "inserted");
    const runs = parts[k]!.flatMap(([op, t]) => (op === -1 ? [] : [m.run(op === 0 ? "kept" : "inserted", t)]));
    return { shape: p, mark: m.mark(k < to.length - 1 ? "inserted" : "kept"), runs: [...number, ...runs] };
  });
}

/**
 * A split paragraph as Word writes one: the older paragraph's words, cut by inserted
 * paragraph marks, so a split that changed no words shows no deleted or inserted text.
 * Accept all gives the newer paragraphs; reject all joins them back into the older one
 * (the space the split took out comes back as deleted text).
 */
function splitParagraphs(m: Marking, from: ParagraphRef, to: readonly ParagraphRef[], ops: readonly DiffOp[]): Draft[] {
  const { parts, kept } = cutAtJoins(ops, to.map((p) => p.text.length), 1);
  return to.map((p, k) => {
    const last = k === to.length - 1;
    const number = k === 0 ? renumbered(m, from, p) : numberRuns(m, p, "inserted");
    const space = !last && kept[k] ? [m.run("deleted", " ")] : [];
    return { shape: p, mark: m.mark(last ? "kept" : "inserted"), runs: [...number, ...diffRuns(m, parts[k]!), ...space] };
  });
}

/**
 * Paragraphs joined into one, as Word writes it: the older paragraphs with their marks
 * deleted, so a join that changed no words shows no deleted or inserted text. Accept all
 * gives the newer paragraph (the joining space comes in as inserted text); reject all the
 * older ones.
 */
function mergedParagraphs(m: Marking, from: readonly ParagraphRef[], to: ParagraphRef, ops: readonly DiffOp[]): Draft[] {
  const { parts, kept } = cutAtJoins(ops, from.map((p) => p.text.length), -1);
  return from.map((p, k) => {
    const number = k === 0 ? renumbered(m, p, to) : numberRuns(m, p, "deleted");
    const space = k > 0 && kept[k - 1] ? [m.run("inserted", " ")] : [];
    return { shape: p, mark: m.mark(k < from.length - 1 ? "deleted" : "kept"), runs: [...number, ...space, ...diffRuns(m, parts[k]!)] };
  });
}

/** The paragraphs of a pair that did not move, with its changes. */
function changed(m: Marking, pair: ParagraphPair): Draft[] {
  const { from, to } = pair;
  if (from.length === 1 && to.length > 1) return splitParagraphs(m, from[0]!, to, pair.ops ?? [[0, from[0]!.text]]);
  if (from.length > 1 && to.length === 1) return mergedParagraphs(m, from, to[0]!, pair.ops ?? [[0, to[0]!.text]]);
  if (from.length !== 1 || to.length !== 1) return [...from.map((p) => whole(m, p, "deleted")), ...to.map((p) => whole(m, p, "inserted"))];
  const [a, b] = [from[0]!, to[0]!];
  return [{ shape: b, mark: m.mark("kept"), runs: [...renumbered(m, a, b), ...(pair.ops ? diffRuns(m, pair.ops) : [m.run("kept", b.text)])] }];
}

/**
 * Redline DOCX: the differences from the compare engine as real Word revisions, each
 * authored by the delegation behind it (or the chair). Accepting all revisions gives the
 * newer version's text; rejecting all gives the older, in its order. A moved paragraph is a
 * tracked move, as Word writes one: w:moveFrom where it stood, w:moveTo where it stands,
 * the two ranges linked by name, the words written since as w:ins within the moved-to text;
 * a split or a join is a paragraph mark inserted or deleted, with only the words it changed
 * marked.
 */
export function buildRedlineDocx(meta: ExportMeta, pairs: readonly ParagraphPair[], authorOf: (pair: ParagraphPair) => Revision): Document {
  let id = 1;
  const children: RedlineParagraph[] = [];
  const write = (drafts: readonly Draft[]) => children.push(...drafts.map((d) => new RedlineParagraph(layout(d.shape), d.mark, d.runs)));
  const changeBy = (pair: ParagraphPair): NewChange => {
    const revision = authorOf(pair);
    return () => ({ ...revision, id: id++ });
  };
  const moveNames = new Map(pairs.filter((pair) => pair.moved).map((pair, n) => [pair, `move${n + 1}`]));
  const range = (side: "From" | "To", pair: ParagraphPair) => moveRange(side, moveNames.get(pair)!, changeBy(pair)());
  const movedOut = movedOutAt(pairs);
  const pushMovedOut = (at: number) => {
    for (const pair of movedOut.get(at) ?? []) {
      const m = movedFrom(changeBy(pair));
      write(within(range("From", pair), pair.from.map((p) => movedAway(m, p))));
    }
  };
  pushMovedOut(-1);
  pairs.forEach((pair, k) => {
    const change = changeBy(pair);
    write(pair.moved ? within(range("To", pair), movedHere(movedTo(change), pair)) : changed(inPlace(change), pair));
    pushMovedOut(k);
  });
  return new Document({ creator: "Plenary", title: `${versionName(meta)} (redline)`, sections: [{ headers: pageHeader(meta), children }] });
}
