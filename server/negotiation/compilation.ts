import type { CompilationEntry, CompilationRow, ExportParagraph } from "../../lib/exporter";
import { changeOf, piecesByChange, piecesText } from "../../lib/negotiation/suggestions";
import { PARAGRAPH_STATUS_LABEL, statusWord, type ParagraphStatus } from "../../lib/negotiation/types";
import type { PendingChange } from "./versions";
import type { AnnotationView } from "./views";

/** Annotation kinds a compilation lists (comments and replies are discussion, not proposals). */
const PROPOSAL_KINDS = new Set(["amendment", "objection", "reservation", "support"]);

/** What the compilation needs of an annotation. */
export type ProposalSource = Pick<
  AnnotationView,
  "blockId" | "kind" | "op" | "quote" | "proposedText" | "body" | "status" | "createdAt" | "author" | "cosponsors" | "history"
>;

/** The status each history action leaves an annotation in (other actions leave it as it was). */
const STATUS_AFTER: Record<string, AnnotationView["status"]> = {
  created: "open",
  reopened: "open",
  withdrawn: "withdrawn",
  accepted: "accepted",
  rejected: "rejected",
  resolved: "resolved",
};

/**
 * The proposal as it stood just before the negotiation event `seq` (a version's save): its
 * status and co-sponsors replayed from its history; null when it was filed after.
 */
export function proposalAsOf(a: ProposalSource, seq: number): ProposalSource | null {
  const before = a.history.filter((h) => h.seq < seq);
  if (!before.some((h) => h.action === "created")) return null;
  let status: AnnotationView["status"] = "open";
  const cosponsors = new Map<string, AnnotationView["cosponsors"][number]>();
  for (const h of before) {
    status = STATUS_AFTER[h.action] ?? status;
    if (!h.delegation) continue;
    if (h.action === "cosponsored") cosponsors.set(h.delegation.id, h.delegation);
    if (h.action === "cosponsorship_withdrawn") cosponsors.delete(h.delegation.id);
  }
  return { ...a, status, cosponsors: [...cosponsors.values()], history: before };
}

function proposalEntry(a: ProposalSource): CompilationEntry {
  // The reason the chair gave for the decision that left it in its status (a rejection's, mostly).
  const decision = a.status === "open" ? undefined : [...a.history].reverse().find((h) => STATUS_AFTER[h.action] === a.status);
  return {
    kind: a.kind,
    op: a.op,
    by: a.author.delegation?.name ?? a.author.userName,
    cosponsors: a.cosponsors.map((c) => c.name),
    quote: a.quote,
    proposedText: a.proposedText,
    body: a.body,
    // An objection accepted is "upheld", as the review queue's button and the delegation's notice say.
    status: statusWord(a.kind, a.status),
    reason: decision?.reason ?? null,
  };
}

/**
 * One tracked change from its pieces (one id, one delegation, in text order), as the review
 * queue lists it: a replacement's deletion and insertion are one "replace “X” with “Y”", and a
 * change another delegation typed inside is one entry, its pieces joined by " … ".
 */
function changeEntry(pieces: readonly PendingChange[]): CompilationEntry {
  const { kind, deleted, inserted } = changeOf(pieces);
  const quote = piecesText(kind === "insertion" ? inserted : deleted);
  return { kind, op: null, by: pieces[0]!.delegation, cosponsors: [], quote, proposedText: kind === "replacement" ? piecesText(inserted) : null, body: null, status: "pending", reason: null };
}

/**
 * One row per paragraph: the positions filed on it, oldest first, then the tracked changes
 * pending in it, in text order. `asOf`: the seq of a version's save, to list the positions
 * filed before it with their status then (omitted for the live text: today's).
 */
export function compilationRows(
  paragraphs: readonly ExportParagraph[],
  proposals: readonly ProposalSource[],
  changes: readonly PendingChange[],
  asOf?: number,
): CompilationRow[] {
  const byBlock = new Map<string, CompilationEntry[]>();
  const add = (blockId: string, entry: CompilationEntry) => byBlock.set(blockId, [...(byBlock.get(blockId) ?? []), entry]);
  const listed = proposals
    .filter((a) => PROPOSAL_KINDS.has(a.kind))
    .map((a) => (asOf === undefined ? a : proposalAsOf(a, asOf)))
    .filter((a): a is ProposalSource => a !== null)
    .sort((x, y) => x.createdAt - y.createdAt);
  for (const a of listed) add(a.blockId, proposalEntry(a));
  // A change is listed under the paragraph where it begins.
  for (const pieces of piecesByChange(changes)) add(pieces[0]!.blockId, changeEntry(pieces));
  return paragraphs.map((p) => ({
    paragraph: p,
    status: p.status && p.status !== "open" ? (PARAGRAPH_STATUS_LABEL[p.status as ParagraphStatus] ?? p.status) : null,
    entries: byBlock.get(p.id) ?? [],
  }));
}
