import type { DelegationRef } from "@/server/negotiation/views";

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
