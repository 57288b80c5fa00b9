import type { Block, DocumentMeta, ImportedDocument } from "../model/types";
import { markBrackets } from "./brackets";
import { classifyBlocks, isFullyBold, type BodyBlock } from "./classify";
import { parseInline, runsText } from "./inline";
import { metaLine } from "./metadata";
import { splitBlocks } from "./split-blocks";

/** Options for {@link parseStatement}. */
export interface ParseOptions {
  /** Block id factory; defaults to `crypto.randomUUID()`. */
  newId?: () => string;
  /**
   * The text is a Markdown file (see fromMarkdownFile): "# Heading" blocks are headings,
   * comments are not text and backslash escapes are undone. Off for plain statements.
   */
  markdownHeadings?: boolean;
  /** The title's text when the file names it (a Word file's one Heading 1); else it is looked for. */
  titleText?: string;
}

/** Symbols and dates count as document metadata only in the first blocks of the text. */
const HEADER_BLOCKS = 10;
/** The bold title is looked for among the first blocks; further down bold lines are headings. */
const TITLE_SEARCH = 8;
/** Shorter bold lines ("Annex", "Introduction") are headings, not the document's title. */
const TITLE_MIN = 20;

type HeaderMeta = Omit<DocumentMeta, "title" | "originalLanguage">;

interface Extracted {
  meta: HeaderMeta;
  body: BodyBlock[];
  /** "Original: X" notes, with the body index they precede. */
  languages: { value: string; at: number }[];
}

/**
 * Takes the header lines out of the text into metadata. The first symbol and the first date
 * near the top, bare language lines ("ENGLISH") and "Original: X" notes are consumed; a
 * "Place, date" line fills place (and date if none yet) but stays in the text, since a
 * statement's dateline can differ from the document's date. A second symbol or date stays too.
 */
function extractMeta(text: string): Extracted {
  const meta: HeaderMeta = {};
  const body: BodyBlock[] = [];
  const languages: Extracted["languages"] = [];
  splitBlocks(text).forEach((raw, index) => {
    const literal = parseInline(raw.markdown);
    // Header lines are recognised as written ("[Original: Russian]"), the body's brackets as marks.
    const line = raw.marker ? null : metaLine(runsText(literal));
    const runs = markBrackets(literal);
    const block: BodyBlock = { runs, text: runsText(runs), marker: raw.marker, dateline: false };
    const header = index < HEADER_BLOCKS;
    switch (line?.kind) {
      case "original":
        languages.push({ value: line.value, at: body.length });
        return;
      case "language":
        if (header) return;
        break;
      case "symbol":
        if (header && !meta.symbol) {
          meta.symbol = line.value;
          return;
        }
        break;
      case "date":
        if (header && !meta.date) {
          meta.date = line.value;
          return;
        }
        break;
      case "place-date":
        block.dateline = true;
        if (header) {
          meta.place ??= line.place;
          meta.date ??= line.date;
        }
        break;
    }
    body.push(block);
  });
  return { meta, body, languages };
}

/**
 * The title: the first long, fully bold heading near the top; failing that, the first
 * substantive line (a heading or paragraph that is neither a dateline nor a salutation).
 */
function findTitle(body: readonly BodyBlock[], kinds: readonly string[]): number {
  const bold = body.findIndex(
    (b, i) => i < TITLE_SEARCH && kinds[i] === "heading" && !b.dateline && isFullyBold(b.runs) && b.text.length >= TITLE_MIN,
  );
  if (bold >= 0) return bold;
  return body.findIndex((b, i) => (kinds[i] === "heading" || kinds[i] === "paragraph") && !b.dateline && !b.text.endsWith(","));
}

/**
 * The original language: the note that follows the title (an annexed statement's
 * "[Original: Russian]" describes the text the title names), else the first note.
 */
function originalLanguage(languages: Extracted["languages"], titleIndex: number): string | undefined {
  return (languages.find((l) => l.at > titleIndex) ?? languages[0])?.value;
}

/** OSCE Ministerial Council decisions are issued as MC.DEC/<number>/<year>. */
function osceDecisionSymbol(body: readonly BodyBlock[]): string | undefined {
  const decision = body.map((b) => /^DECISION No\. (\d{1,3}\/\d{2})$/.exec(b.text)?.[1]).find(Boolean);
  const council = body.some((b) => b.text.includes("Ministerial Council"));
  return decision && council ? `MC.DEC/${decision}` : undefined;
}

