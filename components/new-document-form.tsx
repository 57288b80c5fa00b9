"use client";

import { useRef, useState, type FormEvent } from "react";

export function NewDocumentForm() {
  const [error, setError] = useState<string | null>(null);
  // One document per click: a double click (or Enter pressed twice) made two.
  const [busy, setBusy] = useState(false);
  const pending = useRef(false);
  const titleRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending.current) return;
    const form = new FormData(event.currentTarget);
    const title = String(form.get("title") ?? "").trim();
    const symbol = String(form.get("symbol") ?? "").trim();
    if (!title) {
      setError("Give the document a title.");
      titleRef.current?.focus();
      return;
    }
    pending.current = true;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/documents", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ title, ...(symbol ? { symbol } : {}) }),
      });
      const data = (await res.json().catch(() => ({}))) as { id?: string; message?: string };
      if (res.ok && data.id) {
        // Still busy while the document opens: a second click would make a second document.
        window.location.assign(`/documents/${data.id}`);
        return;
      }
      setError(data.message ?? "Could not create the document.");
    } catch {
      setError("Could not reach the server: the document was not created. Try again.");
    }
    pending.current = false;
    setBusy(false);
    titleRef.current?.focus();
  }

  return (
    <section className="card stack-sm" aria-labelledby="blank-h">
      <h2 id="blank-h">Blank document</h2>
      <form className="form" onSubmit={handleSubmit} aria-busy={busy || undefined}>
        <label>
          Title
          <input
            ref={titleRef}
            name="title"
            required
            maxLength={300}
            placeholder="Draft annual progress report"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "new-document-error" : undefined}
          />
        </label>
        <label>
          <span>
            Symbol <span className="muted">(optional)</span>
          </span>
          <input name="symbol" maxLength={80} placeholder="A/AC.292/2025/CRP.1" />
        </label>
        {error ? (
          <p className="error" role="alert" id="new-document-error">
            {error}
          </p>
        ) : null}
        <button className="button primary" type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create"}
        </button>
      </form>
    </section>
  );
}
