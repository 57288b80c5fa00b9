"use client";

import { useState, type FormEvent } from "react";

export function NewDocumentForm() {
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const symbol = String(form.get("symbol") ?? "").trim();
    const res = await fetch("/api/documents", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ title: form.get("title"), ...(symbol ? { symbol } : {}) }),
    });
    const data = (await res.json().catch(() => ({}))) as { id?: string; message?: string };
    if (res.ok && data.id) window.location.assign(`/documents/${data.id}`);
    else setError(data.message ?? "Could not create the document.");
  }

  return (
    <section className="card stack-sm" aria-labelledby="blank-h">
      <h2 id="blank-h">Blank document</h2>
      <form className="form" onSubmit={handleSubmit}>
        <label>
          Title
          <input name="title" required maxLength={300} placeholder="Draft annual progress report" />
        </label>
        <label>
          <span>
            Symbol <span className="muted">(optional)</span>
          </span>
          <input name="symbol" maxLength={80} placeholder="A/AC.292/2025/CRP.1" />
        </label>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button className="button primary" type="submit">
          Create
        </button>
      </form>
    </section>
  );
}
