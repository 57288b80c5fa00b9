import { setSimilarity, similarity, wordSet } from "./word-diff";

export interface Comparable {
  id: string;
  text: string;
}

/** Minimum similarity for pairing paragraphs whose ids do not correspond. */
export const PAIR_THRESHOLD = 0.5;
/** Dice (2c / (a + b), c <= min(a, b)) reaches PAIR_THRESHOLD only if the larger word set is at most this many times the smaller. */
const MAX_SIZE_RATIO = (2 - PAIR_THRESHOLD) / PAIR_THRESHOLD;
/** Minimum similarity of joined halves for calling two paragraphs a split or a merge. */
const SPLIT_THRESHOLD = 0.8;

export interface Alignment {
  /** from index -> to index */
  match: Map<number, number>;
  /** to index -> from index, for new paragraphs that are the second part of a split */
  splitOf: Map<number, number>;
  /** from index -> to index, for old paragraphs merged into another's new paragraph */
  mergedInto: Map<number, number>;
}

/**
 * Pairs paragraphs: by block id first, then by text similarity among the rest (so an edited
 * imported text is not "everything replaced"), then finds splits and merges.
 */
export function align(from: readonly Comparable[], to: readonly Comparable[]): Alignment {
  const match = new Map<number, number>();
  const toById = new Map<string, number>();
  to.forEach((p, j) => toById.set(p.id, j));
  from.forEach((p, i) => {
    const j = toById.get(p.id);
    if (j !== undefined && p.id) match.set(i, j);
  });
  const matchedTo = new Set(match.values());
  // A block id that now holds other words, while a block of a new id holds the old ones: a
  // paragraph typed at the start of another and split off it by Enter (the editor keeps the
  // id on the first part). The old words are paired with their copy; the id's new words are
  // an added paragraph, not the first half of a split.
  const idPaired = [...match];
  const unpairedTo = to.map((_, j) => j).filter((j) => !matchedTo.has(j));
  for (const [i, j] of idPaired) {
    if (!unpairedTo.length || from[i]!.text === to[j]!.text || similarity(from[i]!.text, to[j]!.text) >= PAIR_THRESHOLD) continue;
    let best = -1;
    let bestScore = SPLIT_THRESHOLD;
    for (const k of unpairedTo) {
      if (matchedTo.has(k) || Math.abs(k - j) > 1) continue;
      const score = similarity(from[i]!.text, to[k]!.text);
      if (score >= bestScore) [best, bestScore] = [k, score];
    }
    if (best < 0) continue;
    match.set(i, best);
    matchedTo.delete(j);
    matchedTo.add(best);
  }
  // A paragraph found word for word in the other version is paired with that copy first
  // (the nearest one when there are several): no pair can be closer.
  const toByText = new Map<string, number[]>();
  to.forEach((q, j) => {
    if (!matchedTo.has(j)) toByText.set(q.text, [...(toByText.get(q.text) ?? []), j]);
  });
  from.forEach((p, i) => {
    if (match.has(i)) return;
    const copies = (toByText.get(p.text) ?? []).filter((j) => !matchedTo.has(j));
    if (!copies.length) return;
    const j = copies.reduce((best, k) => (Math.abs(k - i) < Math.abs(best - i) ? k : best));
    match.set(i, j);
    matchedTo.add(j);
  });
  const candidates: [number, number, number][] = [];
  // Each paragraph's words are read once, not once per pair: with no id in common (a text
  // imported again from Word), 300 paragraphs against 300 are 90,000 pairs.
  const toWords = to.map((q, j) => (matchedTo.has(j) ? null : wordSet(q.text)));
  from.forEach((p, i) => {
    if (match.has(i)) return;
    const words = wordSet(p.text);
    to.forEach((q, j) => {
      const other = toWords[j];
      if (!other || matchedTo.has(j)) return;
      if (Math.max(words.size, other.size) > MAX_SIZE_RATIO * Math.min(words.size, other.size)) return;
      const s = setSimilarity(words, other, p.text === q.text);
      if (s >= PAIR_THRESHOLD) candidates.push([s, i, j]);
    });
  });
  candidates.sort((a, b) => b[0] - a[0] || Math.abs(a[1] - a[2]) - Math.abs(b[1] - b[2]));
  for (const [, i, j] of candidates) {
    if (match.has(i) || matchedTo.has(j)) continue;
    match.set(i, j);
    matchedTo.add(j);
  }
  const fromOf = new Map([...match].map(([i, j]) => [j, i]));
  const splitOf = new Map<number, number>();
  to.forEach((q, j) => {
    if (matchedTo.has(j) || j === 0) return;
    const i = fromOf.get(j - 1);
    if (i === undefined) return;
    const whole = from[i]!.text;
    if (joinExplains(whole, to[j - 1]!.text, q.text)) splitOf.set(j, i);
  });
  const mergedInto = new Map<number, number>();
  from.forEach((p, i) => {
    if (match.has(i) || i === 0) return;
    const j = match.get(i - 1);
    if (j === undefined) return;
    if (joinExplains(to[j]!.text, from[i - 1]!.text, p.text)) mergedInto.set(i, j);
  });
  return { match, splitOf, mergedInto };
}

/**
 * True when `whole` is `first` and `second` joined (a split or a merge), not `first` edited:
 * the join is close to it, and either `first` alone is not, or the words `second` brings
 * are in it (a short paragraph joined to a long one leaves the long one close on its own).
 */
function joinExplains(whole: string, first: string, second: string): boolean {
  if (similarity(whole, `${first} ${second}`) < SPLIT_THRESHOLD) return false;
  if (similarity(whole, first) < SPLIT_THRESHOLD) return true;
  const firstWords = wordSet(first);
  const wholeWords = wordSet(whole);
  const own = [...wordSet(second)].filter((w) => !firstWords.has(w));
  return own.length > 0 && own.filter((w) => wholeWords.has(w)).length / own.length >= SPLIT_THRESHOLD;
}

/** Indexes (into `seq`) of a longest increasing subsequence: the paragraphs that did not move. */
export function longestIncreasing(seq: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  for (let k = 0; k < seq.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[k]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const keep = new Set<number>();
  for (let k = tails.at(-1) ?? -1; k >= 0; k = prev[k]!) keep.add(k);
  return keep;
}
