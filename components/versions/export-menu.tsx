"use client";

import { useEffect, useRef, useState } from "react";
import { STATUS_FORMATS, type ExportFormat } from "@/lib/exporter/formats";

const FORMATS = [
  ["docx", "Word (.docx)"],
  ["pdf", "PDF (print)"],
  ["compilation", "Compilation of proposals (.docx)"],
  ["md", "Markdown"],
  ["html", "HTML"],
  ["json", "JSON (paragraph model)"],
  ["akn", "Akoma Ntoso XML"],
] as const;

type Progress = { state: "idle" } | { state: "working"; name: string; percent: number | null } | { state: "done"; file: string } | { state: "error"; message: string };

function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get("content-disposition") ?? "";
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1];
  if (utf8) return decodeURIComponent(utf8);
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

/**
 * Export links for a version (or the live text). A click downloads through fetch so a large
 * export shows its progress (preparing, then the share received) and a refused one its
 * reason; the plain link still works without script.
 */
export function ExportMenu({
  documentId,
  version = "live",
  label = "Export",
  base,
}: {
  documentId: string;
  version?: string;
  label?: string;
  /** The earlier version a redline compares against (the previous version, for a version row). */
  base?: { id: string; label: string };
}) {
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const busy = useRef(false);
  const menu = useRef<HTMLDetailsElement>(null);
  // A menu: a click elsewhere or Escape closes it (left open, it covered the rows below).
  useEffect(() => {
    function outside(event: PointerEvent) {
      const el = menu.current;
      if (el?.open && !el.contains(event.target as Node)) el.open = false;
    }
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, []);
  function onKeyDown(event: React.KeyboardEvent<HTMLDetailsElement>) {
    if (event.key !== "Escape" || !menu.current?.open) return;
    menu.current.open = false;
    menu.current.querySelector("summary")?.focus();
  }
  // Chairs' revised drafts mark agreed and bracketed paragraphs; the text to be adopted does not.
  const [statuses, setStatuses] = useState(false);
  // A draft under negotiation prints PP3, OP7 in the margin so delegations can name a paragraph; the text to be adopted does not.
  const [references, setReferences] = useState(true);
  const href = (format: string) =>
    `/api/documents/${documentId}/export?format=${format}&version=${encodeURIComponent(version)}${format === "docx-redline" && base ? `&base=${encodeURIComponent(base.id)}` : ""}${statuses && STATUS_FORMATS.has(format as ExportFormat) ? "&statuses=1" : ""}${!references && format === "pdf" ? "&references=0" : ""}`;

  async function download(event: React.MouseEvent<HTMLAnchorElement>, name: string): Promise<void> {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    const url = event.currentTarget.href;
    setProgress({ state: "working", name, percent: null });
    try {
      const res = await fetch(url, { credentials: "same-origin" });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        throw new Error(body?.message ?? `the server answered ${res.status}`);
      }
      const total = Number(res.headers.get("content-length") ?? 0);
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      const reader = res.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        setProgress({ state: "working", name, percent: total ? Math.min(100, Math.round((received / total) * 100)) : null });
      }
      const file = fileNameOf(res, "export");
      const blob = new Blob(chunks, { type: res.headers.get("content-type") ?? "application/octet-stream" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = file;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setProgress({ state: "done", file });
    } catch (err) {
      setProgress({ state: "error", message: err instanceof Error ? err.message : String(err) });
    } finally {
      busy.current = false;
    }
  }

  const formats: (readonly [string, string])[] = [...FORMATS];
  if (base) formats.splice(1, 0, ["docx-redline", `Word with tracked changes against ${base.label}`]);
  return (
    <details className="export-menu" ref={menu} onKeyDown={onKeyDown}>
      <summary>{label}</summary>
      <ul>
        <li className="export-option">
          <label>
            <input type="checkbox" checked={statuses} onChange={(e) => setStatuses(e.target.checked)} /> Mark each paragraph&apos;s status, as “(Agreed ad ref.)” (Word, PDF, Markdown, HTML)
          </label>
        </li>
        <li className="export-option">
          <label>
            <input type="checkbox" checked={references} onChange={(e) => setReferences(e.target.checked)} /> Print paragraph references (PP3, OP7) in
            the margin (PDF)
          </label>
        </li>
        <li className="export-option muted small">
          Prints the accepted text: a proposed insertion awaiting the chair is left out, a proposed deletion kept. The compilation
          lists them.
        </li>
        {formats.map(([format, name]) => (
          <li key={format}>
            <a href={href(format)} download onClick={(e) => void download(e, name)} aria-disabled={progress.state === "working" || undefined}>
              {name}
            </a>
          </li>
        ))}
        <li>
          <p className="export-progress" role="status" aria-live="polite">
            {progress.state === "working" ? (
              <>
                Preparing {progress.name}
                {progress.percent !== null ? ` — ${progress.percent}%` : "…"}
                <progress max={100} value={progress.percent ?? undefined} aria-label="Export progress" />
              </>
            ) : progress.state === "done" ? (
              `Downloaded ${progress.file}`
            ) : progress.state === "error" ? (
              <span className="error">Export failed: {progress.message}</span>
            ) : null}
          </p>
        </li>
      </ul>
    </details>
  );
}
