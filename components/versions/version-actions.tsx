"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ChangeEvent, type FormEvent } from "react";
import { baseSymbol, symbolForLabel } from "@/lib/negotiation/revisions";
import { FocusedStatus } from "../focused-status";

async function post(url: string, body: unknown): Promise<{ ok: boolean; message?: string; body?: unknown }> {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const data = (await res.json().catch(() => ({}))) as { message?: string };
  return { ok: res.ok, message: data.message, body: data };
}

/**
 * The label and symbol fields, filled in with the next revision's: values, not placeholders
 * (a grey example reads as filled in, and versions were saved without it). Until the chair
 * edits the symbol it follows the label: "Rev.4" typed over "Rev.3" takes ".../Rev.4".
 */
function LabelAndSymbol({ next, hintId }: { next?: { label: string; symbol: string }; hintId: string }) {
  const suggested = next?.symbol ?? "";
  const [symbol, setSymbol] = useState(suggested);
  const [symbolEdited, setSymbolEdited] = useState(false);

  function handleLabelChange(event: ChangeEvent<HTMLInputElement>) {
    if (!symbolEdited) setSymbol(symbolForLabel(event.target.value, baseSymbol(suggested)) ?? suggested);
  }

  function handleSymbolChange(event: ChangeEvent<HTMLInputElement>) {
    setSymbol(event.target.value);
    setSymbolEdited(true);
  }

  return (
    <>
      <label>
        Label
        <input name="label" required maxLength={80} defaultValue={next?.label ?? ""} onChange={handleLabelChange} />
      </label>
      <label className="wide">
        Symbol
        <input name="symbol" maxLength={80} value={symbol} onChange={handleSymbolChange} aria-describedby={hintId} />
      </label>
    </>
  );
}

/** The chair's version actions: save the live text as a named version, or restore one. */
export function VersionActions({
  documentId,
  next,
  restore,
}: {
  documentId: string;
  next?: { label: string; symbol: string };
  /** `livePending`: the live text holds tracked changes awaiting a decision (a restore takes them out of it). */
  restore?: { id: string; label: string; livePending?: boolean };
}) {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  // The list read again after a restore: two new versions come in above this row, and the
  // message would be pushed out of sight. It takes the focus (into view) again once they are in.
  const [refreshing, startRefresh] = useTransition();
  const router = useRouter();
  const base = `/api/documents/${documentId}/versions`;

  async function handleSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const note = String(f.get("note") ?? "").trim();
    const sym = String(f.get("symbol") ?? "").trim();
    const label = String(f.get("label") ?? "").trim();
    const res = await post(base, { label, ...(note ? { note } : {}), ...(sym ? { symbol: sym } : {}) });
    setError(res.ok ? null : (res.message ?? "Could not save."));
    if (!res.ok) return;
    setSaved(`Saved ${label}: it is at the top of the list below.`);
    router.refresh();
  }

  async function handleRestore() {
    if (!restore) return;
    const pending = restore.livePending
      ? ` The live text has tracked changes awaiting a decision: they leave the live text (the saved copy keeps them), and delegations would have to propose them again.`
      : "";
    if (!window.confirm(`Restore ${restore.label} as the live text? The live text is saved as a version first.${pending}`)) return;
    const res = await post(`${base}/${restore.id}/restore`, {});
    setError(res.ok ? null : (res.message ?? "Could not restore."));
    if (!res.ok) return;
    const { saved: before } = (res.body ?? {}) as { saved?: { label?: string } };
    setRestored(`Restored ${restore.label} as the live text.${before?.label ? ` The text it replaced is saved as “${before.label}”.` : ""}`);
    startRefresh(() => router.refresh());
  }

  if (restore) {
    return (
      <>
        <button type="button" className="button small" onClick={handleRestore}>
          Restore
        </button>
        {error ? <span className="error">{error}</span> : null}
        {restored ? <FocusedStatus focusOn={`${restored}${refreshing ? " (list on its way)" : ""}`}>{restored}</FocusedStatus> : null}
      </>
    );
  }
  return (
    <>
      {/* Keyed by the suggestion: after a save the fields offer the next one. */}
      <form key={`${next?.label ?? ""} ${next?.symbol ?? ""}`} className="form inline card" onSubmit={handleSave} aria-label="Save a version" onChange={() => setSaved(null)}>
        <LabelAndSymbol next={next} hintId="version-symbol-hint" />
        <label>
          <span>
            Note <span className="muted">(optional)</span>
          </span>
          <input name="note" maxLength={2000} />
        </label>
        <button type="submit" className="button primary">
          Save version
        </button>
        <p id="version-symbol-hint" className="field-hint muted small">
          The official document symbol of this text, one per version. Empty for an informal version.
        </p>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {/* The list above gains the version; the focus stays here, on what happened. */}
      {saved ? <FocusedStatus focusOn={saved}>{saved}</FocusedStatus> : null}
    </>
  );
}
