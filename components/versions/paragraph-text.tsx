import type { VersionParagraph } from "@/server/negotiation/versions";
import { bracketEdges } from "@/lib/exporter/model";

const TAG = { title: "h2", heading: "h3" } as const;

/**
 * A frozen paragraph: number in the margin, status, and its text with marks, as the
 * negotiators left it: bracketed language in square brackets (real characters, so a copy
 * keeps them), and tracked changes awaiting a decision drawn as proposals (inserted words
 * underlined, deleted ones struck), never as agreed text.
 */
export function ParagraphText({ paragraph: p }: { paragraph: VersionParagraph }) {
  const Tag = p.kind === "title" || p.kind === "heading" ? TAG[p.kind] : "p";
  // One pair of brackets around each bracketed stretch, however many runs it is in.
  const edges = bracketEdges(p.runs);
  return (
    <Tag className={`blk-${p.kind}`} data-number={p.number ?? undefined} data-status={p.status !== "open" ? p.status : undefined}>
      {p.runs.map((r, i) => {
        const marks = r.marks ?? [];
        let node: React.ReactNode = r.text;
        if (marks.includes("italic")) node = <em>{node}</em>;
        if (marks.includes("bold")) node = <strong>{node}</strong>;
        if (marks.includes("insertion")) {
          node = (
            <ins className="suggestion-insertion" title="Proposed insertion, awaiting a decision">
              {node}
            </ins>
          );
        } else if (marks.includes("deletion")) {
          node = (
            <del className="suggestion-deletion" title="Proposed deletion, awaiting a decision">
              {node}
            </del>
          );
        }
        // The brackets outside a proposal at the stretch's edge: they are not proposed, nor struck.
        if (marks.includes("bracket")) {
          node = (
            <span className="version-bracket">
              {edges[i]!.open ? "[" : null}
              {node}
              {edges[i]!.close ? "]" : null}
            </span>
          );
        }
        return <span key={i}>{node}</span>;
      })}
    </Tag>
  );
}

/** True when a version's text holds tracked changes awaiting a decision. */
export function hasPendingChanges(paragraphs: readonly VersionParagraph[]): boolean {
  return paragraphs.some((p) => p.runs.some((r) => r.marks?.includes("insertion") || r.marks?.includes("deletion")));
}
