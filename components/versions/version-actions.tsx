"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FocusedStatus } from "../focused-status";

async function post(url: string, body: unknown): Promise<{ ok: boolean; message?: string }> {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const data = (await res.json().catch(() => ({}))) as { message?: string };
  return { ok: res.ok, message: data.message };
}

/** The chair's version actions: save the live text as a named version, or restore one. */
export function VersionActions({ documentId, next, restore }: { documentId: string; next?: { label: string; symbol: string }; restore?: { id: string; label: string } }) {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
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
    setSaved(`Saved ${label}: it is in the list above.`);
    router.refresh();
  }

  async function handleRestore() {
    if (!restore || !window.confirm(`Restore ${restore.label} as the live text? The live text is saved as a version first.`)) return;
    const res = await post(`${base}/${restore.id}/restore`, {});
    if (res.ok) window.location.reload();
    else setError(res.message ?? "Could not restore.");
  }

  if (restore) {
    return (
      <>
        <button type="button" className="button small" onClick={handleRestore}>
          Restore
        </button>
        {error ? <span className="error">{error}</span> : null}
      </>
    );
  }
  return (
    <>
      {/* Keyed by the suggested label: after a save the fields offer the next one. */}
      <form key={next?.label ?? ""} className="form inline card" onSubmit={handleSave} aria-label="Save a version" onChange={() => setSaved(null)}>
        <label>
          Label
          <input name="label" required maxLength={80} defaultValue={next?.label ?? ""} placeholder="Rev.1" />
        </label>
        <label>
          Symbol
          <input name="symbol" maxLength={80} defaultValue={next?.symbol ?? ""} placeholder="A/AC.292/2025/CRP.1/Rev.1" />
        </label>
        <label>
          <span>
            Note <span className="muted">(optional)</span>
          </span>
          <input name="note" maxLength={2000} />
        </label>
        <button type="submit" className="button primary">
          Save version
        </button>
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
