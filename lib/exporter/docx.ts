import { AlignmentType, Document, Header, Paragraph, TextRun } from "docx";
import { acceptedRuns, headerLine, participleLength, printedNumber, printedRunText, versionName, type ExportMeta, type ExportParagraph } from "./model";
import type { TextRun as Run } from "../model/types";

export const FONT = "Times New Roman";
export const SIZE = 24; // half-points: 12 pt

function runs(textRuns: Run[], italicPrefix: number): TextRun[] {
  let offset = 0;
  const out: TextRun[] = [];
  for (const r of textRuns) {
    const m = r.marks ?? [];
    const text = printedRunText(r);
    const start = offset;
    offset += r.text.length;
    const cut = start < italicPrefix ? Math.min(text.length, italicPrefix - start) : 0;
    const base = { font: FONT, size: SIZE, bold: m.includes("bold"), italics: m.includes("italic") };
    if (cut > 0) out.push(new TextRun({ ...base, text: text.slice(0, cut), italics: true }));
    if (cut < text.length) out.push(new TextRun({ ...base, text: text.slice(cut) }));
  }
  return out;
}

/** What the layout of a paragraph depends on. */
export type Shape = { kind: string; number: string | null };

/** Alignment, indents and spacing of a paragraph, UN style. */
export function layout(p: Shape) {
  if (p.kind === "title") return { alignment: AlignmentType.CENTER, spacing: { after: 240 } };
  if (p.kind === "heading") return { spacing: { before: 240, after: 120 } };
  if (p.kind === "bullet") return { indent: { left: 1134, hanging: 567 }, spacing: { after: 120 } };
  return { indent: { firstLine: 567 }, spacing: { after: 120 } };
}

function numberRun(p: Shape): TextRun[] {
  const n = printedNumber(p);
  return n ? [new TextRun({ text: `${n}\t`, font: FONT, size: SIZE })] : [];
}

/** Symbol, date and version in the page header (not the body), as UN documents print them. */
export function pageHeader(meta: ExportMeta): { default: Header } {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          children: [new TextRun({ text: headerLine(meta), font: FONT, size: 20 })],
        }),
      ],
    }),
  };
}

/** Clean DOCX of a version: UN layout, numbers, italic participles, brackets kept. */
export function buildDocx(meta: ExportMeta, paragraphs: readonly ExportParagraph[]): Document {
  const children = [
    ...paragraphs.map((p) => {
      const r = acceptedRuns(p);
      const italic = p.kind === "preambular" ? participleLength(r.map((x) => x.text).join("")) : 0;
      const bold = p.kind === "title";
      return new Paragraph({
        ...layout(p),
        children: [...numberRun(p), ...runs(bold ? r.map((x) => ({ ...x, marks: [...(x.marks ?? []), "bold" as const] })) : r, italic)],
      });
    }),
  ];
  return new Document({ creator: "Plenary", title: versionName(meta), sections: [{ headers: pageHeader(meta), children }] });
}
