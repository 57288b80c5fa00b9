import type { Delegation } from "../db/delegations";
import type { AnnotationRow, CosponsorRow, ReplyRow } from "../db/annotations";
import type { StoredEvent } from "../db/event-log";
import type { ResolvedAnchor } from "../../lib/negotiation/types";

export interface DelegationRef {
  id: string;
  code: string;
  name: string;
  color: string;
}

export interface AnnotationView {
  id: string;
  documentId: string;
  kind: AnnotationRow["kind"];
  op: AnnotationRow["op"];
  proposedText: string | null;
  body: string | null;
  quote: string;
  status: AnnotationRow["status"];
  /** Where the annotation sits now; detached when its text was deleted. */
  blockId: string;
  paragraph: string | null;
  detached: boolean;
  anchor: { blockId: string; start: string; end: string; quote: string };
  author: { userName: string; delegation: DelegationRef | null };
  cosponsors: DelegationRef[];
  replies: { id: string; userName: string; delegation: DelegationRef | null; body: string; createdAt: number }[];
  /** Oldest first; `seq` orders it among the document's other negotiation events (a version's save). */
  history: { seq: number; action: string; userName: string; delegation: DelegationRef | null; reason: string | null; at: number }[];
  createdAt: number;
  updatedAt: number;
}

export interface ViewContext {
  delegations: Map<string, Delegation>;
  userNames: Map<string, string>;
  numbers: Map<string, string | null>;
}

export function delegationRef(ctx: ViewContext, id: string | null): DelegationRef | null {
  const d = id ? ctx.delegations.get(id) : undefined;
  return d ? { id: d.id, code: d.code, name: d.name, color: d.color } : null;
}

/** The API/UI shape of an annotation, with names resolved and its anchor resolved. */
export function annotationView(
  ctx: ViewContext,
  row: AnnotationRow,
  resolved: ResolvedAnchor,
  cosponsors: CosponsorRow[],
  replies: ReplyRow[],
  events: StoredEvent[],
): AnnotationView {
  const blockId = resolved.blockId;
  return {
    id: row.id,
    documentId: row.documentId,
    kind: row.kind,
    op: row.op,
    proposedText: row.proposedText,
    body: row.body,
    quote: row.quote,
    status: row.status,
    blockId,
    paragraph: ctx.numbers.get(blockId) ?? null,
    detached: resolved.detached,
    anchor: { blockId: row.blockId, start: row.anchorStart, end: row.anchorEnd, quote: row.quote },
    author: { userName: ctx.userNames.get(row.authorUserId) ?? "unknown", delegation: delegationRef(ctx, row.authorDelegationId) },
    cosponsors: cosponsors.map((c) => delegationRef(ctx, c.delegationId)).filter((d): d is DelegationRef => d !== null),
    replies: replies.map((r) => ({
      id: r.id,
      userName: ctx.userNames.get(r.userId) ?? "unknown",
      delegation: delegationRef(ctx, r.delegationId),
      body: r.body,
      createdAt: r.createdAt,
    })),
    history: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      userName: e.userId ? (ctx.userNames.get(e.userId) ?? "unknown") : "server",
      delegation: delegationRef(ctx, e.delegationId),
      reason: e.reason,
      at: e.createdAt,
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
