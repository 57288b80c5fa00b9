import { ANNOTATION_KINDS, ANNOTATION_KIND_LABEL } from "@/lib/negotiation/types";

/**
 * What the marks in the text mean: each kind of position with the mark before its words and
 * the line under them, drawn by the same CSS as in the text (shapes, not colour alone).
 */
export function MarkLegend() {
  return (
    <ul className="mark-legend" aria-label="Marks in the text">
      {ANNOTATION_KINDS.map((kind) => (
        <li key={kind}>
          <span className={`ann-mark ann-mark-${kind}`} aria-hidden="true" />
          <span className={`legend-line ann-${kind}`}>{ANNOTATION_KIND_LABEL[kind].toLowerCase()}</span>
        </li>
      ))}
    </ul>
  );
}
