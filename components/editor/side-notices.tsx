"use client";

import type { Notice } from "./notices";

/** What the participant was told, newest first; "mode-notice" is the newest (what tests and the eye look at first). */
export function SideNotices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: Notice["id"]) => void }) {
  return (
    <div className="side-notices" role="status">
      {notices.map((n, k) => (
        <div key={n.id} className={`${n.warn ? "warning" : "notice"} side-notice`} data-testid={k === 0 ? "mode-notice" : "older-notice"}>
          <p>{n.text}</p>
          <button type="button" className="link-button small" aria-label={`Dismiss: ${n.text.slice(0, 60)}`} onClick={() => onDismiss(n.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
