import type { VersionParagraph } from "@/server/negotiation/versions";

const TAG = { title: "h2", heading: "h3" } as const;

/** A frozen paragraph: number in the margin, status, and its text with marks. */
export function ParagraphText({ paragraph: p }: { paragraph: VersionParagraph }) {
  const Tag = p.kind === "title" || p.kind === "heading" ? TAG[p.kind] : "p";
  return (
    <Tag className={`blk-${p.kind}`} data-number={p.number ?? undefined} data-status={p.status !== "open" ? p.status : undefined}>
      {p.runs.map((r, i) => {
        const marks = r.marks ?? [];
        let node: React.ReactNode = r.text;
        if (marks.includes("italic")) node = <em>{node}</em>;
        if (marks.includes("bold")) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
    </Tag>
  );
}
