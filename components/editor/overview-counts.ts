import type { AnnotationView } from "@/server/negotiation/views";
import type { Suggestion } from "@/lib/negotiation/suggestions";

/** One paragraph's counts in the overview: open positions by kind, and tracked changes awaiting a decision. */
export interface OverviewCounts {
  objection: number;
  reservation: number;
  amendment: number;
  support: number;
  comment: number;
  changes: number;
}

export const NO_COUNTS: OverviewCounts = Object.freeze({ objection: 0, reservation: 0, amendment: 0, support: 0, comment: 0, changes: 0 });

/**
 * The overview's counts by paragraph id, in one pass over the positions and one over the
 * tracked changes (not one pass per paragraph: 300 paragraphs times 250 items). `open` are
 * the open positions shown, `tracked` the tracked-change pieces shown; a change drawn in
 * several pieces of one paragraph counts once. Paragraphs with nothing open are absent.
 */
export function overviewCounts(open: readonly AnnotationView[], tracked: readonly Suggestion[]): Map<string, OverviewCounts> {
  const counts = new Map<string, OverviewCounts>();
  const of = (blockId: string) => {
    let c = counts.get(blockId);
    if (!c) counts.set(blockId, (c = { ...NO_COUNTS }));
    return c;
  };
  for (const a of open) of(a.blockId)[a.kind]++;
  const seen = new Set<string>();
  for (const s of tracked) {
    const key = `${s.blockId}\u0000${s.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    of(s.blockId).changes++;
  }
  return counts;
}
