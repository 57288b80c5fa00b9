import { z } from "zod";
import { lineField, textField } from "../validation/text";
import { AMENDMENT_OPS, ANNOTATION_KINDS, PARAGRAPH_STATUSES } from "./types";

/** Request bodies of the negotiation API (validated at the edge, shared with the client). */

const blockId = z.string().min(1).max(64);

export const NewAnnotationBody = z
  .object({
    blockId,
    from: z.number().int().min(0),
    to: z.number().int().min(0),
    // Checked against the paragraph's own text (which may hold any character a paste brought).
    quote: z.string().max(10_000),
    kind: z.enum(ANNOTATION_KINDS),
    op: z.enum(AMENDMENT_OPS).optional(),
    proposedText: textField(10_000).optional(),
    body: textField(10_000).optional(),
    /** Rejected unless it is the caller's own delegation: authorship comes from the session. */
    delegation: z.string().max(12).optional(),
  })
  .refine((b) => b.from <= b.to, { message: "from must not be after to", path: ["to"] });

export const ReplyBody = z.object({ body: textField(10_000, { trim: true, min: 1 }) });

export const DecisionBody = z.object({
  decision: z.enum(["accept", "reject", "resolve"]),
  reason: textField(2_000).optional(),
});

export const ParagraphStatusBody = z.object({ status: z.enum(PARAGRAPH_STATUSES) });

export const ModeBody = z.object({ mode: z.enum(["chairs_pen", "open_drafting"]) });

export const SuggestionDecisionBody = z
  .object({
    decision: z.enum(["accept", "reject"]),
    id: z.string().min(1).max(64).optional(),
    blockId: blockId.optional(),
    delegation: z.string().min(2).max(12).optional(),
    reason: textField(2_000).optional(),
  })
  .refine((b) => b.id || b.blockId || b.delegation, { message: "name a suggestion id, a paragraph or a delegation" });

/** A delegation withdraws its own tracked change (by the id its mark carries). */
export const SuggestionWithdrawBody = z.object({ id: z.string().min(1).max(64) }).strict();

export const EmptyBody = z.object({}).strict();

/** Parts of letters, digits and . - ( ) * _ between single slashes; no spaces. */
const SYMBOL_SHAPE = /^[\p{L}\p{N}.()*_-]+(?:\/[\p{L}\p{N}.()*_-]+)*$/u;

/**
 * The official document symbol the chair gives a version (A/AC.292/2025/CRP.1/Rev.1,
 * MC.DEC/5/17). Empty is none: an informal version (a reading, a non-paper) has no symbol.
 */
const symbolText = lineField(80).refine((s) => s === "" || SYMBOL_SHAPE.test(s), {
  message: "a document symbol is letters, digits and . - ( ) between slashes, without spaces (A/AC.292/2025/CRP.1/Rev.1)",
});
export const VersionSymbol = symbolText.transform((s) => s || undefined);

/** The document's own symbol, as the chair edits it: empty clears it (null). */
export const DocumentSymbol = symbolText.transform((s) => s || null);

/** The chair saves the live text as a version. */
export const NewVersionBody = z.object({
  label: lineField(80, { min: 1 }),
  note: textField(2_000, { trim: true }).optional(),
  symbol: VersionSymbol.optional(),
});
