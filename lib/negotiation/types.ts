/** Negotiation objects shared by server, API and editor. */

export const ANNOTATION_KINDS = ["objection", "reservation", "support", "comment", "amendment"] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** What each kind of position is called: in the text's marks, on the cards, in the legend. */
export const ANNOTATION_KIND_LABEL: Record<AnnotationKind, string> = {
  objection: "Objection",
  reservation: "Reservation",
  support: "Support",
  comment: "Comment",
  amendment: "Amendment",
};

export const AMENDMENT_OPS = ["insert", "delete", "replace"] as const;
export type AmendmentOp = (typeof AMENDMENT_OPS)[number];

export const ANNOTATION_STATUSES = ["open", "accepted", "rejected", "withdrawn", "resolved"] as const;
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];

export const PARAGRAPH_STATUSES = ["open", "bracketed", "agreed_ad_ref", "agreed"] as const;
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

/** Statuses that close a paragraph to delegates' drafting: only the chair changes its text. */
export const CLOSED_TO_DRAFTING: ReadonlySet<string> = new Set<ParagraphStatus>(["agreed", "agreed_ad_ref"]);

export const PARAGRAPH_STATUS_LABEL: Record<ParagraphStatus, string> = {
  open: "Open",
  bracketed: "Bracketed",
  agreed_ad_ref: "Agreed ad ref.",
  agreed: "Agreed",
};

/**
 * Where an annotation sits: a block and a character range inside its text, as Yjs relative
 * positions (base64 of Y.encodeRelativePosition) so it follows concurrent edits, plus the
 * quoted text it was made on (kept when that text is deleted).
 */
export interface Anchor {
  blockId: string;
  /** Relative position of the range start (assoc 0: sticks to the character after it). */
  start: string;
  /** Relative position of the range end (assoc -1: sticks to the character before it). */
  end: string;
  quote: string;
}

/** An anchor resolved against the current text. */
export type ResolvedAnchor =
  | { detached: false; blockId: string; from: number; to: number; text: string }
  | { detached: true; blockId: string; quote: string };

/**
 * The word for a position's status as the product says it: an objection the chair accepted
 * is upheld (accepting it changes no text); any other status is its own word.
 */
export function statusWord(kind: string, status: string): string {
  return status === "accepted" && kind === "objection" ? "upheld" : status;
}
