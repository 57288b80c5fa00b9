import { align, longestIncreasing } from "./align";
import { markTextMoves, type TextMove } from "./text-moves";
import { similarity, wordDiff, type DiffOp } from "./word-diff";

export interface ComparableParagraph {
  id: string;
  kind: string;
  number: string | null;
  text: string;
}

export interface ParagraphRef extends ComparableParagraph {
  index: number;
}

export type Classification = "unchanged" | "modified" | "added" | "deleted" | "moved" | "split" | "merged";

export interface ParagraphPair {
  classification: Classification;
  from: ParagraphRef[];
  to: ParagraphRef[];
  ops?: DiffOp[];
  similarity?: number;
  moved?: boolean;
  /** A sentence (four words or more) moved out of this paragraph into another, or in from one. */
  textMoves?: TextMove[];
}

export interface CompareResult {
  pairs: ParagraphPair[];
  summary: Record<Classification, number>;
  /** True when any word diff hit its deadline, or the comparison its budget (valid but not minimal). */
  truncated: boolean;
}

export interface CompareOptions {
  /** diff-match-patch's deadline for one paragraph (default 1 s). */
  timeoutSeconds?: number;
  /**
   * The whole comparison's time for word diffs (default 3 s): paragraphs left when it is
   * spent are shown as replaced whole, and the result says it was cut short. Without it, a
   * comparison of long rewritten paragraphs (20 of 5,000 Chinese characters took 14 s) held
   * the server's thread for as long as it took.
   */
  budgetSeconds?: number;
  /** The clock (tests). */
  now?: () => number;
}

function ref(p: ComparableParagraph, index: number): ParagraphRef {
  return { id: p.id, kind: p.kind, number: p.number, text: p.text, index };
}

/**
 * Walks back from `index` - 1 to 0 and returns the first value `at` gives (the pair holding
 * an older paragraph that is where it was), or -1 when there is none.
 */
export function nearestBefore(index: number, at: (i: number) => number | undefined): number {
  for (let i = index - 1; i >= 0; i--) {
    const k = at(i);
    if (k !== undefined) return k;
  }
  return -1;
}

/**
 * Compares two versions paragraph by paragraph (alignment by block id, then similarity),
 * classifying each and diffing changed ones word by word. Pairs follow the new version's
 * order; a deleted paragraph comes after the survivor that preceded it.
 */
export function compareParagraphs(
  from: readonly ComparableParagraph[],
  to: readonly ComparableParagraph[],
  options: CompareOptions = {},
): CompareResult {
  const { match, splitOf, mergedInto } = align(from, to);
  const now = options.now ?? Date.now;
  const perParagraph = options.timeoutSeconds ?? 1;
  const deadline = now() + (options.budgetSeconds ?? 3) * 1000;
  let truncated = false;
  const diff = (a: string, b: string): DiffOp[] => {
    const left = (deadline - now()) / 1000;
    if (left <= 0) {
      // Out of time: the old words out, the new ones in (true, not minimal).
      truncated = true;
      return [
        [-1, a],
        [1, b],
      ];
    }
    const d = wordDiff(a, b, Math.min(perParagraph, left));
    truncated ||= d.truncated;
    return d.ops;
  };
  const ordered = [...match].sort((a, b) => a[1] - b[1]);
  const stable = longestIncreasing(ordered.map(([i]) => i));
  const movedFrom = new Set(ordered.filter((_, k) => !stable.has(k)).map(([i]) => i));
  const fromOf = new Map([...match].map(([i, j]) => [j, i]));
  const splitParts = new Map<number, number[]>();
  for (const [j, i] of splitOf) splitParts.set(i, [...(splitParts.get(i) ?? []), j]);
  const mergedParts = new Map<number, number[]>();
  for (const [i, j] of mergedInto) mergedParts.set(j, [...(mergedParts.get(j) ?? []), i]);

  const byTo: ParagraphPair[] = [];
  const pairOfFrom = new Map<number, number>();
  to.forEach((q, j) => {
    if (splitOf.has(j)) return;
    const i = fromOf.get(j);
    if (i === undefined) {
      byTo.push({ classification: "added", from: [], to: [ref(q, j)] });
      return;
    }
    const p = from[i]!;
    const extraTo = splitParts.get(i) ?? [];
    const extraFrom = mergedParts.get(j) ?? [];
    const fromRefs = [ref(p, i), ...extraFrom.map((k) => ref(from[k]!, k))];
    const toRefs = [ref(q, j), ...extraTo.map((k) => ref(to[k]!, k))];
    const a = fromRefs.map((r) => r.text).join(" ");
    const b = toRefs.map((r) => r.text).join(" ");
    const moved = movedFrom.has(i);
    let classification: Classification = extraTo.length ? "split" : extraFrom.length ? "merged" : a === b ? "unchanged" : "modified";
    if (moved && (classification === "unchanged" || classification === "modified")) classification = "moved";
    const pair: ParagraphPair = { classification, from: fromRefs, to: toRefs, similarity: similarity(a, b) };
    if (a !== b) pair.ops = diff(a, b);
    if (moved) pair.moved = true;
    pairOfFrom.set(i, byTo.length);
    for (const k of extraFrom) pairOfFrom.set(k, byTo.length);
    byTo.push(pair);
  });

  // Deleted paragraphs go after the pair of the nearest preceding surviving paragraph that
  // did not move (a moved one now stands elsewhere), so they show where they were.
  const inserts = new Map<number, ParagraphPair[]>();
  from.forEach((p, i) => {
    if (pairOfFrom.has(i)) return;
    const anchor = nearestBefore(i, (k) => {
      const at = pairOfFrom.get(k);
      return at !== undefined && !byTo[at]!.moved ? at : undefined;
    });
    inserts.set(anchor, [...(inserts.get(anchor) ?? []), { classification: "deleted", from: [ref(p, i)], to: [] }]);
  });
  const pairs: ParagraphPair[] = [...(inserts.get(-1) ?? [])];
  byTo.forEach((pair, k) => pairs.push(pair, ...(inserts.get(k) ?? [])));

  markTextMoves(pairs);
  const summary: Record<Classification, number> = { unchanged: 0, modified: 0, added: 0, deleted: 0, moved: 0, split: 0, merged: 0 };
  for (const p of pairs) summary[p.classification] += 1;
  return { pairs, summary, truncated };
}

/**
 * A paragraph's identity across the two versions as the comparison paired them (the first
 * "from" paragraph's id of its pair), for what else is compared paragraph by paragraph (the
 * references): a paragraph moved by cut and paste, or split in two (a new paragraph typed at
 * the start of another), went to blocks of new ids, and is still the same text.
 */
export function pairedIdentity(pairs: readonly ParagraphPair[]): (id: string) => string {
  const key = new Map<string, string>();
  for (const pair of pairs) {
    const first = pair.from[0];
    if (!first || pair.to.length === 0) continue;
    for (const p of [...pair.from, ...pair.to]) key.set(p.id, first.id);
  }
  return (id) => key.get(id) ?? id;
}

