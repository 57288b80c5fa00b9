"use client";

import type { FormEvent } from "react";

/** The chair's "reject, with a reason" form (annotation cards and the review queue); Escape or Cancel closes it. */
export function RejectForm({ label = "Reason for rejecting", onReject, onCancel }: { label?: string; onReject: (reason: string) => void; onCancel?: () => void }) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onReject(String(new FormData(event.currentTarget).get("reason") ?? "").trim());
  }
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape" && onCancel) {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label>
        {label}
        <input name="reason" required autoFocus />
      </label>
      <button type="submit" className="button small">
        Reject
      </button>
      {onCancel ? (
        <button type="button" className="button small subtle" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </form>
  );
}
