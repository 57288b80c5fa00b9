"use client";

import { useState, type FormEvent } from "react";
import { describeDetected, reviewedTitle } from "@/lib/import/review";
import { computeNumbers } from "@/lib/model/numbering";
import { BLOCK_KINDS, type BlockKind } from "@/lib/model/types";
import { FocusedStatus } from "./focused-status";

interface Preview {
  meta: { title: string; symbol?: string; date?: string };
  blocks: { kind: BlockKind; number: string | null; text: string }[];
  /** What the chair should check: tracked changes imported as accepted, notes left out. */
  warnings?: string[];
}

const KIND: Record<BlockKind, string> = {
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
  // The chair's corrections to the detected kinds (block index -> kind).
  const [kinds, setKinds] = useState<BlockKind[]>([]);
  const numbers = computeNumbers(kinds);

  async function send(mode: "preview" | "create"): Promise<unknown> {
    if (!file) return null;
    const form = new FormData();
    form.set("file", file);
    form.set("mode", mode);
    if (mode === "create" && preview && kinds.some((k, i) => k !== preview.blocks[i]?.kind)) form.set("kinds", JSON.stringify(kinds));
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
    const detected = (await send("preview")) as Preview | null;
    setPreview(detected);
    setKinds(detected?.blocks.map((b) => b.kind) ?? []);
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
              // The last file's error is not this one's.
              setError(null);
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
          {/* The Detect button is disabled while the file is read: the focus goes to what was found. */}
          {/* The warnings are in the status itself, so that the chair hears them with the summary. */}
          <FocusedStatus focusOn={preview}>
            {describeDetected(preview.blocks.map((b) => b.kind))}
            {preview.warnings?.map((w) => (
              <strong key={w}> {w}</strong>
            ))}
          </FocusedStatus>
          <p>
            <strong>{reviewedTitle(preview.blocks, kinds, preview.meta.title)}</strong>
            {preview.meta.symbol ? ` · ${preview.meta.symbol}` : ""}
            {preview.meta.date ? ` · ${preview.meta.date}` : ""} — {preview.blocks.length} blocks
          </p>
          <p className="muted small">Check the kind of each block; correct any the detection got wrong before creating the document.</p>
          <table className="table stack-narrow" aria-label="Detected structure">
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
                  <td>{numbers[i] ?? ""}</td>
                  <td>
                    <select
                      value={kinds[i] ?? b.kind}
                      aria-label={`Kind of block ${i + 1}`}
                      onChange={(e) => setKinds((all) => all.map((k, j) => (j === i ? (e.target.value as BlockKind) : k)))}
                    >
                      {BLOCK_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {KIND[k]}
                        </option>
                      ))}
                    </select>
                  </td>
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