/**
 * Markdown headings ("# Draft resolution", and Word's heading styles, which mammoth writes
 * so) as the bold lines statements use for their title and headings: the marker itself is
 * not text. Only a block of its own (blank lines around it) is a heading: a wrapped line
 * that happens to start with "# 5 of the annex" stays text.
 */
export function atxHeadingsAsBold(text: string): string {
  return text
    .split(/(\n[ \t]*\n)/)
    .map((block) => {
      const m = /^[ \t]*#{1,6}[ \t]+([^\n]+?)(?:[ \t]+#+)?[ \t]*$/.exec(block);
      return m ? `**${m[1]!.replace(/^\*\*(.*)\*\*$/, "$1")}**` : block;
    })
    .join("");
}

/** CommonMark's backslash escapes: a backslash before ASCII punctuation shows that character. */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
/** An HTML comment: nothing a CommonMark reader shows. */
const COMMENT = /<!--[\s\S]*?-->/g;

/**
 * A Markdown file's text as the statement parser reads it, so that what a CommonMark reader
 * shows is what comes in (a file Plenary exported reads back as its text): comments are not
 * text (the export's first line is one); headings become bold lines (atxHeadingsAsBold,
 * before the escapes are undone: "Item 5 \#" keeps its "#"); the `<strong>` and `<em>` the
 * export writes where asterisks would not hold become asterisks; and each backslash escape
 * becomes its character, except "\*", which the inline parser reads as a literal asterisk.
 */
export function fromMarkdownFile(text: string): string {
  return atxHeadingsAsBold(text.replace(COMMENT, ""))
    .replace(/(?<!\\)<(\/?)(strong|em)>/g, (_, _close: string, tag: string) => (tag === "strong" ? "**" : "*"))
    .replace(ESCAPED, (escape: string, c: string) => (c === "*" ? escape : c));
}

/** The plain text of a Markdown file's "# " heading when it has exactly one (null otherwise). */
export function onlyTopHeading(markdown: string): string | null {
  const found = [...markdown.replace(COMMENT, "").matchAll(/^[ \t]{0,3}#[ \t]+([^\n]*?)(?:[ \t]+#+)?[ \t]*$/gm)];
  if (found.length !== 1) return null;
  return found[0]![1]!
    .replace(/(?<!\\)<\/?(?:strong|em)>|(?<!\\)\*+/g, "")
    .replace(ESCAPED, "$1")
    .trim();
}

/**
 * Parses a statement's plain text (light Markdown: `**bold**`, `*italic*`, "- " / "• "
 * bullets, blank-line paragraphs) into the document model: a title, headings, preambular
 * and operative paragraphs (only where the text has a resolution's structure; operative
 * numbers are stripped, since numbers are computed), plain paragraphs and bullets, with
 * "[bracketed language]" as the bracket mark (see markBrackets), plus the header metadata
 * (symbol, date, place, original language). No sentence of the body is dropped; only pure
 * metadata lines are, and the bracket characters the mark stands for.
 */
export function parseStatement(text: string, options: ParseOptions = {}): ImportedDocument {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const { meta, body, languages } = extractMeta(options.markdownHeadings ? fromMarkdownFile(text) : text);
  const kinds = classifyBlocks(body);
  // A Markdown file's one "# " heading is its title (Plenary's export writes the title so).
  const h1 = options.titleText ?? (options.markdownHeadings ? onlyTopHeading(text) : null);
  const named = h1 === null ? -1 : body.findIndex((b) => b.text.trim() === h1);
  const titleIndex = named >= 0 ? named : findTitle(body, kinds);
  if (titleIndex >= 0) kinds[titleIndex] = "title";

  const language = originalLanguage(languages, titleIndex);
  const symbol = meta.symbol ?? osceDecisionSymbol(body);
  const documentMeta: DocumentMeta = {
    title: body[titleIndex]?.text ?? "Untitled",
    ...meta,
    ...(symbol ? { symbol } : {}),
    ...(language ? { originalLanguage: language } : {}),
  };
  const blocks = body.map((b, i): Block => ({ id: newId(), kind: kinds[i] ?? "paragraph", runs: b.runs }));
  return { meta: documentMeta, blocks };
}
