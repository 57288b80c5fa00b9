import type { ImportMark, TextRun } from "../model/types";

interface OpenEvent {
  type: "open";
  mark: ImportMark;
  /** Set once a closing delimiter pairs with it; unpaired openers print as literal asterisks. */
  matched: boolean;
}
type InlineEvent = { type: "text"; text: string } | OpenEvent | { type: "close"; mark: ImportMark };

const WHITESPACE = /\s/;

function delimiterSize(mark: ImportMark): number {
  return mark === "bold" ? 2 : 1;
}

/**
 * Pairs `*` / `**` delimiters the way CommonMark does in the cases statements use: a run
 * can open if followed by non-space and close if preceded by non-space; a closer matches
 * the innermost open span. Anything unpaired stays literal, so a footnote asterisk
 * ("Chair*") is kept rather than swallowing the rest of the paragraph into italics.
 */
function tokenize(markdown: string): InlineEvent[] {
  const events: InlineEvent[] = [];
  const stack: OpenEvent[] = [];
  let text = "";
  const flushText = () => {
    if (text) events.push({ type: "text", text });
    text = "";
  };
  let i = 0;
  while (i < markdown.length) {
    const ch = markdown.charAt(i);
    if (ch === "\\" && markdown.charAt(i + 1) === "*") {
      text += "*";
      i += 2;
      continue;
    }
    if (ch !== "*") {
      text += ch;
      i += 1;
      continue;
    }
    let end = i;
    while (markdown.charAt(end) === "*") end += 1;
    const before = markdown.charAt(i - 1);
    const after = markdown.charAt(end);
    let remaining = end - i;
    flushText();
    if (before && !WHITESPACE.test(before)) {
      for (let top = stack.at(-1); top && delimiterSize(top.mark) <= remaining; top = stack.at(-1)) {
        stack.pop();
        top.matched = true;
        events.push({ type: "close", mark: top.mark });
        remaining -= delimiterSize(top.mark);
      }
    }
    if (after && !WHITESPACE.test(after)) {
      // "***" opens bold then italic, so bold is the outer span.
      for (; remaining > 0; remaining -= remaining >= 2 ? 2 : 1) {
        const open: OpenEvent = { type: "open", mark: remaining >= 2 ? "bold" : "italic", matched: false };
        events.push(open);
        stack.push(open);
      }
    }
    text += "*".repeat(remaining);
    i = end;
  }
  flushText();
  return events;
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return (a.marks ?? []).join() === (b.marks ?? []).join();
}

function pushRun(runs: TextRun[], run: TextRun): void {
  if (!run.text) return;
  const last = runs.at(-1);
  if (last && sameMarks(last, run)) last.text += run.text;
  else runs.push(run);
}

/** Trims the block's leading and trailing whitespace across runs, dropping runs left empty. */
function trimRuns(runs: TextRun[]): TextRun[] {
  const out = runs.map((r) => ({ ...r }));
  while (out[0] && !(out[0].text = out[0].text.trimStart())) out.shift();
  for (let last = out.at(-1); last && !(last.text = last.text.trimEnd()); last = out.at(-1)) out.pop();
  return out;
}

/**
 * Parses light Markdown emphasis (`**bold**`, `*italic*`, nested either way) into runs:
 * adjacent runs with the same marks merged, no empty runs, marks sorted (bold before
 * italic) and omitted when empty, text trimmed at both ends of the block.
 */
export function parseInline(markdown: string): TextRun[] {
  const depth: Record<ImportMark, number> = { bold: 0, italic: 0 };
  const runs: TextRun[] = [];
  for (const event of tokenize(markdown)) {
    if (event.type === "open" && event.matched) {
      depth[event.mark] += 1;
      continue;
    }
    if (event.type === "close") {
      depth[event.mark] -= 1;
      continue;
    }
    const text = event.type === "text" ? event.text : "*".repeat(delimiterSize(event.mark));
    const marks: ImportMark[] = [];
    if (depth.bold > 0) marks.push("bold");
    if (depth.italic > 0) marks.push("italic");
    pushRun(runs, marks.length ? { text, marks } : { text });
  }
  return trimRuns(runs);
}

/**
 * Whether an emphasis span opened in this fragment is still waiting for its closer, i.e.
 * the paragraph must go on past the line break ("**A title\nwrapped over lines**").
 */
export function hasOpenEmphasis(markdown: string): boolean {
  return tokenize(markdown).some((e) => e.type === "open" && !e.matched);
}

/** Plain text of runs. */
export function runsText(runs: readonly TextRun[]): string {
  return runs.map((r) => r.text).join("");
}

/** Plain text of a Markdown fragment: emphasis delimiters removed, ends trimmed. */
export function plainText(markdown: string): string {
  return runsText(parseInline(markdown));
}
