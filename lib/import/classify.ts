import type { BlockKind, TextRun } from "../model/types";
import { isOperativeLeadIn, startsPreambular } from "./clauses";
import type { Marker } from "./split-blocks";

/** A body block after metadata extraction, with its inline runs parsed. */
export interface BodyBlock {
  runs: TextRun[];
  /** Plain text of the runs. */
  text: string;
  marker: Marker;
  /** A "Place, date" line: kept in the text, shown unnumbered. */
  dateline: boolean;
}

/** Headings are short; a longer line without final punctuation is usually a wrapped sentence. */
const HEADING_MAX = 90;
/** UN cover titles: "Note verbale dated ... from ...", "Letter dated ... addressed to ...". */
const COVER_TITLE = /^(?:Note verbale|Letter|Identical letters) dated\b/;
/** A resolution's chapeau, naming the body that speaks: "The General Assembly,", "The Permanent Council,". */
const CHAPEAU = /^The\s[^,;:.]{1,120},$/;

/** Whether every visible character of the block is bold. */
export function isFullyBold(runs: readonly TextRun[]): boolean {
  return runs.length > 0 && runs.every((r) => r.marks?.includes("bold") || !r.text.trim());
}

function looksLikeHeading(block: BodyBlock): boolean {
  const { text } = block;
  if (isOperativeLeadIn(text)) return true;
  if (isFullyBold(block.runs) && !/[.;]$/.test(text)) return true;
  if (COVER_TITLE.test(text) && !/[.;:]$/.test(text)) return true;
  return text.length <= HEADING_MAX && /^[\p{Lu}\d]/u.test(text) && !/[.,;:!?]$/.test(text);
}

/**
 * Where the operative part of a resolution or decision starts, or -1 if the text does not
 * have that structure. It has it when a preamble of participle-led paragraphs ends in an
 * operative lead-in ("Decides to:") or numbered paragraphs, or when a lead-in is followed
 * by numbered paragraphs. Ordinary statements never qualify, so their "Recognizing ..."
 * paragraphs stay plain paragraphs and a UN report's numbered paragraphs stay paragraphs.
 */
function operativeStart(blocks: readonly BodyBlock[]): number {
  const leadIn = blocks.findIndex((b) => !b.marker && isOperativeLeadIn(b.text));
  const numbered = blocks.findIndex((b) => b.marker === "numbered");
  const start = leadIn < 0 ? numbered : numbered < 0 ? leadIn : Math.min(leadIn, numbered);
  if (start < 0) return -1;
  const preamble = blocks.slice(0, start).some((b) => !b.marker && startsPreambular(b.text));
  return preamble || (leadIn >= 0 && numbered > leadIn) ? start : -1;
}

/**
 * The chapeau ("The General Assembly,"): it names the body that speaks and is not numbered.
 * It is the first line of that form before the preamble or the operative part (a
 * preambular paragraph led by a phrase not in PREAMBULAR_OPENERS may come between), else
 * the line just before them that ends with a comma; -1 without a resolution's structure.
 */
function chapeauIndex(blocks: readonly BodyBlock[], body: number): number {
  if (body < 0) return -1;
  const byForm = blocks.findIndex((b, i) => i < body && !b.marker && CHAPEAU.test(b.text));
  if (byForm >= 0) return byForm;
  return blocks[body - 1] && !blocks[body - 1]!.marker && blocks[body - 1]!.text.endsWith(",") ? body - 1 : -1;
}

/** Block kinds for the body, before the title is chosen. */
export function classifyBlocks(blocks: readonly BodyBlock[]): BlockKind[] {
  const start = operativeStart(blocks);
  const resolution = start >= 0;
  const firstPreambular = resolution ? blocks.findIndex((b, i) => i < start && !b.marker && startsPreambular(b.text)) : -1;
  // Paragraphs labelled PP1. / OP1. give the text a resolution's structure too.
  const labelled = blocks.findIndex((b) => b.marker === "preambular" || b.marker === "operative");
  const body = [firstPreambular, start, labelled].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), Infinity);
  const chapeau = chapeauIndex(blocks, Number.isFinite(body) ? body : -1);
  // In a resolution's preamble every paragraph ends with a comma, whatever phrase leads it
  // ("Acting under Chapter VII of the Charter,"); a heading there does not.
  const preamble = resolution ? (chapeau >= 0 ? chapeau + 1 : firstPreambular) : -1;

  return blocks.map((block, i): BlockKind => {
    if (block.marker === "bullet") return "bullet";
    if (block.marker === "preambular" || block.marker === "operative") return block.marker;
    if (block.marker === "numbered") return resolution ? "operative" : "paragraph";
    if (resolution && i < start && startsPreambular(block.text)) return "preambular";
    if (i === chapeau) return "heading";
    if (preamble >= 0 && i >= preamble && i < start && !block.dateline && block.text.endsWith(",")) return "preambular";
    if (block.dateline || looksLikeHeading(block)) return "heading";
    return "paragraph";
  });
}
