"use client";

import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";

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

/** Who is online, as the server stamped them (identity fields come from the server). */
export function usePresence(provider: WebsocketProvider | null): PresenceUser[] {
  const [users, setUsers] = useState<PresenceUser[]>([]);
  useEffect(() => {
    if (!provider) return;
    const { awareness } = provider;
    const handleChange = () => {
      const list: PresenceUser[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = readUser((state as Record<string, unknown>).user);
        if (user) list.push({ ...user, clientId, self: clientId === awareness.clientID });
      });
      list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
      setUsers(list);
    };
    awareness.on("change", handleChange);
    handleChange();
    return () => awareness.off("change", handleChange);
  }, [provider]);
  return users;
}
