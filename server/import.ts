import JSZip from "jszip";
import mammoth from "mammoth";
import { PlenaryError } from "../lib/errors";
import { decodeText } from "../lib/import/decode";
import { numberHeadings } from "../lib/import/heading-numbers";
import { atxHeadingsAsBold, parseStatement } from "../lib/import/parse-statement";
import type { ImportedDocument } from "../lib/model/types";

/** Largest draft accepted for import. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** mammoth's list of footnotes and endnotes, after the body: "1. <a id="footnote-1"></a>See …". */
const NOTES_LIST = /^\d+\. <a id="(?:footnote|endnote)-[^"]*"><\/a>/m;
/** A note's reference in the text, as mammoth escapes it: "[\[1\]](\#footnote\-1)". */
const NOTE_REF = /\[\\\[[^\]]*\\\]\]\(\\#(?:footnote|endnote)\\-[^)]*\)/g;

/**
 * Footnotes and endnotes are not part of the negotiated text: their reference markers go, and
 * so does the list of notes, which would otherwise be read as numbered (operative) paragraphs.
 * The chair is told they were left out (see {@link draftWarnings}).
 */
function withoutNotes(md: string): string {
  const notes = NOTES_LIST.exec(md);
  return (notes ? md.slice(0, notes.index) : md).replace(NOTE_REF, "");
}

/**
 * mammoth's links "[words](href)" and images "![alt](src)". Their words are text the
 * document prints; the addresses (an image's is its whole file, base64) are not. The
 * document's own brackets are escaped ("\\["), so an unescaped one is mammoth's syntax.
 */
const LINK = /(!?)\[((?:\\.|[^\]\\])*)\]\((?:\\.|[^)\\])*\)/g;

/** mammoth writes __bold__ and escapes punctuation; the importer reads **bold** and plain text. */
function fromMammothMarkdown(md: string): string {
  // Headings first, while a literal "#" that starts a paragraph is still escaped ("\#").
  return (
    atxHeadingsAsBold(withoutNotes(md))
      .replace(LINK, (_, image: string, words: string) => (image ? "" : words))
      .replace(/__(.+?)__/gs, "**$1**")
      // "\\" is mammoth's escaped backslash; "\*" stays escaped for parseInline (a literal asterisk).
      .replace(/\\([\\.\-()#!+_`>[\]{}])/g, "$1")
      .replace(/<a id="[^"]*"><\/a>/g, "")
  );
}

/** The file with its numbered headings' numbers written into their text (see numberHeadings). */
async function withHeadingNumbers(bytes: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const [document, numbering, styles] = await Promise.all(["word/document.xml", "word/numbering.xml", "word/styles.xml"].map((f) => zip.file(f)?.async("string")));
  if (!document || !numbering) return Buffer.from(bytes);
  const numbered = numberHeadings(document, numbering, styles);
  if (numbered === document) return Buffer.from(bytes);
  return zip.file("word/document.xml", numbered).generateAsync({ type: "nodebuffer" });
}

async function docxText(bytes: Uint8Array): Promise<string> {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw new PlenaryError("bad_request", "this is not a Word (.docx) file");
  try {
    const { value } = await (mammoth as unknown as { convertToMarkdown(input: { buffer: Buffer }): Promise<{ value: string }> }).convertToMarkdown({
      buffer: await withHeadingNumbers(bytes),
    });
    return fromMammothMarkdown(value);
  } catch (err) {
    throw new PlenaryError("bad_request", "the Word file cannot be read (damaged or not a .docx)", { cause: err });
  }
}

/**
 * Reads a draft (.docx, .md or .txt) into the structured model with the same detection as
 * the seeds; text files in UTF-8 or UTF-16 with a byte order mark (see decodeText). Refuses,
 * with a reason, empty files, files over 10 MiB, non-Word data named .docx, text in another
 * encoding, and files with no text. Nothing is stored here.
 */
export async function readDraft(fileName: string, bytes: Uint8Array): Promise<ImportedDocument> {
  if (bytes.byteLength === 0) throw new PlenaryError("bad_request", "the file is empty");
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new PlenaryError("too_large", "the file is over the 10 MiB limit");
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  let text: string;
  if (ext === "docx") text = await docxText(bytes);
  else if (ext === "md" || ext === "txt") text = decodeText(bytes);
  else throw new PlenaryError("bad_request", "import a .docx, .md or .txt file");
  if (!text.trim()) throw new PlenaryError("bad_request", "no text was found in the file");
  const doc = parseStatement(text, { markdownHeadings: ext === "md" });
  if (doc.blocks.length === 0) throw new PlenaryError("bad_request", "no text was found in the file");
  return doc;
}

/** Word's revision marks: insertions, deletions and moves not yet accepted or rejected. */
const TRACKED_CHANGE = /<w:(?:ins|del|moveFrom|moveTo)\b/;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What the chair should know before creating a document from a Word file, in plain words:
 * tracked changes it still had (mammoth reads them as accepted: insertions kept, deletions
 * dropped), tables (their cells come in as paragraphs), list items below the sub-paragraphs'
 * level (lettered with them) and the footnotes and endnotes that were left out. Nothing for
 * .md and .txt.
 */
export async function draftWarnings(fileName: string, bytes: Uint8Array): Promise<string[]> {
  if (!/\.docx$/i.test(fileName)) return [];
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string");
  } catch (err) {
    throw new PlenaryError("bad_request", "the Word file cannot be read (damaged or not a .docx)", { cause: err });
  }
  if (!xml) return [];
  const warnings: string[] = [];
  if (TRACKED_CHANGE.test(xml)) warnings.push("The file had tracked changes: they were imported as accepted. Check the text.");
  const footnotes = xml.match(/<w:footnoteReference\b/g)?.length ?? 0;
  const endnotes = xml.match(/<w:endnoteReference\b/g)?.length ?? 0;
  // The model has no tables: mammoth writes each cell as a paragraph, and one that reads as a sentence takes a number.
  const tables = xml.match(/<w:tbl\b/g)?.length ?? 0;
  if (tables) {
    warnings.push(
      `The file had ${plural(tables, "table", "tables")}: each of its cells came in as a paragraph of its own, and a cell that reads as a paragraph is numbered. Check their kinds and the numbering after them.`,
    );
  }
  // The model has one level of sub-paragraphs: a third level's items are lettered with the second's.
  const deeper = [...xml.matchAll(/<w:p\b(?:[^>]*[^/])?>[\s\S]*?<\/w:p>/g)].filter(
    ([p]) => Number(/<w:ilvl w:val="(\d+)"/.exec(p)?.[1] ?? "0") >= 2 && !/<w:pStyle w:val="(?:[Hh]eading\s*\d|Title)"/.test(p),
  ).length;
  if (deeper) {
    warnings.push(
      `${plural(deeper, "paragraph was", "paragraphs were")} numbered a level below sub-paragraphs ((i), (ii) under (a)): Plenary has one level of sub-paragraphs, so they came in lettered after the sub-paragraphs above them. Check their letters.`,
    );
  }
  if (footnotes) warnings.push(`${plural(footnotes, "footnote was", "footnotes were")} left out.`);
  if (endnotes) warnings.push(`${plural(endnotes, "endnote was", "endnotes were")} left out.`);
  return warnings;
}
