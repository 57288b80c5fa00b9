import type { Suggestion } from "@/lib/negotiation/suggestions";
import type { AnnotationView, DelegationRef } from "@/server/negotiation/views";

/**
 * The delegations a filter offers: those with something in the document to filter for (a
 * position filed or co-sponsored, a tracked change), in the list's order, and the one
 * chosen now. Every United Nations Member State is a delegation; a filter listing all of
 * them would bury the few in the room.
 */
export function involvedDelegations(
  delegations: readonly DelegationRef[],
  annotations: readonly AnnotationView[],
  suggestions: readonly Suggestion[] = [],
  selected = "",
): DelegationRef[] {
  const ids = new Set<string>([selected]);
  for (const a of annotations) {
    if (a.author.delegation) ids.add(a.author.delegation.id);
    for (const c of a.cosponsors) ids.add(c.id);
  }
  const codes = new Set(suggestions.map((s) => s.delegation));
  return delegations.filter((d) => ids.has(d.id) || codes.has(d.code));
}

/** "All delegations" or one: the filter every negotiation panel offers. */
export function DelegationFilter({
  value,
  onChange,
  delegations,
  label,
}: {
  value: string;
  onChange: (id: string) => void;
  delegations: readonly DelegationRef[];
  label: string;
}) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
      <option value="">All delegations</option>
      {delegations.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </select>
  );
}
