import type { PresenceUser } from "./use-presence";

const ROLE = { chair: "Chair", delegate: "Delegate", observer: "Observer" } as Record<string, string>;

/** Online list: each person with their delegation's colour. */
export function PresenceList({ users }: { users: readonly PresenceUser[] }) {
  return (
    <section aria-labelledby="online-h" className="panel-section">
      <h2 id="online-h" className="panel-title">
        Online <span className="count">{users.length}</span>
      </h2>
      <ul className="presence" data-testid="presence">
        {users.map((u) => (
          <li key={u.clientId}>
            <span className="dot" style={{ background: u.color }} aria-hidden="true" />
            <span className="presence-name">
              {u.name}
              {u.self ? <span className="muted"> (you)</span> : null}
            </span>
            <span className="presence-role muted">{u.delegationName ?? ROLE[u.role] ?? u.role}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
