import JSZip from "jszip";
import mammoth from "mammoth";
import { PlenaryError } from "../lib/errors";
import { DETAIL_LIMITS, MAX_IMPORT_BYTES } from "./import-limits";
import { decodeText } from "../lib/import/decode";
import { numberHeadings } from "../lib/import/heading-numbers";
import { atxHeadingsAsBold, onlyTopHeading, parseStatement } from "../lib/import/parse-statement";
import type { ImportedDocument } from "../lib/model/types";
import { asLine, xmlSafe } from "../lib/validation/text";

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

/**
 * A Word file is a zip: 10 MiB of it can unpack to gigabytes (a "zip bomb"; 71 KiB of
 * repeated paragraphs unpacked to 20 MiB held the event loop for 17 s and 2.3 GB). Its parts
 * are measured while they unpack, and the reading stops at these limits, before mammoth
 * builds a tree of them.
 */
export const MAX_DOCX_UNPACKED_BYTES = 128 * 1024 * 1024;
/** The text part's (word/document.xml) unpacked limit: about five times a 200-page report. */
export const MAX_DOCX_TEXT_BYTES = 16 * 1024 * 1024;
/**
 * Elements (tags) the text part may have. mammoth's tree takes about a kilobyte and 20 µs per
 * element: 24 KiB of empty paragraphs ("<w:p/>" 2.7 million times) took 54 s and 3 GB. A
 * richly formatted page has about a thousand.
 */
export const MAX_DOCX_ELEMENTS = 500_000;
/** Paragraphs a draft may have: far above any negotiated text, far below what would bog the room down. */
export const MAX_IMPORT_BLOCKS = 5_000;

const TEXT_PART = "word/document.xml";

/** An opened Word file: its zip, and its text part read (within the limits). */
interface OpenedDocx {
  zip: JSZip;
  document: string | undefined;
}

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/**
 * Unpacks `file` chunk by chunk, counting; stops past `limit` (its size then is over it).
 * `keep`: the chunks are kept and returned as text.
 */
function unpack(file: JSZip.JSZipObject, limit: number, keep: boolean): Promise<{ size: number; text?: string }> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const stream = file.nodeStream("nodebuffer") as NodeJS.ReadableStream & { destroy(): void };
    stream
      .on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          stream.destroy();
          resolve({ size });
        } else if (keep) chunks.push(chunk);
      })
      .on("error", reject)
      .on("end", () => resolve({ size, text: keep ? Buffer.concat(chunks).toString("utf8") : undefined }));
  });
}

/** Opening tags in XML text (a "<" not starting a closing tag, comment or declaration). */
function countElements(xml: string): number {
  let count = 0;
  for (let i = xml.indexOf("<"); i !== -1; i = xml.indexOf("<", i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next !== 47 /* / */ && next !== 33 /* ! */ && next !== 63 /* ? */) count += 1;
  }
  return count;
}

/** Opens a Word file, refusing one that is not a zip, is damaged, or unpacks past the limits. */
async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw new PlenaryError("bad_request", "this is not a Word (.docx) file");
  const unreadable = (err: unknown) => new PlenaryError("bad_request", "the Word file cannot be read (damaged or not a .docx)", { cause: err });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    throw unreadable(err);
  }
  let total = 0;
  let document: string | undefined;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const isText = file.name === TEXT_PART;
    let part: { size: number; text?: string };
    try {
      part = await unpack(file, Math.min(isText ? MAX_DOCX_TEXT_BYTES : Infinity, MAX_DOCX_UNPACKED_BYTES - total), isText);
    } catch (err) {
      throw unreadable(err);
    }
    if (isText && part.size > MAX_DOCX_TEXT_BYTES) throw new PlenaryError("too_large", `the Word file's text unpacks to more than ${mib(MAX_DOCX_TEXT_BYTES)}; split the draft`);
    total += part.size;
    if (total > MAX_DOCX_UNPACKED_BYTES) throw new PlenaryError("too_large", `the Word file unpacks to more than ${mib(MAX_DOCX_UNPACKED_BYTES)}`);
    if (isText) document = part.text;
  }
  const elements = document ? countElements(document) : 0;
  if (elements > MAX_DOCX_ELEMENTS) {
    throw new PlenaryError("too_large", `the Word file's text has ${elements.toLocaleString("en")} elements; Plenary reads at most ${MAX_DOCX_ELEMENTS.toLocaleString("en")}; split the draft`);
  }
  return { zip, document };
}

/** The file with its numbered headings' numbers written into their text (see numberHeadings). */
async function withHeadingNumbers({ zip, document }: OpenedDocx, bytes: Uint8Array): Promise<Buffer> {
  const [numbering, styles] = await Promise.all(["word/numbering.xml", "word/styles.xml"].map((f) => zip.file(f)?.async("string")));
  if (!document || !numbering) return Buffer.from(bytes);
  const numbered = numberHeadings(document, numbering, styles);
  if (numbered === document) return Buffer.from(bytes);
  return zip.file(TEXT_PART, numbered).generateAsync({ type: "nodebuffer" });
}

