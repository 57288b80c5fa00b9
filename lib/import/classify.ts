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

/** Block kinds for the body, before the title is chosen. */
export function classifyBlocks(blocks: readonly BodyBlock[]): BlockKind[] {
  const start = operativeStart(blocks);
  const resolution = start >= 0;
  const firstPreambular = resolution ? blocks.findIndex((b, i) => i < start && !b.marker && startsPreambular(b.text)) : -1;
  // The chapeau ("The General Assembly,") names the body that speaks; it is not numbered.
  const chapeau = resolution ? (firstPreambular >= 0 ? firstPreambular : start) - 1 : -1;

  return blocks.map((block, i): BlockKind => {
    if (block.marker === "bullet") return "bullet";
    if (block.marker === "preambular" || block.marker === "operative") return block.marker;
    if (block.marker === "numbered") return resolution ? "operative" : "paragraph";
    if (resolution && i < start && startsPreambular(block.text)) return "preambular";
    if (i === chapeau && block.text.endsWith(",")) return "heading";
    if (block.dateline || looksLikeHeading(block)) return "heading";
    return "paragraph";
  });
}
