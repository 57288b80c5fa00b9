import type { DocumentView } from "@/server/services";
import type { DocumentDetails } from "@/server/events";
import { useRef, useState, type ReactNode } from "react";
import { ExportMenu } from "@/components/versions/export-menu";
import { DocumentDetailsForm } from "./document-details-form";
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
  onDetailsSaved,
}: {
  doc: Omit<DocumentView, "paragraphs">;
  mode: keyof typeof MODE_LABEL;
  hint?: ReactNode;
  /** The newest saved version, which the live text's redline compares against ("changes since Rev.1"). */
  latestVersion?: { id: string; label: string } | null;
  /** The chair's: the details may be edited, and these are the saved ones. */
  onDetailsSaved?: (details: DocumentDetails) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setEditing(false);
    // Back where the chair was (the form and its focus are gone).
    requestAnimationFrame(() => editButton.current?.focus());
  };
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
        {onDetailsSaved ? (
          <>
            {" · "}
            <button
              type="button"
              ref={editButton}
              className="link-button details-button"
              aria-expanded={editing}
              onClick={() => {
                setSaved(false);
                setEditing((e) => !e);
              }}
            >
              Edit details
            </button>
          </>
        ) : null}
        <span className="muted small" role="status">
          {saved ? " · Details saved." : ""}
        </span>
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
      {editing && onDetailsSaved ? (
        <DocumentDetailsForm
          documentId={doc.id}
          details={doc}
          onClose={close}
          onSaved={(details) => {
            onDetailsSaved(details);
            setSaved(true);
            close();
          }}
        />
      ) : null}
      {hint ? <p className="hint">{hint}</p> : null}
    </header>
  );
}
