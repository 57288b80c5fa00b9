"use client";

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { DocumentDetails } from "@/server/events";
import { DETAIL_LIMITS } from "@/server/import-limits";
import { api } from "./use-negotiation";

const FIELDS: { key: keyof DocumentDetails; label: string; max: number; placeholder?: string; hint?: string }[] = [
  { key: "title", label: "Title", max: DETAIL_LIMITS.title },
  { key: "symbol", label: "Symbol", max: DETAIL_LIMITS.symbol, placeholder: "e.g. A/AC.292/2025/CRP.1", hint: "Each saved version may carry its own (…/Rev.1)." },
  { key: "date", label: "Date", max: DETAIL_LIMITS.date, placeholder: "e.g. 12 July 2025" },
  { key: "place", label: "Place", max: DETAIL_LIMITS.place, placeholder: "e.g. New York" },
  { key: "originalLanguage", label: "Original language", max: DETAIL_LIMITS.originalLanguage, placeholder: "e.g. English" },
];

/**
 * The chair's form for the document's details: what the header shows, the documents list
 * names and every export prints in its running header, file name and metadata (a title
 * paragraph in the text is text, edited there). Saved as one change (recorded in the document's log with
 * what each field was); an empty optional field is cleared. Escape or Cancel leaves it.
 */
export function DocumentDetailsForm({
  documentId,
  details,
  onSaved,
  onClose,
}: {
  documentId: string;
  details: DocumentDetails;
  onSaved: (details: DocumentDetails) => void;
  onClose: () => void;
}) {
  // Each refusal is a new one (the same words twice still take the focus, and are said again).
  const [error, setError] = useState<{ text: string; field: "title" | null; n: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  const refuse = (text: string, field: "title" | null = null) => setError((e) => ({ text, field, n: (e?.n ?? 0) + 1 }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const value = (key: keyof DocumentDetails) => String(form.get(key) ?? "").trim();
    if (!value("title")) return refuse("Give the document a title.", "title");
    // Only what the chair changed: a field left alone is not sent, so neither a value someone
    // else saved meanwhile is put back, nor an old symbol of another shape refuses the rest.
    const changed = Object.fromEntries(FIELDS.filter(({ key }) => value(key) !== (details[key] ?? "")).map(({ key }) => [key, value(key)]));
    if (Object.keys(changed).length === 0) return onClose();
    setBusy(true);
    const res = await api<DocumentDetails>(`/api/documents/${documentId}`, "PATCH", changed);
    setBusy(false);
    if (res.ok && res.data) onSaved(res.data);
    else refuse(res.message ?? "The details were not saved.");
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onClose();
  }

  return (
    <form className="form details-form card" aria-labelledby="details-h" onSubmit={submit} onKeyDown={onKeyDown}>
      <h2 id="details-h">Document details</h2>
      <p className="muted small">
        What the header shows, the list of documents names and every export prints in its running header, file name and metadata. A title
        paragraph in the text is part of the text: edit it there.
      </p>
      {FIELDS.map(({ key, label, max, placeholder, hint }, i) => (
        <label key={key}>
          <span>
            {label}
            {key === "title" ? null : <span className="muted"> (optional)</span>}
          </span>
          <input
            ref={i === 0 ? first : undefined}
            name={key}
            defaultValue={details[key] ?? ""}
            maxLength={max}
            placeholder={placeholder}
            required={key === "title"}
            aria-invalid={error?.field === key || undefined}
            aria-describedby={[hint ? `details-${key}-hint` : "", error?.field === key ? "details-error" : ""].filter(Boolean).join(" ") || undefined}
          />
          {hint ? (
            <span className="muted small" id={`details-${key}-hint`}>
              {hint}
            </span>
          ) : null}
        </label>
      ))}
      {error ? (
        <p className="error" role="alert" tabIndex={-1} ref={errorRef} id="details-error" key={error.n}>
          {error.text}
        </p>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? "Saving…" : "Save details"}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
