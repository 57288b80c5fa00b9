import type { TextRun } from "../model/types";
import { acceptedRuns, participleLength, printedRunText } from "./model";

/** The character formatting the Word exports write. */
export interface Style {
  bold: boolean;
  italics: boolean;
}

/** A piece of printed text in one style. */
export interface StyledText extends Style {
  text: string;
}

/** What a paragraph's printed formatting depends on. */
export type Formatted = { kind: string; runs: TextRun[] };

/**
 * A paragraph's printed text (the accepted text, brackets as characters) in pieces, each in
 * the style the Word exports print it: the runs' bold and italic marks, a title in bold, a
 * preambular paragraph's participle ("Noting") in italics.
 */
export function styledText(p: Formatted): StyledText[] {
  const runs = acceptedRuns(p);
  const italicPrefix = p.kind === "preambular" ? participleLength(runs.map((r) => r.text).join("")) : 0;
  let offset = 0;
  const out: StyledText[] = [];
  for (const r of runs) {
    const text = printedRunText(r);
    const start = offset;
    offset += r.text.length;
    const cut = start < italicPrefix ? Math.min(text.length, italicPrefix - start) : 0;
    const style = runStyle(r, p.kind === "title");
    if (cut > 0) out.push({ ...style, text: text.slice(0, cut), italics: true });
    if (cut < text.length) out.push({ ...style, text: text.slice(cut) });
  }
  return out;
}

function runStyle(r: TextRun, bold: boolean): Style {
  const marks = r.marks ?? [];
  return { bold: bold || marks.includes("bold"), italics: marks.includes("italic") };
}
