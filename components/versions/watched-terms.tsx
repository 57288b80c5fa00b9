"use client";

import { useState, type FormEvent } from "react";

/** Watched terms of a document: shown to everyone, edited by the chair (one per line). */
export function WatchedTerms({ documentId, initial, editable }: { documentId: string; initial: string[]; editable: boolean }) {
  const [terms, setTerms] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const lines = String(new FormData(event.currentTarget).get("terms") ?? "").split(/[\n,]/);
    const res = await fetch(`/api/documents/${documentId}/watched-terms`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ terms: lines.map((l) => l.trim()).filter(Boolean) }),
    });
    const data = (await res.json().catch(() => ({}))) as { terms?: string[]; message?: string };
    if (res.ok && data.terms) setTerms(data.terms);
    setMessage(res.ok ? "Saved." : (data.message ?? "Could not save."));
  }

  return (
    <section className="card" aria-labelledby="terms-h">
      <h2 id="terms-h">Watched terms</h2>
      {editable ? (
        <form className="form" onSubmit={handleSubmit}>
          <label>
            One per line
            <textarea name="terms" rows={4} defaultValue={terms.join("\n")} />
          </label>
          <button type="submit" className="button">
            Save terms
          </button>
          {message ? <p role="status">{message}</p> : null}
        </form>
      ) : (
        <p>{terms.join(", ")}</p>
      )}
    </section>
  );
}
