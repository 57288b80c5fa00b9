"use client";

import { useState, type FormEvent } from "react";
import type { AmendmentOp, AnnotationKind } from "@/lib/negotiation/types";
import type { ApiResult } from "./use-negotiation";

export interface TextSelectionInfo {
  blockId: string;
  paragraph: string | null;
  from: number;
  to: number;
  quote: string;
}

const KINDS: { kind: AnnotationKind; label: string }[] = [
  { kind: "objection", label: "Object" },
  { kind: "reservation", label: "Reserve" },
  { kind: "support", label: "Support" },
  { kind: "comment", label: "Comment" },
  { kind: "amendment", label: "Amend" },
];

/**
 * Attach a position to the selected words (or the cursor's paragraph): the author is the
 * signed-in delegate's delegation, decided by the server.
 */
export function AnnotationComposer({
  selection,
  canCreate,
  chairOnly,
  onCreate,
}: {
  selection: TextSelectionInfo | null;
  canCreate: boolean;
  chairOnly: boolean;
  onCreate: (input: Record<string, unknown>) => Promise<ApiResult>;
}) {
  const [kind, setKind] = useState<AnnotationKind>(chairOnly ? "comment" : "objection");
  const [op, setOp] = useState<AmendmentOp>("replace");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canCreate) return null;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!selection) return;
    const form = event.currentTarget;
    const f = new FormData(form);
    setBusy(true);
    const res = await onCreate({
      blockId: selection.blockId,
      from: op === "insert" && kind === "amendment" ? selection.to : selection.from,
      to: selection.to,
      quote: op === "insert" && kind === "amendment" ? "" : selection.quote,
      kind,
      ...(kind === "amendment" ? { op, proposedText: String(f.get("proposed") ?? "") } : {}),
      body: String(f.get("note") ?? ""),
    });
    setBusy(false);
    setError(res.ok ? null : (res.message ?? "Could not save."));
    if (res.ok) form.reset();
  }

  const kinds = chairOnly ? KINDS.filter((k) => k.kind === "comment") : KINDS;
  return (
    <form className="composer" onSubmit={handleSubmit} aria-labelledby="composer-h">
      <h3 id="composer-h" className="panel-title">
        New position
      </h3>
      {selection ? (
        <p className="composer-quote">
          <span className="para-ref">{selection.paragraph ?? "¶"}</span>{" "}
          {selection.quote ? <q>{selection.quote}</q> : <span className="muted">cursor position (whole paragraph)</span>}
        </p>
      ) : (
        <p className="muted">Select words in the text (or place the cursor in a paragraph).</p>
      )}
      <fieldset className="kind-picker">
        <legend className="sr-only">Kind</legend>
        {kinds.map((k) => (
          <label key={k.kind} className={`chip chip-${k.kind}${kind === k.kind ? " chip-on" : ""}`}>
            <input type="radio" name="kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} />
            {k.label}
          </label>
        ))}
      </fieldset>
      {kind === "amendment" ? (
        <>
          <label>
            Amendment
            <select value={op} onChange={(e) => setOp(e.target.value as AmendmentOp)} aria-label="Amendment type">
              <option value="replace">Replace the selected words</option>
              <option value="delete">Delete the selected words</option>
              <option value="insert">Insert after the selection</option>
            </select>
          </label>
          {op !== "delete" ? (
            <label>
              Proposed wording
              <textarea name="proposed" rows={2} required />
            </label>
          ) : null}
        </>
      ) : null}
      <label>
        Note <span className="muted">(optional)</span>
        <textarea name="note" rows={2} />
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={!selection || busy}>
        Submit
      </button>
    </form>
  );
}
