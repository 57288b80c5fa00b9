import PDFDocument from "pdfkit";
import type { TextRun as Run } from "../model/types";
import { bidiLines, centredLines, type PlacedPiece, type Piece } from "./pdf-lines";
import { acceptedRuns, bracketEdges, headerLine, participleLength, participlePieces, printedNumber, rightToLeft, versionName, type ExportMeta, type ExportParagraph } from "./model";

/**
 * The faces a PDF export embeds (TrueType files; server/pdf-fonts.ts reads them): the serif
 * text faces, a sans face with its bold for Arabic, which the serif does not have, and a
 * Chinese face with its bold (read and embedded only for a text that has Chinese in it).
 */
export type Face = "regular" | "italic" | "bold" | "boldItalic" | "arabic" | "arabicBold" | "cjk" | "cjkBold";
type CjkFace = "cjk" | "cjkBold";
export type PdfFonts = Record<Exclude<Face, CjkFace>, Uint8Array> & {
  /** The Chinese faces: about 10 MB each, so read when a text first needs them. */
  cjk: () => Record<CjkFace, Uint8Array>;
};

const PT = 11;
const MARGIN = { top: 78, bottom: 72, left: 92, right: 72 };
/** Where operative numbers hang and their text starts. */
const HANG = 28;
/** First-line indent of preambular paragraphs (UN style). */
const INDENT = 28;
const GREY = "#555555";

function face(bold: boolean, italic: boolean): Face {
  if (bold && italic) return "boldItalic";
  if (bold) return "bold";
  return italic ? "italic" : "regular";
}

/** Arabic letters (the Arabic blocks and presentation forms), without Arabic-Indic digits. */
const ARABIC_LETTER = "\\u0600-\\u065F\\u066A-\\u06EF\\u06FA-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF";
/**
 * Arabic words and the spaces between them. fontkit shapes such a piece and lays it out right
 * to left; digits and punctuation stay outside it, since it would reverse them too ("2025").
 */
const ARABIC_RUN = new RegExp(`[${ARABIC_LETTER}](?:[${ARABIC_LETTER}\\s]*[${ARABIC_LETTER}])?`, "g");

/**
 * Chinese (and Japanese) characters with their full-width punctuation: the CJK blocks, the
 * compatibility ideographs and forms. Runs of them need no spaces to break between them.
 * (The supplementary ideographs, U+20000 on, are in neither face: rare in UN texts, they
 * print blank.)
 */
const CJK_CHAR = "\\u2E80-\\u2FDF\\u3000-\\u303F\\u3040-\\u30FF\\u3100-\\u312F\\u31A0-\\u31FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF";
/** A piece of one script: Arabic words (group 1) or Chinese characters (group 2). */
const SCRIPT_RUN = new RegExp(`(${ARABIC_RUN.source})|([${CJK_CHAR}]+)`, "gu");

/** A piece cut where Arabic words or Chinese characters start and end, each in the face that has them. */
function byScript(text: string, serif: Face): Piece<Face>[] {
  const bold = serif === "bold" || serif === "boldItalic";
  const out: Piece<Face>[] = [];
  let at = 0;
  for (const m of text.matchAll(SCRIPT_RUN)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), face: serif });
    out.push({ text: m[0], face: m[1] ? (bold ? "arabicBold" : "arabic") : bold ? "cjkBold" : "cjk" });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), face: serif });
  return out;
}

const isArabic = (f: Face) => f === "arabic" || f === "arabicBold";

/** Runs as printed: brackets kept, the preambular participle in italics. */
function printedRuns(runs: Run[], italicPrefix: number, allBold: boolean): Piece<Face>[] {
  const out: Piece<Face>[] = [];
  const edges = bracketEdges(runs);
  let offset = 0;
  for (const [i, r] of runs.entries()) {
    const m = r.marks ?? [];
    const bold = allBold || m.includes("bold");
    for (const piece of participlePieces(r, offset, italicPrefix, edges[i]!)) out.push(...byScript(piece.text, face(bold, piece.participle || m.includes("italic"))));
    offset += r.text.length;
  }
  for (let i = 1; i < out.length; i++) {
    const lead = /^\s+/.exec(out[i]!.text)?.[0];
    if (lead) {
      out[i - 1]!.text += lead;
      out[i]!.text = out[i]!.text.slice(lead.length);
    }
  }
  return out.filter((r) => r.text.length > 0);
}

