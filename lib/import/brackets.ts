import type { RunMark, TextRun } from "../model/types";

/**
 * Square brackets that are not negotiation brackets, kept as characters: a note reference
 * ("[1]", "[*]"), a letter changed in a quotation ("[t]he") or a lettered note ("[a]"), an
 * ellipsis of omitted text ("[…]", "[...]", "[. . .]"), an editor's remark ("[sic]",
 * "[emphasis added]"), and nothing at all ("[ ]").
 */
const NOT_NEGOTIATION = /^\s*(?:[\d*†‡§]+|\p{L}|…|\.\s?\.\s?\.|sic!?|emphasis (?:added|in original)|)\s*$/iu;

interface Span {
  open: number;
  close: number;
}

/** Balanced bracket pairs of the text, outermost first (by where they open). */
function pairs(text: string): Span[] {
  const found: Span[] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "[") stack.push(i);
    else if (text[i] === "]" && stack.length) found.push({ open: stack.pop()!, close: i });
  }
  return found.sort((a, b) => a.open - b.open);
}

/**
 * The spans read as bracketed language: balanced pairs that are not one of the literal
 * uses above nor a Markdown link ("[text](url)"), and not inside another bracketed span
 * (its brackets stay characters within the mark: "[a [b] c]" prints back as it came).
 * Two spans that touch ("[a][b]") stay literal: one mark cannot show where one ends.
 */
function bracketedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const p of pairs(text)) {
    if (spans.some((s) => p.open > s.open && p.close < s.close)) continue;
    if (NOT_NEGOTIATION.test(text.slice(p.open + 1, p.close)) || text[p.close + 1] === "(") continue;
    spans.push(p);
  }
  return spans.filter((s, i) => spans[i - 1]?.close !== s.open - 1 && spans[i + 1]?.open !== s.close + 1);
}

/**
 * A paragraph's runs with its square-bracketed language ("to [further develop] the rules")
 * as the bracket mark the editor and the exports use, the bracket characters dropped (the
 * exports print them back); other marks are kept and marks stay sorted. Brackets left open
 * or closed within the paragraph, and brackets that are not negotiation brackets (see
 * NOT_NEGOTIATION), stay text.
 */
export function markBrackets(runs: readonly TextRun[]): TextRun[] {
  const text = runs.map((r) => r.text).join("");
  const spans = bracketedSpans(text);
  if (!spans.length) return runs.map((r) => ({ ...r }));
  const out: TextRun[] = [];
  let offset = 0;
  for (const run of runs) {
    for (let i = 0; i < run.text.length; i++) {
      const at = offset + i;
      if (spans.some((s) => at === s.open || at === s.close)) continue;
      const bracketed = spans.some((s) => at > s.open && at < s.close);
      const marks: RunMark[] = [...(run.marks ?? []), ...(bracketed ? (["bracket"] as const) : [])].sort();
      const last = out.at(-1);
      if (last && (last.marks ?? []).join() === marks.join()) last.text += run.text[i];
      else out.push(marks.length ? { text: run.text[i]!, marks } : { text: run.text[i]! });
    }
    offset += run.text.length;
  }
  return out;
}
