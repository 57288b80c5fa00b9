import type { Role } from "@/lib/roles";
import type { Participant } from "@/server/db/documents";

export const ROLE_LABEL: Record<Role, string> = { chair: "Chair", delegate: "Delegate", observer: "Observer" };

/** What the Grant form holds: a person (by email, "" for none chosen yet), a role, a delegation code ("" for the account's own). */
export interface GrantChoice {
  email: string;
  role: Role;
  delegation: string;
}

/** The Grant form as it opens: no one chosen, so a click on Grant cannot give the first name on the list a role. */
export const NO_CHOICE: GrantChoice = { email: "", role: "delegate", delegation: "" };

/** A person's role on the document, as the participants table has it. */
export type Holder = Omit<Participant, "delegationColor">;

/** The Grant form filled to change `holder`'s role: their role and delegation as they stand, to be changed. */
export function choiceFor(holder: Holder, delegations: readonly { id: string; code: string }[]): GrantChoice {
  const code = holder.delegationId ? (delegations.find((d) => d.id === holder.delegationId)?.code ?? "") : "";
  return { email: holder.email, role: holder.role, delegation: holder.role === "delegate" ? code : "" };
}

/** The Grant form filled for an account just created: a delegate of its delegation, an observer without one (as a pasted list does). */
export function choiceForNew(email: string, delegationCode: string): GrantChoice {
  return { email, role: delegationCode ? "delegate" : "observer", delegation: delegationCode };
}

/** A role as said in a sentence: "Delegate (Germany)", "Observer". */
export function roleText(role: Role, delegationName: string | null): string {
  return role === "delegate" && delegationName ? `${ROLE_LABEL[role]} (${delegationName})` : ROLE_LABEL[role];
}

/** The accounts in the Person list: those holding a role on the document first, then every other account, each in the order given (by name). */
export function personGroups<U extends { email: string }>(users: readonly U[], holders: readonly { email: string }[]): { onDocument: U[]; others: U[] } {
  const on = new Set(holders.map((h) => h.email));
  return { onDocument: users.filter((u) => on.has(u.email)), others: users.filter((u) => !on.has(u.email)) };
}

/**
 * Said under the Grant form once a person is chosen who holds a role already: granting
 * replaces it (there is no second role), and a chair's own is theirs to give up only while
 * another chair remains. Null for a person without a role.
 */
export function holdingHint(holder: Holder | undefined, selfId: string): string | null {
  if (!holder) return null;
  const now = roleText(holder.role, holder.delegationName);
  if (holder.userId === selfId) return `You are ${now} now. The role you grant yourself replaces it; a document keeps at least one chair.`;
  return `${holder.name} is ${now} now. The role you grant replaces it.`;
}
