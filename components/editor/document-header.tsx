import type { DocumentView } from "@/server/services";
import type { ReactNode } from "react";
import { ExportMenu } from "@/components/versions/export-menu";
import { MarkLegend } from "./mark-legend";

const MODE_LABEL = { chairs_pen: "Chair's pen", open_drafting: "Open drafting" } as const;

/**
 * Symbol, title and the facts of the document above the text, the marks' legend beside the
 * facts, and what the reader's role lets them do (`hint`). Kept short: at 1366 x 768 the
 * header and its hint took the first screen down to the first paragraph.
 */
export function DocumentHeader({
  doc,
  mode,
  hint,
  latestVersion = null,
}: {
  doc: Omit<DocumentView, "paragraphs">;
  mode: keyof typeof MODE_LABEL;
  hint?: ReactNode;
  /** The newest saved version, which the live text's redline compares against ("changes since Rev.1"). */
  latestVersion?: { id: string; label: string } | null;
}) {
  const facts: [string, string | null][] = [
    ["Date", doc.date],
    ["Place", doc.place],
    ["Original", doc.originalLanguage],
    ["Mode", MODE_LABEL[mode]],
  ];
  return (
    <header className="doc-header">
      {/* A div: the export menu is a <details>, which a <p> may not hold (the browser would
          close the <p> before it, and the page would not hydrate). */}
      <div className="doc-symbol">
        {doc.symbol ?? "No symbol"} · <a href={`/documents/${doc.id}/versions`}>Versions and compare</a> · <ExportMenu documentId={doc.id} base={latestVersion ?? undefined} />
      </div>
      <h1 className="doc-heading">{doc.title}</h1>
      <div className="doc-facts-row">
        <dl className="doc-facts">
          {facts
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd data-testid={`fact-${k.toLowerCase()}`}>{v}</dd>
              </div>
            ))}
        </dl>
        <MarkLegend />
      </div>
      {hint ? <p className="hint">{hint}</p> : null}
    </header>
  );
}
