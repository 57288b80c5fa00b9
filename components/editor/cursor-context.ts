/** Characters of the paragraph shown on each side of an insertion point. */
const SIDE = 24;

/**
 * The words around an insertion point, as the composer shows them ("…from the‸ use of…"):
 * cut at a word boundary where the side is long.
 */
export function aroundCursor(before: string, after: string): { before: string; after: string } {
  const left = before.length > SIDE ? `…${before.slice(-SIDE).replace(/^\S*\s/, "")}` : before;
  const right = after.length > SIDE ? `${after.slice(0, SIDE).replace(/\s\S*$/, "")}…` : after;
  return { before: left, after: right };
}

/** True when the point falls between two letters or digits: an insertion there splits a word ("th‸e"). */
export function insideWord(before: string, after: string): boolean {
  return /[\p{L}\p{N}]$/u.test(before) && /^[\p{L}\p{N}]/u.test(after);
}
