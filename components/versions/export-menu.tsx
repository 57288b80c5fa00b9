const FORMATS = [
  ["docx", "Word (.docx)"],
  ["md", "Markdown"],
  ["html", "HTML"],
  ["json", "JSON (paragraph model)"],
  ["akn", "Akoma Ntoso XML"],
] as const;

/** Download links for a version (or the live text) in every export format. */
export function ExportMenu({ documentId, version = "live", label = "Export" }: { documentId: string; version?: string; label?: string }) {
  return (
    <details className="export-menu">
      <summary>{label}</summary>
      <ul>
        {FORMATS.map(([format, name]) => (
          <li key={format}>
            <a href={`/api/documents/${documentId}/export?format=${format}&version=${encodeURIComponent(version)}`} download>
              {name}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
