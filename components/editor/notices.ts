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

/** A later refusal for the same reason this soon joins the warning already shown ("… " between bursts). */
export const REVERT_JOIN_MS = 60_000;
/** The words a joined warning keeps: the newest, which the delegate is looking for. */
export const REVERT_LOST_CHARS = 200;

/**
 * A change the server undid. Joined to the warning already shown for the same reason when it
 * came soon after it (a delegate typing on through the chair's pen was told once per burst,
 * and three warnings filled half a laptop's screen): within REVERT_BURST_MS the words run on
 * (edits typed offline come back together), later bursts are set apart by "… ", and the
 * warning moves to the top. Otherwise, a new warning.
 */
export function addRevert(list: readonly Notice[], reason: string, lost: string, now: number, explain: (reason: string, lost: string) => string): Notice[] {
  const same = list.find((n) => n.revert?.reason === reason && now - n.at < REVERT_JOIN_MS);
  if (!same?.revert) return addNotice(list, { text: explain(reason, lost), warn: true, revert: { reason, lost }, at: now });
  const joined = now - same.at < REVERT_BURST_MS || !same.revert.lost || !lost ? same.revert.lost + lost : `${same.revert.lost} … ${lost}`;
  // By characters, not UTF-16 units: a cut through a surrogate pair would leave half an emoji.
  const chars = Array.from(joined);
  const revert = { reason, lost: chars.length > REVERT_LOST_CHARS ? `…${chars.slice(-(REVERT_LOST_CHARS - 1)).join("")}` : joined };
  return [{ ...same, revert, text: explain(reason, revert.lost), at: now }, ...list.filter((n) => n !== same)];
}
