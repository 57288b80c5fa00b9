import type { DocumentView } from "@/server/services";
import { ExportMenu } from "@/components/versions/export-menu";

const MODE_LABEL = { chairs_pen: "Chair's pen", open_drafting: "Open drafting" } as const;

/** Symbol, title and the facts of the document above the text. */
export function DocumentHeader({ doc, mode }: { doc: Omit<DocumentView, "paragraphs">; mode: keyof typeof MODE_LABEL }) {
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
        {doc.symbol ?? "No symbol"} · <a href={`/documents/${doc.id}/versions`}>Versions and compare</a> · <ExportMenu documentId={doc.id} />
      </div>
      <h1 className="doc-heading">{doc.title}</h1>
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
    </header>
  );
}
