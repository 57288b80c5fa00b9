import type { ParagraphPair } from "./compare";

/** Words taken out of one paragraph and put in another: where they went, or where they came from. */
export interface TextMove {
  direction: "to" | "from";
  /** The other paragraph's number (in the newer version for "to", the older for "from"). */
  number: string | null;
  text: string;
}

/** Fewer words than this deleted here and inserted there ("shall", "in New York") are edits, not a move. */
const MIN_WORDS = 4;

/** The words of a deleted or inserted stretch, without the spaces and punctuation at its ends. */
function core(text: string): string {
  return text.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "").replace(/\s+/g, " ");
}

/**
 * Marks on the pairs of a comparison the stretches of words (at least four) deleted from one
 * paragraph and inserted, the same, into another: a sentence moved between paragraphs, which
 * a delegation reads as one move, not as a deletion here and an unrelated insertion there.
 */
export function markTextMoves(pairs: ParagraphPair[]): void {
  const deleted: { pair: number; key: string }[] = [];
  const inserted: { pair: number; key: string }[] = [];
  pairs.forEach((p, k) => {
    for (const [op, text] of p.ops ?? []) {
      const key = core(text);
      if (op === 0 || key.split(" ").length < MIN_WORDS) continue;
      (op < 0 ? deleted : inserted).push({ pair: k, key });
    }
  });
  for (const d of deleted) {
    const i = inserted.findIndex((x) => x.key === d.key && x.pair !== d.pair);
    if (i < 0) continue;
    const [ins] = inserted.splice(i, 1);
    const source = pairs[d.pair]!;
    const target = pairs[ins!.pair]!;
    (source.textMoves ??= []).push({ direction: "to", number: target.to[0]?.number ?? null, text: d.key });
    (target.textMoves ??= []).push({ direction: "from", number: source.from[0]?.number ?? null, text: d.key });
  }
}
