import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Services } from "@/server/services";
import { FocusedStatus } from "../focused-status";

type Outcome = Awaited<ReturnType<Services["addParticipants"]>>;
type Added = Outcome["added"][number];

/** The created accounts as a CSV file for the chair to hand out (a spreadsheet opens it). */
function passwordsCsv(rows: readonly Added[]): string {
  // A cell a spreadsheet would read as a formula ("=", "+", "-", "@") is kept as text.
  const cell = (raw: string) => {
    const v = /^[=+\-@]/.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return ["email,name,delegation,role,initial password", ...rows.map((r) => [r.email, r.name, r.delegation ?? "", r.role, r.password ?? ""].map(cell).join(","))].join("\r\n");
}

/**
 * A list pasted from a spreadsheet, added whole. The button is disabled while the list is
 * added, so the focus is put back where the chair goes next: on the result (said under the
 * button) when people were added, on the list to mend when no one was.
 */
export function ParticipantListForm({ base, onAdded }: { base: string; onAdded: () => Promise<void> }) {
  /** Why the pasted list was not taken, line by line. */
  const [problems, setProblems] = useState<string | null>(null);
  /** What the last list did, when it added anyone. */
  const [done, setDone] = useState<{ text: string } | null>(null);
  /** Accounts the last list created, with their initial passwords (shown once). */
  const [issued, setIssued] = useState<Added[] | null>(null);
  /** A list is being added (each new account's password is hashed: about a tenth of a second each). */
  const [adding, setAdding] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  // Nothing was added: the list is the thing to mend, and its problems are read with it.
  // (When some were added, the result takes the focus: FocusedStatus.)
  useEffect(() => {
    if (problems && !done) field.current?.focus();
  }, [problems, done]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setProblems(null);
    setIssued(null);
    setDone(null);
    setAdding(true);
    let res: Response;
    try {
      res = await fetch(`${base}/participants/list`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ list: String(new FormData(form).get("list") ?? "") }),
      });
    } catch {
      setProblems("The server could not be reached; nothing may have been added. Reload the page to see who was.");
      return;
    } finally {
      setAdding(false);
    }
    const data = (await res.json().catch(() => ({}))) as { message?: string } & Partial<Outcome>;
    if (!res.ok || !data.added) {
      setProblems(data.message ?? "Could not add the list.");
      return;
    }
    // The line a list stopped at may have had its account made already: its password is shown too.
    const created = [...data.added.filter((a) => a.password), ...(data.stopped?.account ? [data.stopped.account] : [])];
    setDone({ text: `${data.added.length} ${data.added.length === 1 ? "person" : "people"} given a role; ${created.length} ${created.length === 1 ? "account" : "accounts"} created.` });
    setIssued(created);
    if (data.stopped) {
      // The list stays in the box: the chair pastes it again once the cause is mended (the lines already added are added again harmlessly).
      const { line, email, message } = data.stopped;
      setProblems(
        `The list stopped at line ${line} (${email}): ${message}. The lines before it were added${data.stopped.account ? `, and ${email}'s account was made without its role` : ""}${created.length ? "; hand out the passwords below now, they are shown only once" : ""}. Add the list again to add the rest.`,
      );
    } else form.reset();
    await onAdded();
  }

  return (
    <section aria-labelledby="list-h" className="card list-card">
      <h2 id="list-h">Add a list of people</h2>
      <form className="stack-sm" onSubmit={handleSubmit}>
        <label className="list-field">
          <span>
            One person a line: email, name, delegation, role <span className="muted">(a spreadsheet&apos;s rows pasted, or commas)</span>
          </span>
          <textarea
            name="list"
            ref={field}
            rows={6}
            required
            spellCheck={false}
            placeholder={"anna.schmidt@diplo.de, Anna Schmidt, Germany\nkim@mofa.go.kr, Kim Jung, KOR, delegate\nngo@example.org, Observer (ICT4Peace), , observer"}
            aria-describedby={problems ? "list-problems list-hint" : "list-hint"}
            aria-invalid={problems && !done ? true : undefined}
          />
        </label>
        <p id="list-hint" className="muted small">
          The delegation is its code (DEU) or its name; the role is chair, delegate or observer (a delegate when a delegation is given, an observer when not). People without an account get one, with a password shown here once. A list with a line to mend adds no one.
        </p>
        {problems ? (
          <p id="list-problems" className="error list-problems" role="alert">
            {problems}
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
        {done ? <FocusedStatus focusOn={done}>{done.text}</FocusedStatus> : null}
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
  );
}
