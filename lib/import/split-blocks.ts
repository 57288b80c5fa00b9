import { startsPreambular } from "./clauses";
import { hasOpenEmphasis, plainText } from "./inline";
import { metaLine } from "./metadata";

/**
 * How the source marked a block: a list item, a numbered paragraph, a paragraph labelled
 * "PP1." / "OP2." as working drafts often are, or nothing.
 */
export type Marker = "bullet" | "numbered" | "preambular" | "operative" | null;

/** One block of source Markdown, its list or number marker already removed. */
export interface RawBlock {
  markdown: string;
  marker: Marker;
}

/**
 * "- ", "• ", "* " and UN subparagraph letters "(a) ", "(ii) ", or both ("- (a) ", as a
 * Markdown export prints a lettered subparagraph): the letters are computed, not text.
 */
const BULLET = /^(?:[-•*]\s+(?:\((?:[a-z]{1,2}|[ivx]{1,5})\)\s+)?|\((?:[a-z]{1,2}|[ivx]{1,5})\)\s+)/;
const NUMBERED = /^\d{1,3}\.\s+/;
/** "PP3. ", "OP 12) ", "**OP1.** ": a label the numbering computes again. */
const LABELLED = /^(?:\*\*)?(PP|OP)[ \t]?\d{1,3}[.):]?(?:\*\*)?\s+(?=\S)/i;
/** A list item's marker: "a. ", "b) ", "ii. ", "1. ", "- ", "(a) ". Nested under an item, it is a subparagraph. */
const SUBITEM = /^(?:(?:[a-z]{1,2}|[ivx]{1,5}|\d{1,3})[.)]|[-•*+]|\((?:[a-z]{1,2}|[ivx]{1,5})\))\s+(?=\S)/;
/** Indented at least this much further than its list item, a line is nested in it (Markdown needs 2+). */
const NEST_MIN = 2;
/** A Markdown thematic break ("---", "* * *"): a separator, not text. */
const RULE = /^(?:[-*_]\s*){3,}$/;
/** "Annex**Joint statement ...**": a label glued to the bold title that follows it. */
const GLUED_LABEL = /^((?:Annex|Appendix|Enclosure|Attachment)(?:\s+(?:[IVXLC]+|\d+|[A-Z]))?)(\*\*\S.*)$/;
/** Words a line cannot end on unless the sentence goes on to the next line. */
const DANGLING = /(?:\b(?:a|an|and|as|at|by|for|from|in|its|of|on|or|our|that|the|their|to|which|with)|[-–,(])$/;
/** Lines at least this long, followed by more text, are taken for hard-wrapped prose. */
const WRAP_MIN = 50;

/**
 * Whether the next line continues the paragraph of the previous one. Blank lines always
 * separate paragraphs; without one, short header lines ("DECISION No. 5/17", a symbol, a
 * date) stand alone while hard-wrapped prose and wrapped emphasis spans are joined. A hard
 * line break (Markdown's two trailing spaces, Word's Shift+Enter as mammoth writes it) sets
 * header lines apart, but inside a numbered paragraph or a list item the text goes on: read
 * as a paragraph of its own it took a number, and every paragraph after it the wrong one.
 */
function continues(current: readonly string[], previous: string, next: string, hardBreak: boolean, marker: Marker): boolean {
  if (hasOpenEmphasis(current.join(" "))) return true;
  if (hardBreak) return marker !== null;
  const prev = plainText(previous);
  const text = plainText(next);
  if (metaLine(prev) || metaLine(text)) return false;
  // "The Council,\nNoting ..." without a blank line: a new preambular paragraph.
  if (/[.,;:]$/.test(prev) && startsPreambular(text)) return false;
  if (/^\p{Ll}/u.test(text) || DANGLING.test(prev)) return true;
  return prev.length >= WRAP_MIN;
}

/** Width of a line's leading whitespace, a tab counting as four columns as in Markdown. */
function indentOf(line: string): number {
  return (/^[ \t]*/.exec(line)?.[0] ?? "").replace(/\t/g, "    ").length;
}

/**
 * Splits statement text into raw blocks. Blank lines separate paragraphs; each list item
 * or numbered paragraph starts a block (its marker stripped); items nested under one
 * ("2. Encourages …" then an indented "a. within three months;") are subparagraphs of their
 * own (bullets), never merged into it nor numbered as the next paragraph; wrapped lines of
 * one paragraph are joined with a single space.
 */
export function splitBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let lines: string[] = [];
  let marker: Marker = null;
  let hardBreak = false;
  // Indent of the list item or numbered paragraph that lines may be nested in.
  let listIndent: number | null = null;
  const flush = () => {
    // Only ASCII whitespace collapses: a no-break space in "No. 5/17" is deliberate.
    const markdown = lines.join(" ").replace(/[ \t\r\n]+/g, " ").trim();
    if (plainText(markdown)) blocks.push({ markdown, marker });
    lines = [];
    marker = null;
  };
  const start = (line: string, lineMarker: Marker) => {
    flush();
    lines.push(line);
    marker = lineMarker;
  };

  for (const rawLine of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.trim();
    const breaksAfter = / {2,}$/.test(rawLine);
    const glued = GLUED_LABEL.exec(line);
    const indent = indentOf(rawLine);
    const nested = listIndent !== null && indent >= listIndent + NEST_MIN && SUBITEM.test(line);
    const item = BULLET.test(line) || LABELLED.test(line) || NUMBERED.test(line);
    if (line && !nested && item) listIndent = indent;
    // As in Markdown, a blank line ends the paragraph even inside an unclosed emphasis span.
    if (!line || RULE.test(line)) {
      flush();
    } else if (nested) {
      start(line.replace(SUBITEM, ""), "bullet");
    } else if (glued?.[1] && glued[2]) {
      start(glued[1], null);
      start(glued[2], null);
    } else if (BULLET.test(line)) {
      start(line.replace(BULLET, ""), "bullet");
    } else if (LABELLED.test(line)) {
      start(line.replace(LABELLED, ""), /^(?:\*\*)?PP/i.test(line) ? "preambular" : "operative");
    } else if (NUMBERED.test(line)) {
      start(line.replace(NUMBERED, ""), "numbered");
    } else if (lines.length > 0 && continues(lines, lines.at(-1) ?? "", line, hardBreak, marker)) {
      lines.push(line);
    } else {
      start(line, null);
      // A paragraph indented under the item (Markdown's loose list) keeps its sub-items nested.
      if (listIndent !== null && indent < listIndent + NEST_MIN) listIndent = null;
    }
    hardBreak = breaksAfter;
  }
  flush();
  return blocks;
}
