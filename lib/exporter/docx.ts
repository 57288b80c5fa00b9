import { AlignmentType, Document, Footer, Header, HeadingLevel, PageNumber, Paragraph, TextRun, type IStylesOptions } from "docx";
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

/**
 * Word's heading levels for the outline (the navigation pane) as the PDF tags them: the title
 * Heading 1, the headings after it Heading 2; the heading lines above the title (the meeting,
 * the journal number) stay plain paragraphs. Null for the others.
 */
export function headingLevels(paragraphs: readonly { kind: string }[]): ((typeof HeadingLevel)[keyof typeof HeadingLevel] | null)[] {
  const title = paragraphs.findIndex((p) => p.kind === "title");
  return paragraphs.map((p, i) => {
    if (p.kind === "title") return HeadingLevel.HEADING_1;
    if (p.kind !== "heading") return null;
    return title < 0 || i > title ? HeadingLevel.HEADING_2 : null;
  });
}

/**
 * The two heading styles as the UN layout prints them (Times New Roman, black, bold): without
 * them Word draws its own blue headings, since the body's runs set only font and size.
 */
export const HEADING_STYLES: IStylesOptions = {
  paragraphStyles: [1, 2].map((level) => ({
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { font: FONT, size: SIZE, bold: true, color: "000000" },
    paragraph: { outlineLevel: level - 1 },
  })),
};

/** "Page 1 of 3", centred at the foot of every page. */
export function pageFooter(): { default: Footer } {
  return {
    default: new Footer({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: 18, children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })] })],
    }),
  };
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
  const levels = headingLevels(paragraphs);
  const children = [
    ...paragraphs.map(
      (p, i) =>
        new Paragraph({
          ...layout(p),
          ...(levels[i] ? { heading: levels[i] } : {}),
          children: [...numberRun(p), ...styledText(p).map((piece) => new TextRun({ font: FONT, size: SIZE, ...piece }))],
        }),
    ),
  ];
  return new Document({ creator: "Plenary", title: versionName(meta), styles: HEADING_STYLES, sections: [{ headers: pageHeader(meta), footers: pageFooter(), children }] });
}
