import type { Attribution } from "@/server/negotiation/attribution";

/**
 * What a compare row says about an accepted proposal behind its change. Compared backwards
 * in time (a later version on the left), the change shown takes that proposal back out.
 */
export function attributionText(a: Attribution, backwards: boolean): string {
  const what = `${a.kind === "amendment" ? "amendment" : "tracked change"} by ${a.delegations.join(", ") || "the chair"}, accepted by ${a.decidedBy}`;
  return backwards ? `Takes back the ${what}` : what.charAt(0).toUpperCase() + what.slice(1);
}
