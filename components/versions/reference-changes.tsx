import type { ReferenceChange, ReferenceDiff } from "@/lib/references";

const KIND: Record<ReferenceChange["kind"], string> = {
  symbol: "Document",
  resolution: "Resolution",
  decision: "Decision",
  instrument: "Instrument",
  term: "Watched term",
};

function where(list: string[]): string {
  return list.length ? list.join(", ") : "—";
}

function Rows({ title, items, fromLabel, toLabel }: { title: string; items: ReferenceChange[]; fromLabel: string; toLabel: string }) {
  if (items.length === 0) return null;
  return (
    <div className="ref-group">
      <h3>
        {title} ({items.length})
      </h3>
      <table className="table refs stack-narrow">
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Kind</th>
            <th scope="col">In {fromLabel}</th>
            <th scope="col">In {toLabel}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.canonical}>
              <th scope="row">{c.canonical}</th>
              <td data-label="Kind">{KIND[c.kind]}</td>
              <td data-label={`In ${fromLabel}`}>{where(c.fromParagraphs)}</td>
              <td data-label={`In ${toLabel}`}>{where(c.toParagraphs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The answer to "which references did this revision drop?": removed, added, moved. */
export function ReferenceChanges({ references, fromLabel, toLabel }: { references: ReferenceDiff; fromLabel: string; toLabel: string }) {
  const none = references.removed.length + references.added.length + references.changed.length === 0;
  // Nothing moved: one line, so the first change of the text is not pushed below the fold.
  if (none) {
    return (
      <p className="muted references-none" data-testid="reference-changes">
        <strong>References and watched terms:</strong> none removed, added or moved ({references.fromTotal} in {fromLabel} · {references.toTotal} in {toLabel}).
      </p>
    );
  }
  return (
    <section className="card references" aria-labelledby="refs-h" data-testid="reference-changes">
      <h2 id="refs-h">References and watched terms</h2>
      <p className="muted">
        {references.fromTotal} in {fromLabel} · {references.toTotal} in {toLabel}
      </p>
      <Rows title="Removed" items={references.removed} fromLabel={fromLabel} toLabel={toLabel} />
      <Rows title="Added" items={references.added} fromLabel={fromLabel} toLabel={toLabel} />
      <Rows title="Changed paragraphs (removed from some, added to others)" items={references.changed} fromLabel={fromLabel} toLabel={toLabel} />
    </section>
  );
}
