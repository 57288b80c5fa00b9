"use client";

import { useState, type FormEvent } from "react";

interface Preview {
  meta: { title: string; symbol?: string; date?: string };
  blocks: { kind: string; number: string | null; text: string }[];
}

const KIND: Record<string, string> = {
  title: "Title",
  heading: "Heading",
  preambular: "Preambular",
  operative: "Operative",
  paragraph: "Paragraph",
  bullet: "Bullet",
};

/** Import a draft: the chair reviews the detected structure, then creates the document. */
export function ImportDraftForm() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(mode: "preview" | "create"): Promise<unknown> {
    if (!file) return null;
    const form = new FormData();
    form.set("file", file);
    form.set("mode", mode);
    setBusy(true);
    const res = await fetch("/api/documents/import", { method: "POST", body: form }).catch(() => null);
    setBusy(false);
    const data = (await res?.json().catch(() => ({}))) as { message?: string };
    if (!res?.ok) {
      setError(data?.message ?? "The server cannot be reached.");
      return null;
    }
    setError(null);
    return data;
  }

  async function handlePreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPreview((await send("preview")) as Preview | null);
  }

  async function handleCreate() {
    const created = (await send("create")) as { id?: string } | null;
    if (created?.id) window.location.assign(`/documents/${created.id}`);
  }

  return (
    <section className="card stack-sm" aria-labelledby="import-h">
      <h2 id="import-h">Import a draft</h2>
      <form className="form" onSubmit={handlePreview}>
        <label>
          Word, Markdown or text file (up to 10 MiB)
          <input
            type="file"
            name="file"
            accept=".docx,.md,.txt"
            required
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
            }}
          />
        </label>
        <button type="submit" className="button" disabled={!file || busy}>
          Detect structure
        </button>
      </form>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {preview ? (
        <div className="stack-sm">
          <p>
            <strong>{preview.meta.title}</strong>
            {preview.meta.symbol ? ` · ${preview.meta.symbol}` : ""}
            {preview.meta.date ? ` · ${preview.meta.date}` : ""} — {preview.blocks.length} blocks
          </p>
          <table className="table" aria-label="Detected structure">
            <thead>
              <tr>
                <th scope="col">¶</th>
                <th scope="col">Kind</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            <tbody>
              {preview.blocks.map((b, i) => (
                <tr key={i}>
                  <td>{b.number ?? ""}</td>
                  <td>{KIND[b.kind] ?? b.kind}</td>
                  <td>{b.text.length > 140 ? `${b.text.slice(0, 140)}…` : b.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button primary" onClick={handleCreate} disabled={busy}>
            Create the document
          </button>
        </div>
      ) : null}
    </section>
  );
}
