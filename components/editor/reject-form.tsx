"use client";

import type { FormEvent } from "react";

/** The chair's "reject, with a reason" form (annotation cards and the review queue). */
export function RejectForm({ label = "Reason for rejecting", onReject }: { label?: string; onReject: (reason: string) => void }) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onReject(String(new FormData(event.currentTarget).get("reason") ?? "").trim());
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label>
        {label}
        <input name="reason" required autoFocus />
      </label>
      <button type="submit" className="button small">
        Reject
      </button>
    </form>
  );
}
