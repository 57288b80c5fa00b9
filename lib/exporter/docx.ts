import { AlignmentType, Document, Header, Paragraph, TextRun } from "docx";
import { headerLine, printedNumber, rightToLeft, versionName, type ExportMeta, type ExportParagraph } from "./model";
import { styledText } from "./styled";

export const FONT = "Times New Roman";
export const SIZE = 24; // half-points: 12 pt

/** What the layout of a paragraph depends on. */
export type Shape = { kind: string; number: string | null; text: string };

function unStyle(p: Shape) {
  if (p.kind === "title") return { alignment: AlignmentType.CENTER, spacing: { after: 240 } };
  if (p.kind === "heading") return { spacing: { before: 240, after: 120 } };
  if (p.kind === "bullet") return { indent: { left: 1134, hanging: 567 }, spacing: { after: 120 } };
  return { indent: { firstLine: 567 }, spacing: { after: 120 } };
}

/**
 * The direction of a Word paragraph with this text: a paragraph in Arabic is a right-to-left
 * one (w:bidi): in a left-to-right paragraph Word sets its Arabic stretches in the order they
 * come, so one cut by "(ICT)" or a number was read back to front.
 */
export function direction(text: string): { bidirectional?: true } {
  return rightToLeft(text) ? { bidirectional: true } : {};
}

/** Alignment, indents, spacing and direction of a paragraph, UN style. */
export function layout(p: Shape) {
  return { ...unStyle(p), ...direction(p.text) };
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
    ...paragraphs.map(
      (p) =>
        new Paragraph({
          ...layout(p),
          children: [...numberRun(p), ...styledText(p).map((piece) => new TextRun({ font: FONT, size: SIZE, ...piece }))],
        }),
    ),
  ];
  return new Document({ creator: "Plenary", title: versionName(meta), sections: [{ headers: pageHeader(meta), children }] });
}
