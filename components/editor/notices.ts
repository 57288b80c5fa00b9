/**
 * What a participant is told in the side panel (a decision, the chair opening the text, a
 * change the server undid): a short list, newest first, so a decision told a second later
 * does not wipe out a warning that quotes the words a delegate lost.
 */
export interface Notice {
  id: number;
  text: string;
  warn: boolean;
  /** A change the server undid: its reason and the words it typed, quoted in `text`. */
  revert?: { reason: string; lost: string };
  /** What the notice is about (a position's decision): a newer notice with the same key replaces it. */
  key?: string;
  at: number;
}

/** Notices kept at once. */
export const MAX_NOTICES = 3;
/** Reverts this close together are one burst (edits typed offline come back together). */
export const REVERT_BURST_MS = 3000;

let nextId = 1;

/**
 * Adds a notice on top, in place of one with the same text or key (a decision taken back
 * replaces the decision); past MAX_NOTICES the oldest information goes first, warnings last.
 */
export function addNotice(list: readonly Notice[], notice: Omit<Notice, "id">): Notice[] {
  const out = [{ ...notice, id: nextId++ }, ...list.filter((n) => n.text !== notice.text && (notice.key === undefined || n.key !== notice.key))];
  while (out.length > MAX_NOTICES) {
    let drop = out.length - 1;
    while (drop > 0 && out[drop]!.warn) drop -= 1;
    out.splice(drop > 0 ? drop : out.length - 1, 1);
  }
  return out;
}

/**
 * A change the server undid: joined to the newest notice when that is a revert of the same
 * burst (the first one says why, the words of all of them are quoted), else a new warning.
 */
export function addRevert(list: readonly Notice[], reason: string, lost: string, now: number, explain: (reason: string, lost: string) => string): Notice[] {
  const top = list[0];
  if (top?.revert && now - top.at < REVERT_BURST_MS) {
    const revert = { reason: top.revert.reason, lost: top.revert.lost + lost };
    return [{ ...top, revert, text: explain(revert.reason, revert.lost) }, ...list.slice(1)];
  }
  return addNotice(list, { text: explain(reason, lost), warn: true, revert: { reason, lost }, at: now });
}
