"use client";

import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type { Awareness } from "y-protocols/awareness";
import { sameListOr } from "./same-list";

export interface PresenceUser {
  clientId: number;
  name: string;
  color: string;
  role: string;
  delegation: string | null;
  delegationName: string | null;
  self: boolean;
}

function readUser(value: unknown): Omit<PresenceUser, "clientId" | "self"> | null {
  if (!value || typeof value !== "object") return null;
  const u = value as Record<string, unknown>;
  if (typeof u.name !== "string" || typeof u.color !== "string") return null;
  return {
    name: u.name,
    color: u.color,
    role: typeof u.role === "string" ? u.role : "",
    delegation: typeof u.delegation === "string" ? u.delegation : null,
    delegationName: typeof u.delegationName === "string" ? u.delegationName : null,
  };
}

function presenceList(awareness: Awareness): PresenceUser[] {
  const list: PresenceUser[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = readUser((state as Record<string, unknown>).user);
    if (user) list.push({ ...user, clientId, self: clientId === awareness.clientID });
  });
  list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
  return list;
}

/**
 * Calls `onChange` with who is online now, and again whenever someone comes, goes or is
 * named otherwise; not when someone's caret moves (each of those is a presence change, many
 * a second in a full room, and rendered the whole document page each time). Returns the
 * unsubscribe.
 */
export function watchPresence(awareness: Awareness, onChange: (users: readonly PresenceUser[]) => void): () => void {
  let users: readonly PresenceUser[] = presenceList(awareness);
  const handleChange = () => {
    const next = sameListOr(users, presenceList(awareness));
    if (next === users) return;
    users = next;
    onChange(users);
  };
  awareness.on("change", handleChange);
  onChange(users);
  return () => awareness.off("change", handleChange);
}

/** Who is online, as the server stamped them (identity fields come from the server). */
export function usePresence(provider: WebsocketProvider | null): readonly PresenceUser[] {
  const [users, setUsers] = useState<readonly PresenceUser[]>([]);
  useEffect(() => (provider ? watchPresence(provider.awareness, setUsers) : undefined), [provider]);
  return users;
}
