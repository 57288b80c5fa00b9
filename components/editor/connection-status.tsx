import type { ConnectionState } from "./use-collab";
import type { LiveState } from "./use-negotiation";

const LABEL: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  syncing: "Syncing…",
  synced: "Synced",
  // Kept, not promised: an edit the text no longer allows on reconnect (a paragraph agreed
  // meanwhile, the chair's pen) is undone, and its words are quoted in a warning.
  reconnecting: "Reconnecting… your edits are kept and sent when it is back; any the text no longer allows will be undone and quoted to you",
  offline: "Offline: your edits are kept and sent on reconnect; any the text no longer allows will be undone and quoted to you",
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

/**
 * Shown only when the negotiation's event stream is down: positions, statuses and the
 * mode would otherwise go stale without a sign.
 */
export function LiveUpdatesStatus({ state }: { state: LiveState }) {
  if (state !== "reconnecting" && state !== "stopped") return null;
  return (
    <p className="conn conn-offline" role="status" aria-live="polite" data-testid="live-updates" data-state={state}>
      <span className="conn-dot" aria-hidden="true" />
      {state === "reconnecting" ? "Positions: reconnecting live updates…" : "Positions are no longer updated live: reload the page"}
    </p>
  );
}
