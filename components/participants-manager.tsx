"use client";

import { useState, type FormEvent } from "react";
import type { Services } from "@/server/services";

type Data = ReturnType<Services["participants"]>;

const ROLE_LABEL = { chair: "Chair", delegate: "Delegate", observer: "Observer" } as const;

type Added = Awaited<ReturnType<Services["addParticipants"]>>["added"][number];
type Stopped = NonNullable<Awaited<ReturnType<Services["addParticipants"]>>["stopped"]>;

/** The created accounts as a CSV file for the chair to hand out (a spreadsheet opens it). */
function passwordsCsv(rows: readonly Added[]): string {
  // A cell a spreadsheet would read as a formula ("=", "+", "-", "@") is kept as text.
  const cell = (raw: string) => {
    const v = /^[=+\-@]/.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return ["email,name,delegation,role,initial password", ...rows.map((r) => [r.email, r.name, r.delegation ?? "", r.role, r.password ?? ""].map(cell).join(","))].join("\r\n");
}

async function call(url: string, method: string, payload?: unknown): Promise<{ ok: boolean; message?: string }> {
  const res = await fetch(url, {
    method,
    headers: { "Content-Type": "application/json" },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  const data = (await res.json().catch(() => ({}))) as { message?: string };
  return { ok: res.ok, message: data.message };
}

/** The chair's participants page: grant, change, revoke roles; create accounts. */
export function ParticipantsManager({ documentId, selfId, initial }: { documentId: string; selfId: string; initial: Data }) {
  const [data, setData] = useState(initial);
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  /** Why the pasted list was not taken, line by line. */
  const [listProblems, setListProblems] = useState<string | null>(null);
  /** Accounts the last list created, with their initial passwords (shown once). */
  const [issued, setIssued] = useState<Added[] | null>(null);
  /** A list is being added (each new account's password is hashed: about a tenth of a second each). */
  const [adding, setAdding] = useState(false);
  const base = `/api/documents/${documentId}`;

  async function refresh() {
    const res = await fetch(`${base}/participants`);
    if (res.ok) setData((await res.json()) as Data);
  }

  async function handleGrant(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const delegationCode = String(f.get("delegation") ?? "");
    const res = await call(`${base}/participants`, "POST", {
      email: f.get("email"),
      role: f.get("role"),
      ...(delegationCode ? { delegationCode } : {}),
    });
    setStatus(res.ok ? { kind: "ok", text: "Role granted." } : { kind: "error", text: res.message ?? "Could not grant the role." });
    if (res.ok) await refresh();
  }

  async function handleRevoke(userId: string, name: string) {
    if (!window.confirm(`Revoke ${name}'s role? Their open windows on this document close at once.`)) return;
    const res = await call(`${base}/participants/${userId}`, "DELETE");
    setStatus(res.ok ? { kind: "ok", text: `${name}'s role revoked.` } : { kind: "error", text: res.message ?? "Could not revoke." });
    if (res.ok) await refresh();
  }

  async function handleCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const delegationCode = String(f.get("delegation") ?? "");
    const res = await call(`${base}/accounts`, "POST", {
      email: f.get("email"),
      name: f.get("name"),
      password: f.get("password"),
      ...(delegationCode ? { delegationCode } : {}),
    });
    setStatus(res.ok ? { kind: "ok", text: "Account created. Grant it a role below." } : { kind: "error", text: res.message ?? "Could not create the account." });
    if (res.ok) {
      form.reset();
      await refresh();
    }
  }

  async function handleList(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setListProblems(null);
    setIssued(null);
    setAdding(true);
    setStatus(null);
    let res: Response;
    try {
      res = await fetch(`${base}/participants/list`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ list: String(new FormData(form).get("list") ?? "") }),
      });
    } catch {
      setListProblems("The server could not be reached; nothing may have been added. Reload the page to see who was.");
      return;
    } finally {
      setAdding(false);
    }
    const data = (await res.json().catch(() => ({}))) as { message?: string; added?: Added[]; stopped?: Stopped | null };
    if (!res.ok || !data.added) {
      setListProblems(data.message ?? "Could not add the list.");
      return;
    }
    // The line a list stopped at may have had its account made already: its password is shown too.
    const created = [...data.added.filter((a) => a.password), ...(data.stopped?.account ? [data.stopped.account] : [])];
    setStatus({ kind: "ok", text: `${data.added.length} ${data.added.length === 1 ? "person" : "people"} given a role; ${created.length} ${created.length === 1 ? "account" : "accounts"} created.` });
    setIssued(created);
    if (data.stopped) {
      // The list stays in the box: the chair pastes it again once the cause is mended (the lines already added are added again harmlessly).
      const { line, email, message } = data.stopped;
      setListProblems(
        `The list stopped at line ${line} (${email}): ${message}. The lines before it were added${data.stopped.account ? `, and ${email}'s account was made without its role` : ""}${created.length ? "; hand out the passwords below now, they are shown only once" : ""}. Add the list again to add the rest.`,
      );
    } else form.reset();
    await refresh();
  }

  const delegationOptions = data.delegations.map((d) => (
    <option key={d.id} value={d.code}>
      {d.name} ({d.code})
    </option>
  ));

  return (
    <div className="stack">
      {status ? (
        <p className={status.kind === "ok" ? "notice" : "error"} role="status">
          {status.text}
        </p>
      ) : null}
      <table className="table stack-narrow">
        <caption className="sr-only">People with a role on this document</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Delegation</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.participants.map((p) => (
            <tr key={p.userId}>
              <td>{p.name}</td>
              <td data-label="Email">{p.email}</td>
              <td data-label="Role">{ROLE_LABEL[p.role]}</td>
              <td data-label="Delegation">
                {p.delegationName ? (
                  <span className="delegation-chip" style={{ borderColor: p.delegationColor ?? undefined }}>
                    {p.delegationName}
                  </span>
                ) : (
                  "—"
                )}
              </td>
              <td>
                {p.userId === selfId ? null : (
                  <button type="button" className="button subtle" onClick={() => handleRevoke(p.userId, p.name)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="grant-h" className="card">
        <h2 id="grant-h">Grant a role</h2>
        <form className="form inline" onSubmit={handleGrant}>
          <label>
            Person
            <select name="email" required>
              {data.users.map((u) => (
                <option key={u.id} value={u.email}>
                  {u.name} ({u.email})
                </option>
              ))}
            </select>
          </label>
          <label>
            Role
            <select name="role" defaultValue="delegate">
              <option value="delegate">Delegate</option>
              <option value="observer">Observer</option>
              <option value="chair">Chair</option>
            </select>
          </label>
          <label>
            Delegation <span className="muted">(delegates)</span>
            <select name="delegation" defaultValue="">
              <option value="">Account&apos;s own delegation</option>
              {delegationOptions}
            </select>
          </label>
          <button className="button primary" type="submit">
            Grant
          </button>
        </form>
      </section>

      <section aria-labelledby="list-h" className="card">
        <h2 id="list-h">Add a list of people</h2>
        <form className="stack-sm" onSubmit={handleList}>
          <label className="list-field">
            <span>
              One person a line: email, name, delegation, role <span className="muted">(a spreadsheet&apos;s rows pasted, or commas)</span>
            </span>
            <textarea name="list" rows={6} required spellCheck={false} placeholder={"anna.schmidt@diplo.de, Anna Schmidt, Germany\nkim@mofa.go.kr, Kim Jung, KOR, delegate\nngo@example.org, Observer (ICT4Peace), , observer"} aria-describedby="list-hint" />
          </label>
          <p id="list-hint" className="muted small">
            The delegation is its code (DEU) or its name; the role is chair, delegate or observer (a delegate when a delegation is given, an observer when not). People without an account get one, with a password shown here once. A list with a line to mend adds no one.
          </p>
          {listProblems ? (
            <p className="error list-problems" role="alert">
              {listProblems}
            </p>
          ) : null}
          <div>
            <button className="button" type="submit" disabled={adding} aria-describedby={adding ? "list-adding" : undefined}>
              Add them
            </button>
            {adding ? (
              <span id="list-adding" className="muted small" role="status">
                {" "}Adding the list: about a tenth of a second for each new account…
              </span>
            ) : null}
          </div>
        </form>
        {issued && issued.length > 0 ? (
          <div className="stack-sm" data-testid="issued">
            <p>
              <strong>Initial passwords, shown once.</strong> Hand each person theirs; they can sign in at once.{" "}
              <a download="plenary-accounts.csv" href={`data:text/csv;charset=utf-8,${encodeURIComponent(passwordsCsv(issued))}`}>
                Download them (CSV)
              </a>
            </p>
            <table className="table stack-narrow">
              <caption className="sr-only">Accounts created, with their initial passwords</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Name</th>
                  <th scope="col">Initial password</th>
                </tr>
              </thead>
              <tbody>
                {issued.map((a) => (
                  <tr key={a.email}>
                    <td>{a.email}</td>
                    <td data-label="Name">{a.name}</td>
                    <td data-label="Initial password">
                      <code>{a.password}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="create-h" className="card">
        <h2 id="create-h">Create an account</h2>
        <form className="form inline" onSubmit={handleCreate}>
          <label>
            Email
            <input name="email" type="email" required />
          </label>
          <label>
            Name
            <input name="name" required />
          </label>
          <label>
            Initial password
            <input name="password" type="password" minLength={8} required autoComplete="new-password" />
          </label>
          <label>
            Delegation
            <select name="delegation" defaultValue="">
              <option value="">None</option>
              {delegationOptions}
            </select>
          </label>
          <button className="button" type="submit">
            Create account
          </button>
        </form>
      </section>
    </div>
  );
}