/**
 * The structure type of each block in the tagged PDF (list items are built as L > LI > Lbl +
 * LBody): the title H1 and the headings under it H2; the heading lines above the title (the
 * meeting, the journal number) are paragraphs, so the first heading is the H1, as PDF/UA
 * asks; with no title the headings are H1.
 */
function structTypes(paragraphs: readonly ExportParagraph[]): ("H1" | "H2" | "P")[] {
  const title = paragraphs.findIndex((p) => p.kind === "title");
  return paragraphs.map((p, i) => {
    if (p.kind === "title") return "H1";
    if (p.kind !== "heading") return "P";
    if (title < 0) return "H1";
    return i < title ? "P" : "H2";
  });
}

export interface PdfOptions {
  /**
   * false: no PP/OP references in the margin, for the text as it is to be adopted (a draft
   * under negotiation prints them, so that delegations can name a paragraph).
   */
  marginReferences?: boolean;
}

/**
 * PDF of a version for print: A4, UN layout (centred title, italic preambular participles,
 * hanging operative numbers), the paragraph reference (PP3, OP7) in the left margin, the
 * symbol, date and version in every page header and "page n of m" in the footer.
 * Tagged (PDF 1.7 logical structure) for screen readers and reflow: the title is H1,
 * headings H2, paragraphs P with their reference and number first, sub-paragraphs a list;
 * the running header and footer are pagination artifacts, outside the text.
 */
