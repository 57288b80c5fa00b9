import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { isRole } from "@/lib/roles";
import { ActionResult, type Result } from "./action-result";
import { holdingHint, personGroups, type GrantChoice, type Holder } from "./grant-choice";

interface Account {
  id: string;
  name: string;
  email: string;
}

/**
 * Grant a role, or change the one a person holds (the table's Change role fills this form).
 * Each time `focusKey` changes (a row's Change role, an account just created), the form
 * comes into view with the focus on its Role: the person is chosen already.
 */
export function GrantForm({
  users,
  holders,
  selfId,
  delegationOptions,
  choice,
  onChoice,
  onGrant,
  result,
  focusKey,
}: {
  users: readonly Account[];
  holders: readonly Holder[];
  selfId: string;
  delegationOptions: ReactNode;
  choice: GrantChoice;
  onChoice: (choice: GrantChoice) => void;
  onGrant: (choice: GrantChoice) => void;
  result: Result | null;
  focusKey: number;
}) {
  const section = useRef<HTMLElement>(null);
  const role = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (focusKey === 0) return;
    section.current?.scrollIntoView({ block: "nearest" });
    role.current?.focus({ preventScroll: true });
  }, [focusKey]);

  const { onDocument, others } = personGroups(users, holders);
  const hint = holdingHint(
    holders.find((h) => h.email === choice.email),
    selfId,
  );
  const option = (u: Account) => (
    <option key={u.id} value={u.email}>
      {u.name} ({u.email})
    </option>
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onGrant(choice);
  }

  return (
    <section aria-labelledby="grant-h" className="card grant-card" ref={section}>
      <h2 id="grant-h">Grant a role</h2>
      <form className="form inline grant-form" onSubmit={handleSubmit}>
        <label>
          Person
          <select name="email" required value={choice.email} onChange={(e) => onChoice({ ...choice, email: e.target.value })} aria-describedby={hint ? "grant-holding" : undefined}>
            <option value="">Choose a person…</option>
            {onDocument.length > 0 ? <optgroup label="On this document">{onDocument.map(option)}</optgroup> : null}
            {others.length > 0 ? <optgroup label="Other accounts">{others.map(option)}</optgroup> : null}
          </select>
        </label>
        <label>
          Role
          <select
            name="role"
            ref={role}
            value={choice.role}
            onChange={(e) => {
              if (isRole(e.target.value)) onChoice({ ...choice, role: e.target.value });
            }}
            aria-describedby={hint ? "grant-holding" : undefined}
          >
            <option value="delegate">Delegate</option>
            <option value="observer">Observer</option>
            <option value="chair">Chair</option>
          </select>
        </label>
        <label>
          Delegation
          {/* Only a delegate speaks for a delegation: the list waits until the role is Delegate. */}
          <select name="delegation" value={choice.delegation} disabled={choice.role !== "delegate"} onChange={(e) => onChoice({ ...choice, delegation: e.target.value })}>
            <option value="">Their account&apos;s delegation</option>
            {delegationOptions}
          </select>
        </label>
        <button className="button primary" type="submit">
          Grant
        </button>
      </form>
      {hint ? (
        <p id="grant-holding" className="muted small grant-holding">
          {hint}
        </p>
      ) : null}
      <ActionResult result={result} />
    </section>
  );
}
