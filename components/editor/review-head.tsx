"use client";

import { DelegationFilter } from "./delegation-filter";
import type { DelegationRef } from "@/server/negotiation/views";
import { useIsMac } from "../platform";
import { ariaKeyShortcuts } from "./shortcut";
import { REVIEW_QUEUE_KEYS } from "./shortcut-keys";

/** The chair's last decision in the queue; `undo`: the position it can be taken back on (U). */
export type ReviewMessage = { ok: boolean; text: string; undo?: string | null };

/**
 * The review queue's head, in view while the queue scrolls: the delegation and kind filters,
 * the count and keys, the last decision (with Undo), and a filtered delegation's bulk decisions.
 */
export function ReviewHead({
  delegations,
  delegation,
  onDelegation,
  kind,
  onKind,
  index,
  total,
  resolvable,
  upholds = false,
  message,
  onUndo,
  onBulk,
}: {
  delegations: readonly DelegationRef[];
  delegation: string;
  onDelegation: (id: string) => void;
  kind: string;
  onKind: (kind: string) => void;
  index: number;
  total: number;
  /** The current item is a position (S resolves it), or there is none. */
  resolvable: boolean;
  /** The current item is an objection: A upholds it. */
  upholds?: boolean;
  message: ReviewMessage | null;
  onUndo: (annotationId: string) => void;
  onBulk: (decision: "accept" | "reject") => void;
}) {
  const mac = useIsMac();
  return (
    <div className="review-head">
      <div className="filters">
        <DelegationFilter value={delegation} onChange={onDelegation} delegations={delegations} label="Review delegation" />
        <select value={kind} onChange={(e) => onKind(e.target.value)} aria-label="Review kind">
          <option value="">All kinds</option>
          <option value="amendment">Amendments</option>
          <option value="suggestion">Tracked changes</option>
          <option value="objection">Objections</option>
          <option value="reservation">Reservations</option>
        </select>
      </div>
      <p className="muted small">
        {total ? `${index + 1} of ${total}` : "Nothing left to review."} · J/K move · A {upholds ? "uphold" : "accept"} · R reject{resolvable ? " · S resolve" : ""}
      </p>
      {message ? (
        <p className={message.ok ? "notice" : "error"} role="status">
          {message.text}
          {message.undo ? (
            <>
              {" "}
              <button type="button" className="link-button" onClick={() => onUndo(message.undo!)} aria-keyshortcuts={ariaKeyShortcuts(REVIEW_QUEUE_KEYS.undo, mac)}>
                Undo (U)
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      {delegation ? (
        <div className="bulk">
          <button type="button" className="button small" onClick={() => onBulk("accept")}>
            Accept all tracked changes of this delegation
          </button>
          <button type="button" className="button small" onClick={() => onBulk("reject")}>
            Reject all of them
          </button>
        </div>
      ) : null}
    </div>
  );
}