/** mammoth's document tree, as far as the title's detection reads it. */
interface MammothElement {
  type: string;
  styleName?: string | null;
  value?: string;
  children?: MammothElement[];
}

const textOf = (e: MammothElement): string => (e.type === "text" ? (e.value ?? "") : (e.children ?? []).map(textOf).join(""));

/**
 * A Word file's text as light Markdown, and its title: the first paragraph in Word's Title
 * style, or else the one paragraph in Heading 1 when it has exactly one (as Plenary's Word
 * export writes the title; the headings above it are bold too). A Title paragraph is a
 * heading of the text too (mammoth knows no Title style of its own).
 */
async function docxText(opened: OpenedDocx, bytes: Uint8Array): Promise<{ text: string; title: string | null }> {
  try {
    const styled: string[] = [];
    const convert = (mammoth as unknown as {
      convertToMarkdown(input: { buffer: Buffer }, options: { styleMap: string[]; transformDocument: (e: MammothElement) => MammothElement }): Promise<{ value: string }>;
    }).convertToMarkdown;
    const { value } = await convert(
      { buffer: await withHeadingNumbers(opened, bytes) },
      {
        styleMap: ["p[style-name='Title'] => h1:fresh"],
        transformDocument: (document) => {
          const visit = (e: MammothElement): void => {
            if (e.type === "paragraph" && e.styleName?.toLowerCase() === "title") styled.push(textOf(e).replace(/\s+/g, " ").trim());
            else (e.children ?? []).forEach(visit);
          };
          visit(document);
          return document;
        },
      },
    );
    const title = styled.find(Boolean) ?? onlyTopHeading(withoutNotes(value).replace(/__(.+?)__/gs, "**$1**"));
    return { text: fromMammothMarkdown(value), title };
  } catch (err) {
    throw new PlenaryError("bad_request", "the Word file cannot be read (damaged or not a .docx)", { cause: err });
  }
}

/** A draft read, and what the chair should know about it (see draftWarnings). */
export interface ReadDraft {
  draft: ImportedDocument;
  warnings: string[];
}

/**
 * Reads a draft (.docx, .md or .txt) into the structured model with the same detection as
 * the seeds; text files in UTF-8 or UTF-16 with a byte order mark (see decodeText). Refuses,
 * with a reason, empty files, files over 10 MiB, Word files that unpack past the limits
 * above, non-Word data named .docx, text in another encoding, files with no text and
 * drafts of more than MAX_IMPORT_BLOCKS paragraphs. Nothing is stored here. The app reads
 * drafts in a worker thread (server/importer.ts).
 */
export async function readDraftWithWarnings(fileName: string, bytes: Uint8Array): Promise<ReadDraft> {
  if (bytes.byteLength === 0) throw new PlenaryError("bad_request", "the file is empty");
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new PlenaryError("too_large", "the file is over the 10 MiB limit");
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  let text: string;
  let warnings: string[] = [];
  let title: string | null = null;
  if (ext === "docx") {
    const opened = await openDocx(bytes);
    ({ text, title } = await docxText(opened, bytes));
    warnings = opened.document ? warningsOf(opened.document) : [];
  } else if (ext === "md" || ext === "txt") text = decodeText(bytes);
  else throw new PlenaryError("bad_request", "import a .docx, .md or .txt file");
  // Characters no stored text may hold (control characters, noncharacters, lone surrogates) are not text.
  text = xmlSafe(text);
  if (!text.trim()) throw new PlenaryError("bad_request", "no text was found in the file");
  const draft = withLineMeta(parseStatement(text, { markdownHeadings: ext === "md", ...(title ? { titleText: xmlSafe(title) } : {}) }));
  if (draft.blocks.length === 0) throw new PlenaryError("bad_request", "no text was found in the file");
  if (draft.blocks.length > MAX_IMPORT_BLOCKS) {
    throw new PlenaryError("too_large", `the draft has ${draft.blocks.length.toLocaleString("en")} paragraphs; a document takes at most ${MAX_IMPORT_BLOCKS.toLocaleString("en")}`);
  }
  return { draft, warnings };
}

/** The metadata read from a file as one-line fields within their limits (see asLine). */
function withLineMeta(draft: ImportedDocument): ImportedDocument {
  const meta = { ...draft.meta };
  for (const key of Object.keys(DETAIL_LIMITS) as (keyof typeof DETAIL_LIMITS)[]) {
    const value = meta[key];
    if (value !== undefined) meta[key] = asLine(value, DETAIL_LIMITS[key]);
  }
  return { ...draft, meta: { ...meta, title: meta.title || "Untitled" } };
}

/** As readDraftWithWarnings, the draft only. */
export async function readDraft(fileName: string, bytes: Uint8Array): Promise<ImportedDocument> {
  return (await readDraftWithWarnings(fileName, bytes)).draft;
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
  const { document } = await openDocx(bytes);
  return document ? warningsOf(document) : [];
}

/** draftWarnings of a Word file's text part. */
function warningsOf(xml: string): string[] {
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
