import {
  AlignmentType,
  Document,
  Header,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { direction, pageFooter } from "./docx";
import { acceptedRuns, headerLine, printedRunTexts, printedText, versionName, type ExportMeta, type ExportParagraph } from "./model";

const FONT = "Times New Roman";
const SIZE = 20; // half-points: 10 pt, as compilations are printed

/** One proposal or position on a paragraph, as the compilation lists it. */
export interface CompilationEntry {
  /** amendment, objection, reservation, support; insertion, deletion, replacement: a pending tracked change */
  kind: string;
  /** For amendments: insert, delete, replace. */
  op: string | null;
  /** The delegation that tabled it (or the person, when they speak for none). */
  by: string;
  cosponsors: string[];
  /** The text it was made on (a tracked change: its wording; a replacement: the words it replaces, `proposedText` the new ones). */
  quote: string;
  proposedText: string | null;
  /** The reasoning or objection text. */
  body: string | null;
  /** open, accepted, upheld (an objection accepted), rejected, withdrawn, resolved; pending (a tracked change) */
  status: string;
  /** The chair's reason for the decision that gave it its status (a rejection's). */
  reason?: string | null;
}

export interface CompilationRow {
  paragraph: ExportParagraph;
  /** The chair's status of the paragraph ("Agreed ad ref."), if set. */
  status: string | null;
  entries: CompilationEntry[];
}

const KIND_LABEL: Record<string, string> = {
  amendment: "Amendment",
  objection: "Objection",
  reservation: "Reservation",
  support: "Support",
  insertion: "Tracked change",
  deletion: "Tracked change",
  replacement: "Tracked change",
};

/** "replace "x" with "y"" — what an amendment does, in the words a compilation uses. */
export function describeEntry(e: CompilationEntry): string {
  if (e.kind === "insertion") return `insert “${e.quote}”`;
  if (e.kind === "deletion") return `delete “${e.quote}”`;
  if (e.kind === "replacement") return `replace “${e.quote}” with “${e.proposedText ?? ""}”`;
  if (e.kind !== "amendment") return e.body ?? (e.quote ? `on “${e.quote}”` : "");
  const proposed = e.proposedText ?? "";
  const what = e.op === "insert" ? `insert “${proposed}”${e.quote ? ` at “${e.quote}”` : ""}` : e.op === "delete" ? `delete “${e.quote}”` : `replace “${e.quote}” with “${proposed}”`;
  return e.body ? `${what}. ${e.body}` : what;
}

const run = (text: string, extra: { bold?: boolean; italics?: boolean; color?: string } = {}) => new TextRun({ text, font: FONT, size: SIZE, ...extra });

function cell(children: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph({ children: [] })],
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: "E7E6E1", color: "auto" } } : {}),
  });
}

type EntryPiece = [text: string, style: Parameters<typeof run>[1]];

/** "Albania (co-sponsored by …) — Amendment: …", in its styled pieces. */
function entryPieces(e: CompilationEntry): EntryPiece[] {
  return [
    [e.by, { bold: true }],
    ...(e.cosponsors.length ? [[` (co-sponsored by ${e.cosponsors.join(", ")})`, {}] satisfies EntryPiece] : []),
    [` — ${KIND_LABEL[e.kind] ?? e.kind}: `, { italics: true }],
    [describeEntry(e), {}],
    [` [${e.status}${e.reason ? `: “${e.reason}”` : ""}]`, { color: "555555" }],
  ];
}

const entryText = (e: CompilationEntry) =>
  entryPieces(e)
    .map(([text]) => text)
    .join("");

/** Each entry a paragraph, right to left when its first letter is Arabic, as each paragraph. */
function entryParagraphs(entries: CompilationEntry[]): Paragraph[] {
  return entries.map((e) => {
    const children = entryPieces(e);
    return new Paragraph({ spacing: { after: 80 }, ...direction(entryText(e)), children: children.map(([text, style]) => run(text, style)) });
  });
}

