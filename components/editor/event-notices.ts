import type { LostTyping } from "@/lib/editor/own-typing";
import type { DecidedPiece, SuggestionsDecided } from "@/server/events";
import { PARAGRAPH_STATUS_LABEL, type ParagraphStatus } from "@/lib/negotiation/types";
import { sentence } from "@/lib/format/sentence";
import { clipWords } from "@/lib/format/clip";
import { piecesById } from "@/lib/negotiation/suggestions";
import { changeSentence } from "./tracked-change";

/** Words quoted in a notice, spaces folded, long ones cut. */
function quote(text: string, max = 200): string {
  return `“${clipWords(text, max)}”`;
}

/** Everyone with the document open: what a restore did to the live text. */
export function restoreNotice(version: string, saved: string): string {
  return `The chair restored ${version}: the live text was replaced by it (the text before was saved as “${saved}”).`;
}

/**
 * A participant whose words, typed in the seconds around a restore, went with the text they
 * were typed in; null when none did. `numberOf`: the paragraph's number now, if it has one.
 */
export function lostTypingNotice(version: string, lost: readonly LostTyping[], numberOf: (blockId: string) => string | undefined): string | null {
  const quoted = lost
    .filter((l) => l.text.trim() !== "")
    .map((l) => {
      const where = l.blockId ? numberOf(l.blockId) : undefined;
      return `${quote(l.text)}${where ? ` in ${where}` : ""}`;
    });
  if (quoted.length === 0) return null;
  return `Your words ${quoted.join(" and ")}, typed as the chair restored ${version}, were removed with the text they were typed in. Type them again if they are still wanted.`;
}

/** "OP1", "OP1 and OP2", "OP1, OP2 and PP3": the paragraphs pieces are in, as numbered now. */
function paragraphsOf(pieces: readonly DecidedPiece[], numberOf: (blockId: string) => string | undefined): string {
  const names = [...new Set(pieces.map((p) => numberOf(p.blockId)).filter((n): n is string => !!n))];
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** One tracked change (its pieces): "tracked insertion in OP1 (“fully”)", "tracked replacement of “X” with “Y” in PP3". */
function change(pieces: readonly DecidedPiece[], numberOf: (blockId: string) => string | undefined): string {
  return changeSentence(pieces, paragraphsOf(pieces, numberOf));
}

/** Ends a notice after a quoted reason, which may end with its own full stop (as sentence() has it for positions). */
function withReason(text: string, reason: string | null): string {
  return reason ? sentence(`${text}: “${reason}”`) : `${text}.`;
}

/**
 * A delegation told of the chair's decision on its tracked changes: the change, with its
 * words, and the reason of a rejection; several decided at once (a paragraph's, all of the
 * delegation's) are counted in one notice. Null when none of them was the delegation's.
 */
export function suggestionDecisionNotice(
  event: { decision: "accepted" | "rejected"; reason: string | null; pieces: readonly DecidedPiece[] },
  code: string,
  numberOf: (blockId: string) => string | undefined,
  /** Told on coming back, not as it happened. */
  away = false,
): string | null {
  const changes = [...piecesById(event.pieces.filter((p) => p.delegation === code)).values()];
  if (changes.length === 0) return null;
  const chair = away ? "While you were away, the chair" : "The chair";
  if (changes.length === 1) return withReason(`${chair} ${event.decision} your ${change(changes[0]!, numberOf)}`, event.reason);
  const where = paragraphsOf(changes.flat(), numberOf);
  return withReason(`${chair} ${event.decision} ${changes.length} tracked changes of your delegation${where ? ` in ${where}` : ""}`, event.reason);
}

/**
 * The chair's decisions on a delegation's tracked changes after `since` (the newest event its
 * browser showed): each as it was taken, or, past two, all those accepted as one and all those
 * rejected as one (counted, their reasons in the changes' history).
 */
export function missedSuggestionDecisions(decided: readonly SuggestionsDecided[], since: number): SuggestionsDecided[] {
  const missed = decided.filter((d) => d.seq > since);
  if (missed.length <= 2) return missed;
  return (["accepted", "rejected"] as const).flatMap((decision) => {
    const of = missed.filter((d) => d.decision === decision);
    return of.length ? [{ seq: of.at(-1)!.seq, decision, reason: of.length === 1 ? of[0]!.reason : null, pieces: of.flatMap((d) => d.pieces) }] : [];
  });
}

/** The chair told that a delegation withdrew its tracked change (one id, all its pieces): its review item went away. */
export function suggestionWithdrawnNotice(pieces: readonly DecidedPiece[], nameOf: (code: string) => string, numberOf: (blockId: string) => string | undefined): string | null {
  if (pieces.length === 0) return null;
  return `${nameOf(pieces[0]!.delegation)} withdrew its ${change(pieces, numberOf)}.`;
}

/** The chair's status key took effect: "OP3 is now agreed ad ref.", "Paragraph 3 is now open." */
export function statusSetNotice(number: string | null | undefined, status: ParagraphStatus): string {
  const which = !number ? "The paragraph" : /^\d+\.$/.test(number) ? `Paragraph ${number.slice(0, -1)}` : number;
  return sentence(`${which} is now ${PARAGRAPH_STATUS_LABEL[status].toLowerCase()}`);
}

/**
 * Missed decisions not told yet (they wait for the text, to name its paragraphs), as the
 * browser keeps them: a page closed before the text came in tells them on the next visit.
 * `stored` is what was kept (JSON, or null); `more`, decisions just read. One per event, in order.
 */
export function pendingMissed(stored: string | null, more: readonly SuggestionsDecided[] = []): SuggestionsDecided[] {
  let kept: unknown = [];
  try {
    kept = stored ? JSON.parse(stored) : [];
  } catch {
    // Not ours, or cut short: nothing kept.
  }
  const valid = (Array.isArray(kept) ? kept : []).filter(
    (d): d is SuggestionsDecided => typeof d?.seq === "number" && (d.decision === "accepted" || d.decision === "rejected") && Array.isArray(d.pieces),
  );
  const bySeq = new Map([...valid, ...more].map((d) => [d.seq, d]));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
