import { sentence } from "@/lib/format/sentence";
import { clipWords } from "@/lib/format/clip";
import type { AnnotationKind } from "@/lib/negotiation/types";

/** What the chair decides on: a tracked change, or a position of any kind. */
export type ReviewedKind = "suggestion" | AnnotationKind;

/**
 * The message after the chair's decision (review queue, Positions card): what was decided on
 * (`described`, "Belarus's objection (+10) on PP3") and what the decision did. Only an
 * amendment or a tracked change changes the text. Accepting an objection upholds it: it is
 * recorded as accepted, and the paragraph's words and status are left to the chair to rework
 * or bracket; an accepted reservation is recorded with the paragraph.
 */
export function decisionMessage(decision: "accept" | "reject" | "resolve", kind: ReviewedKind, described: string, paragraph: string | null): string {
  if (decision === "reject") return sentence(`Rejected: ${described}`);
  if (decision === "resolve") return sentence(`Resolved: ${described}`);
  if (kind === "amendment" || kind === "suggestion") return `${sentence(`Accepted: ${described}`)} It is in the text. ${TAKE_BACK}`;
  const where = paragraph ?? "the paragraph";
  if (kind === "objection") {
    return `${sentence(`Upheld: ${described}`)} It is recorded as accepted and leaves the queue; the text and ${paragraph ? `${paragraph}'s` : "the paragraph's"} status are unchanged: rework or bracket ${where} if the objection calls for it.`;
  }
  if (kind === "reservation") return `${sentence(`Accepted: ${described}`)} The reservation is recorded with ${where} (the compilation lists it as accepted); the text is unchanged.`;
  return `${sentence(`Accepted: ${described}`)} The text is unchanged.`;
}

/** Accepting a change that inserts or deletes more characters than this asks first. */
export const CONFIRM_ACCEPT_OVER = 300;

/** How an accepted change that changed the text is taken back: not with U, nor by rejecting. */
export const TAKE_BACK = "It cannot be rejected or undone now: to take it back, edit the text or restore a saved version.";

function extent(verb: string, text: string): string {
  return `${verb} ${text.length.toLocaleString("en")} characters (“${clipWords(text, 80)}”)`;
}

/**
 * The question asked before accepting a change that inserts or deletes more than
 * CONFIRM_ACCEPT_OVER characters (a pasted page, a whole paragraph struck): its start and
 * length, and that it cannot be taken back by a key. Null for a smaller change: one key.
 */
export function largeAcceptQuestion(described: string, change: { inserted: string; deleted: string }): string | null {
  const parts = [
    change.inserted.length > CONFIRM_ACCEPT_OVER ? extent("inserts", change.inserted) : null,
    change.deleted.length > CONFIRM_ACCEPT_OVER ? extent("deletes", change.deleted) : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return `Accept ${described}? It ${parts.join(" and ")}. ${TAKE_BACK}`;
}