/** Landscape A4 in twips: 297 x 210 mm, 2 cm margins, leaves 14,570 for the table. */
const WIDTHS = [1000, 5600, 6570, 1400] as const;

/** The table's height on a page, in lines of 10 pt: landscape A4's 210 mm less the margins, header and footer. */
const PAGE_LINES = 36;
/** Characters of 10 pt Times in a line of a cell `width` twips wide (about 95 twips a character, the cell's margins off). */
const charsPerLine = (width: number) => Math.floor((width - 200) / 95);
/** Chinese, Japanese and Korean characters and full-width forms: about twice a Latin letter's width. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
const widthOf = (text: string) => [...text].reduce((n, c) => n + (WIDE.test(c) ? 2 : 1), 0);
const linesOf = (text: string, width: number) => Math.max(1, Math.ceil(widthOf(text) / charsPerLine(width)));

/**
 * Whether a row is kept on one page ("don't allow row to break across pages"): yes when it is
 * at most half a page tall, by an estimate of its wrapped lines. A longer row may break, or
 * Word would push it whole to the next page, leaving a gap, or cut off a row taller than a page.
 */
export function keepsRowTogether(row: Pick<CompilationRow, "paragraph" | "entries">): boolean {
  const text = linesOf(printedText(row.paragraph), WIDTHS[1]);
  // An entry's paragraph has spacing after it: about a third of a line.
  const entries = row.entries.reduce((n, e) => n + linesOf(entryText(e), WIDTHS[2]) + 1 / 3, 0);
  return Math.max(text, entries) <= PAGE_LINES / 2;
}

/**
 * The compilation of proposals a chair circulates before a reading: one row per paragraph
 * with its number, its current text, every amendment and position by delegation (with
 * co-sponsors and status) and its pending tracked changes, and the paragraph's status.
 */
export function buildCompilationDocx(meta: ExportMeta, rows: readonly CompilationRow[]): Document {
  const heading = headerLine(meta);
  const header = new TableRow({
    tableHeader: true,
    children: ["Para.", "Current text", "Proposals and positions by delegation", "Status"].map((h, i) =>
      cell([new Paragraph({ children: [run(h, { bold: true })] })], WIDTHS[i]!, true),
    ),
  });
  /** The paragraph's current text, its runs' bold and italics kept, brackets around each bracketed stretch. */
  const currentText = (paragraph: ExportParagraph) => {
    const runs = acceptedRuns(paragraph);
    const strong = paragraph.kind === "heading" || paragraph.kind === "title";
    return printedRunTexts(runs).map((text, i) => run(text, { bold: strong || runs[i]!.marks?.includes("bold"), italics: runs[i]!.marks?.includes("italic") }));
  };
  const body = rows.map(
    ({ paragraph, status, entries }) =>
      new TableRow({
        cantSplit: keepsRowTogether({ paragraph, entries }),
        children: [
          cell([new Paragraph({ children: [run(paragraph.number ?? "", { bold: true })] })], WIDTHS[0]),
          cell(
            [
              new Paragraph({
                ...direction(printedText(paragraph)),
                children: currentText(paragraph),
              }),
            ],
            WIDTHS[1],
          ),
          cell(entryParagraphs(entries), WIDTHS[2]),
          cell([new Paragraph({ children: [run(status ?? "")] })], WIDTHS[3]),
        ],
      }),
  );
  const proposals = rows.reduce((n, r) => n + r.entries.length, 0);
  return new Document({
    creator: "Plenary",
    title: `${versionName(meta)}: compilation of proposals`,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(heading)] })] }) },
        footers: pageFooter(),
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(meta.title, { bold: true })] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(`Compilation of proposals — ${meta.versionLabel} — ${rows.length} paragraphs, ${proposals} proposals and positions`, { italics: true })],
          }),
          new Table({ rows: [header, ...body], columnWidths: [...WIDTHS], width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA } }),
        ],
      },
    ],
  });
}
