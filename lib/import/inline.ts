import type { ImportMark, TextRun } from "../model/types";

/**
 * Parses light Markdown emphasis (`**bold**`, `*italic*`, nested) into runs. Adjacent runs
 * with the same marks are merged; empty runs dropped; marks sorted (bold before italic).
 */
export function parseInline(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let bold = false;
  let italic = false;
  let buffer = "";
  const flush = () => {
    if (!buffer) return;
    const marks: ImportMark[] = [];
    if (bold) marks.push("bold");
    if (italic) marks.push("italic");
    pushRun(runs, marks.length ? { text: buffer, marks } : { text: buffer });
    buffer = "";
  };
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith("**", i)) {
      flush();
      bold = !bold;
      i += 1;
    } else if (text[i] === "*") {
      flush();
      italic = !italic;
    } else {
      buffer += text[i];
    }
  }
  flush();
  return trimRuns(runs);
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return (a.marks ?? []).join() === (b.marks ?? []).join();
}

function pushRun(runs: TextRun[], run: TextRun): void {
  const last = runs.at(-1);
  if (last && sameMarks(last, run)) last.text += run.text;
  else runs.push(run);
}

/** Trims the block's leading and trailing whitespace across runs. */
function trimRuns(runs: TextRun[]): TextRun[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && !(out[0]!.text = out[0]!.text.replace(/^\s+/, ""))) out.shift();
  while (out.length && !(out.at(-1)!.text = out.at(-1)!.text.replace(/\s+$/, ""))) out.pop();
  return out;
}

/** Plain text of a Markdown fragment (emphasis markers removed). */
export function plainText(markdown: string): string {
  return markdown.replace(/\*+/g, "").replace(/\s+/g, " ").trim();
}

/** Plain text of runs. */
export function runsText(runs: readonly TextRun[]): string {
  return runs.map((r) => r.text).join("");
}
