import type { ConnectionState } from "./use-collab";

const LABEL: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  syncing: "Syncing…",
  synced: "Synced",
  reconnecting: "Reconnecting… your edits are kept and will merge",
  offline: "Offline: your edits are kept and will merge on reconnect",
  ended: "Disconnected",
};

/** Connection indicator; announced politely to screen readers when it changes. */
export function ConnectionStatus({ state }: { state: ConnectionState }) {
  return (
    <p className={`conn conn-${state}`} role="status" aria-live="polite" data-testid="connection" data-state={state}>
      <span className="conn-dot" aria-hidden="true" />
      {LABEL[state]}
    </p>
  );
}
