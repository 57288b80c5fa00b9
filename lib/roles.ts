/** Per-document roles and what each may do: the one authorization table of the app. */
export const ROLES = ["chair", "delegate", "observer"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "document.read",
  "document.export",
  "text.write",
  "participants.manage",
  "document.settings",
] as const;
export type Action = (typeof ACTIONS)[number];

const MATRIX: Record<Role, ReadonlySet<Action>> = {
  chair: new Set(ACTIONS),
  // Delegates write the live text (the server then enforces the editing mode).
  delegate: new Set<Action>(["document.read", "document.export", "text.write"]),
  observer: new Set<Action>(["document.read", "document.export"]),
};

/** True when `role` (null: no role on the document) may perform `action`. */
export function can(role: Role | null, action: Action): boolean {
  return role !== null && MATRIX[role].has(action);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
