import type { StoredEvent } from "../db/event-log";

/** Who a change in the text came from: the delegation(s) and the chair's decision. */
export interface Attribution {
  kind: "amendment" | "suggestion";
  delegations: string[];
  decidedBy: string;
  decidedAt: number;
  reason: string | null;
}

interface SuggestionPayload {
  suggestions?: { blockId?: string; delegation?: string }[];
  cosponsors?: string[];
  /** The annotation's kind, on decisions. */
  kind?: string;
}

/**
 * Accepted amendments and suggestions between two points in time, per block id: what the
 * compare view names next to a changed paragraph.
 */
export function attributeChanges(
  events: readonly StoredEvent[],
  since: number,
  until: number,
  names: { user: (id: string | null) => string; delegation: (id: string | null) => string | null; delegationByCode: (code: string) => string | null },
): Map<string, Attribution[]> {
  const byBlock = new Map<string, Attribution[]>();
  const add = (blockId: string | null | undefined, a: Attribution) => {
    if (!blockId) return;
    byBlock.set(blockId, [...(byBlock.get(blockId) ?? []), a]);
  };
  for (const e of events) {
    if (e.createdAt < since || e.createdAt > until) continue;
    const payload = JSON.parse(e.payload) as SuggestionPayload;
    // Only an accepted amendment changed the text (an accepted objection changed nothing).
    if (e.action === "accepted" && payload.kind === "amendment") {
      const delegations = [names.delegation(e.delegationId), ...(payload.cosponsors ?? []).map((id) => names.delegation(id))];
      add(e.blockId, {
        kind: "amendment",
        delegations: delegations.filter((d): d is string => !!d),
        decidedBy: names.user(e.userId),
        decidedAt: e.createdAt,
        reason: e.reason,
      });
    } else if (e.action === "suggestion_accepted") {
      const perBlock = new Map<string, Set<string>>();
      for (const s of payload.suggestions ?? []) {
        if (!s.blockId || !s.delegation) continue;
        perBlock.set(s.blockId, (perBlock.get(s.blockId) ?? new Set()).add(names.delegationByCode(s.delegation) ?? s.delegation));
      }
      for (const [blockId, codes] of perBlock) {
        add(blockId, { kind: "suggestion", delegations: [...codes], decidedBy: names.user(e.userId), decidedAt: e.createdAt, reason: e.reason });
      }
    }
  }
  return byBlock;
}
