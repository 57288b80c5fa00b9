"use client";

import { useState } from "react";
import type { Services } from "@/server/services";
import type { Result } from "./participants/action-result";
import { CreateAccountForm } from "./participants/create-account-form";
import { choiceFor, choiceForNew, NO_CHOICE, roleText, type GrantChoice } from "./participants/grant-choice";
import { GrantForm } from "./participants/grant-form";
import { ParticipantListForm } from "./participants/participant-list-form";
import { ParticipantsTable, type Row, type RowNote } from "./participants/participants-table";

type Data = ReturnType<Services["participants"]>;

async function call(url: string, method: string, payload?: unknown): Promise<{ ok: boolean; message?: string }> {
  const res = await fetch(url, {
    method,
    headers: { "Content-Type": "application/json" },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  }).catch(() => null);
  if (!res) return { ok: false, message: "The server could not be reached." };
  const data = (await res.json().catch(() => ({}))) as { message?: string };
  return { ok: res.ok, message: data.message };
}

/**
 * The chair's participants page: the people with a role (change it, revoke it), grant a
 * role, add a pasted list, create an account. Each action's result is said next to it.
 */
export function ParticipantsManager({ documentId, selfId, initial }: { documentId: string; selfId: string; initial: Data }) {
  const [data, setData] = useState(initial);
  const [choice, setChoice] = useState<GrantChoice>(NO_CHOICE);
  const [grantResult, setGrantResult] = useState<Result | null>(null);
  /** Bumped to bring the Grant form into view with the focus on its Role. */
  const [grantFocus, setGrantFocus] = useState(0);
  const [rowNote, setRowNote] = useState<RowNote | null>(null);
  const base = `/api/documents/${documentId}`;

  /** Reads the participants again; the new data, or null when they could not be read (the page keeps what it shows). */
  async function refresh(): Promise<Data | null> {
    const res = await fetch(`${base}/participants`).catch(() => null);
    if (!res?.ok) return null;
    const fresh = (await res.json()) as Data;
    setData(fresh);
    return fresh;
  }

  function handleChangeRole(row: Row) {
    setChoice(choiceFor(row, data.delegations));
    setGrantResult(null);
    setRowNote(null);
    setGrantFocus((n) => n + 1);
  }

  async function handleGrant(chosen: GrantChoice) {
    setRowNote(null);
    const res = await call(`${base}/participants`, "POST", {
      email: chosen.email,
      role: chosen.role,
      ...(chosen.role === "delegate" && chosen.delegation ? { delegationCode: chosen.delegation } : {}),
    });
    if (!res.ok) {
      setGrantResult({ kind: "error", text: res.message ?? "Could not grant the role." });
      return;
    }
    const held = (await refresh())?.participants.find((p) => p.email === chosen.email);
    const name = held?.name ?? data.users.find((u) => u.email === chosen.email)?.name ?? chosen.email;
    setGrantResult({ kind: "ok", text: `Role granted: ${name} is now ${held ? roleText(held.role, held.delegationName) : roleText(chosen.role, null)}.` });
    setChoice(NO_CHOICE);
  }

  async function handleRevoke(row: Row, index: number) {
    if (!window.confirm(`Revoke ${row.name}'s role? Their open windows on this document close at once.`)) return;
    setGrantResult(null);
    const res = await call(`${base}/participants/${row.userId}`, "DELETE");
    if (!res.ok) {
      setRowNote({ index: index + 1, kind: "error", text: res.message ?? `Could not revoke ${row.name}'s role.` });
      return;
    }
    await refresh();
    setRowNote({ index, kind: "ok", text: `${row.name}'s role revoked. Grant a role again to give it back.` });
  }

  async function handleCreated(account: { email: string; name: string; delegationCode: string }) {
    setRowNote(null);
    await refresh();
    setChoice(choiceForNew(account.email.toLowerCase(), account.delegationCode));
    setGrantResult({ kind: "ok", text: `Account created for ${account.name} (${account.email}), chosen here: check the role and press Grant.` });
    setGrantFocus((n) => n + 1);
  }

  const delegationOptions = data.delegations.map((d) => (
    <option key={d.id} value={d.code}>
      {d.name} ({d.code})
    </option>
  ));

  return (
    <div className="stack">
      <ParticipantsTable rows={data.participants} selfId={selfId} note={rowNote} onChangeRole={handleChangeRole} onRevoke={handleRevoke} />
      <GrantForm
        users={data.users}
        holders={data.participants}
        selfId={selfId}
        delegationOptions={delegationOptions}
        choice={choice}
        onChoice={setChoice}
        onGrant={handleGrant}
        result={grantResult}
        focusKey={grantFocus}
      />
      <ParticipantListForm base={base} onAdded={async () => void (await refresh())} />
      <CreateAccountForm base={base} delegationOptions={delegationOptions} onCreated={handleCreated} />
    </div>
  );
}
