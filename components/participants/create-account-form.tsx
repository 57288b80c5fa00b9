import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { ActionResult, type Result } from "./action-result";

/**
 * A new account, with the password the chair chose. Once made, the account is chosen in the
 * Grant form (`onCreated`), where the chair gives it its role; a refusal is said under this form.
 */
export function CreateAccountForm({
  base,
  delegationOptions,
  onCreated,
}: {
  base: string;
  delegationOptions: ReactNode;
  onCreated: (account: { email: string; name: string; delegationCode: string }) => Promise<void>;
}) {
  const [result, setResult] = useState<Result | null>(null);
  /** A request is out: a second click sends nothing (the button stays enabled, and keeps the focus). */
  const busy = useRef(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy.current) return;
    const form = event.currentTarget;
    const f = new FormData(form);
    const account = { email: String(f.get("email") ?? "").trim(), name: String(f.get("name") ?? "").trim(), delegationCode: String(f.get("delegation") ?? "") };
    busy.current = true;
    setResult(null);
    try {
      const res = await fetch(`${base}/accounts`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: account.email, name: account.name, password: f.get("password"), ...(account.delegationCode ? { delegationCode: account.delegationCode } : {}) }),
      }).catch(() => null);
      if (!res?.ok) {
        const data = res ? ((await res.json().catch(() => ({}))) as { message?: string }) : {};
        setResult({ kind: "error", text: res ? (data.message ?? "Could not create the account.") : "The server could not be reached; the account may not have been created." });
        return;
      }
      form.reset();
      await onCreated(account);
    } finally {
      busy.current = false;
    }
  }

  return (
    <section aria-labelledby="create-h" className="card">
      <h2 id="create-h">Create an account</h2>
      <form className="form inline" onSubmit={handleSubmit}>
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
      <ActionResult result={result} />
    </section>
  );
}