export function buildPdf(meta: ExportMeta, paragraphs: readonly ExportParagraph[], fonts: PdfFonts, print: PdfOptions = {}): Promise<Uint8Array> {
  const heading = headerLine(meta);
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    // pdfkit takes font bytes here too (its types say only a path): no Helvetica is loaded.
    font: Buffer.from(fonts.regular) as unknown as string,
    info: { Title: versionName(meta), Creator: "Plenary", Producer: "Plenary" },
    tagged: true,
    lang: "en",
    displayTitle: true,
  });
  const root = doc.struct("Document");
  doc.addStructure(root);
  // The open list of sub-paragraphs, while consecutive bullets are drawn.
  let list: PDFKit.PDFStructureElement | null = null;
  for (const [name, bytes] of Object.entries(fonts)) if (bytes instanceof Uint8Array) doc.registerFont(name, Buffer.from(bytes));
  let cjkRegistered = false;
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });

  // pdfkit re-reads a registered font's file on every doc.font() call, even for the face
  // in use (most of the export's time): switch only when the face changes.
  let current: Face = "regular";
  const font = (face: Face) => {
    if (face !== current) {
      if ((face === "cjk" || face === "cjkBold") && !cjkRegistered) {
        for (const [name, bytes] of Object.entries(fonts.cjk())) doc.registerFont(name, Buffer.from(bytes));
        cjkRegistered = true;
      }
      doc.font(face);
      current = face;
    }
    return doc;
  };
  doc.font("regular");

  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;

  const measure = (text: string, f: Face) => font(f).widthOfString(text);
  /** Lines laid out from the left or right edge, each moved to the middle of `boxWidth`. */
  const centred = (lines: PlacedPiece<Face>[][], boxWidth: number) =>
    lines.map((line) => {
      const start = line[0]?.x ?? 0;
      const end = line.reduce((max, p) => Math.max(max, p.x + measure(p.text, p.face)), start);
      return line.map((p) => ({ ...p, x: p.x - start + (boxWidth - (end - start)) / 2 }));
    });
  /** Lines laid out here (see pdf-lines.ts); leaves doc.y under the last, as pdfkit's text() does. */
  const drawLines = (lines: PlacedPiece<Face>[][], x: number, lineGap: number) => {
    for (const line of lines) {
      const height = Math.max(...line.map((piece) => font(piece.face).currentLineHeight(true))) + lineGap;
      if (doc.y + height > bottom()) doc.continueOnNewPage();
      for (const piece of line) if (piece.text.trim()) font(piece.face).text(piece.text, x + piece.x, doc.y, { lineBreak: false });
      doc.y += height;
    }
  };

  const types = structTypes(paragraphs);
  for (const [index, p] of paragraphs.entries()) {
    const runs = acceptedRuns(p);
    const plain = runs.map((r) => r.text).join("");
    const italic = p.kind === "preambular" ? participleLength(plain) : 0;
    const printed = printedRuns(runs, italic, p.kind === "title" || p.kind === "heading");
    if (!printed.length) continue;
    const size = p.kind === "title" ? 13 : PT;
    const number = printedNumber(p);
    const indentLeft = p.kind === "operative" ? HANG : p.kind === "bullet" ? HANG * 2 : 0;
    const textWidth = width - indentLeft;
    const options = {
      width: textWidth,
      // Ragged right: pdfkit justifies each face change on its own, which opens gaps mid-line.
      align: p.kind === "title" ? ("center" as const) : ("left" as const),
      indent: p.kind === "preambular" ? INDENT : 0,
      lineGap: 2,
    };
    font("regular").fontSize(size);
    // Keep at least two lines of a paragraph on the page its number is printed on.
    if (doc.y + doc.currentLineHeight(true) * 2 > bottom()) doc.addPage();
    if (p.kind === "heading") doc.moveDown(0.4);
    const y = doc.y;
    // A space after the reference and the number (not drawn: pdfkit aligns without trailing
    // space) keeps them words of their own in the text a screen reader or a copy reads.
    const label = () => {
      // The paragraph's reference in the margin (PP3, OP7, 5(a)) where the body does not print it.
      if (print.marginReferences !== false && p.number && p.number !== number) {
        font("regular").fontSize(7.5).fillColor(GREY).text(`${p.number} `, 24, y + 2.5, { width: left - 32, align: "right", lineBreak: false });
      }
      if (number) font("regular").fontSize(size).fillColor("black").text(`${number} `, left + indentLeft - HANG, y, { width: HANG, lineBreak: false });
    };
    const body = () => {
      doc.fillColor("black").fontSize(size);
      doc.x = left + indentLeft;
      doc.y = y;
      // pdfkit lays out a line's words left to right: a line with Arabic words is laid out here.
      const arabic = printed.some((r) => isArabic(r.face));
      if (options.align === "center") {
        const lines = arabic ? centred(bidiLines(printed, textWidth, 0, measure, isArabic, rightToLeft(plain)), textWidth) : centredLines(printed, textWidth, measure);
        return drawLines(lines, left + indentLeft, options.lineGap);
      }
      if (arabic) return drawLines(bidiLines(printed, textWidth, options.indent, measure, isArabic, rightToLeft(plain)), left + indentLeft, options.lineGap);
      // pdfkit takes the layout from the first call of a continued run; later calls only
      // change the face. A space at a face change is kept at the end of the earlier piece.
      printed.forEach((r, i) => {
        const continued = i < printed.length - 1;
        if (i === 0) font(r.face).text(r.text, left + indentLeft, y, { ...options, continued });
        else font(r.face).text(r.text, { continued });
      });
    };
    // A structure element attached to the tree draws its content as it is added, marked as its own.
    if (p.kind === "bullet") {
      if (!list) root.add((list = doc.struct("L")));
      const item = doc.struct("LI");
      list.add(item);
      item.add(doc.struct("Lbl", {}, [label]));
      item.add(doc.struct("LBody", {}, [body]));
      item.end();
    } else {
      list?.end();
      list = null;
      root.add(
        doc.struct(types[index]!, {}, [
          () => {
            label();
            body();
          },
        ]),
      );
    }
    doc.x = left;
    doc.moveDown(p.kind === "title" ? 1.2 : 0.6);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Header and footer sit in the margins; lift the bottom margin so pdfkit adds no page.
    doc.page.margins.bottom = 0;
    font("regular").fontSize(8.5).fillColor(GREY);
    doc.markContent("Artifact", { type: "Pagination" });
    doc.text(heading, left, 40, { width, align: "right", lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, left, doc.page.height - 48, { width, align: "center", lineBreak: false });
    doc.endMarkedContent();
  }
  list?.end();
  root.end();
  doc.end();
  return done;
}
