import DiffMatchPatch from "diff-match-patch";

/** A diff-match-patch op: -1 deleted, 0 equal, 1 inserted. */
export type DiffOp = [-1 | 0 | 1, string];

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const TOKEN = /\s+|[\p{L}\p{N}][\p{L}\p{N}'’\-/.]*[\p{L}\p{N}]|[\p{L}\p{N}]|[^\s\p{L}\p{N}]/gu;
/** Unchanged runs of fewer tokens than this (a word and its spaces) between edits are folded into them. */
const WORD_EDIT_COST = 4;
/** Characters available to stand for tokens (diff-match-patch works on UTF-16 code units). */
const MAX_TOKENS = 65_535;

function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Maps each distinct token to one character, as diff_linesToChars_ does for lines. */
function encode(a: string[], b: string[]): { a: string; b: string; table: string[] } | null {
  const table: string[] = [""];
  const index = new Map<string, number>();
  const enc = (tokens: string[]) => {
    let out = "";
    for (const t of tokens) {
      let i = index.get(t);
      if (i === undefined) {
        i = table.length;
        if (i > MAX_TOKENS) return null;
        table.push(t);
        index.set(t, i);
      }
      out += String.fromCharCode(i);
    }
    return out;
  };
  const ea = enc(a);
  const eb = ea === null ? null : enc(b);
  return ea === null || eb === null ? null : { a: ea, b: eb, table };
}

/**
 * A lone insertion or deletion whose place is ambiguous ("with the UN Charter and the" less
 * "UN Charter and the ", or "the UN Charter and ") is put as far left as it goes, then past a
 * leading space, so the same edit always reads the same way and starts at a word. In token
 * space: one character per token; `space` tells the whitespace tokens.
 */
function slideLeft(diffs: [number, string][], space: (token: string) => boolean): void {
  for (let i = 1; i < diffs.length; i++) {
    const prev = diffs[i - 1]!;
    const edit = diffs[i]!;
    if (prev[0] !== 0 || edit[0] === 0 || (diffs[i + 1] && diffs[i + 1]![0] !== 0)) continue;
    if (!diffs[i + 1]) diffs.push([0, ""]);
    const next = diffs[i + 1]!;
    while (prev[1].length > 0 && prev[1].at(-1) === edit[1].at(-1)) {
      const token = prev[1].slice(-1);
      prev[1] = prev[1].slice(0, -1);
      edit[1] = token + edit[1].slice(0, -1);
      next[1] = token + next[1];
    }
    while (space(edit[1].slice(0, 1)) && next[1].slice(0, 1) === edit[1].slice(0, 1)) {
      prev[1] += edit[1].slice(0, 1);
      edit[1] = edit[1].slice(1) + next[1].slice(0, 1);
      next[1] = next[1].slice(1);
    }
  }
  for (let i = diffs.length - 1; i >= 0; i--) if (diffs[i]![1] === "") diffs.splice(i, 1);
}

export interface WordDiff {
  ops: DiffOp[];
  /** diff-match-patch gave up at its deadline: the diff is valid but not minimal. */
  truncated: boolean;
  level: "word" | "character";
}

function run(dmp: DiffMatchPatch, a: string, b: string, timeoutSeconds: number): { diffs: DiffOp[]; truncated: boolean } {
  const started = Date.now();
  const diffs = dmp.diff_main(a, b, false) as DiffOp[];
  const truncated = timeoutSeconds > 0 && Date.now() - started >= timeoutSeconds * 1000;
  return { diffs, truncated };
}

/**
 * Word-level diff of two paragraphs: words are mapped to characters so diff-match-patch
 * never splits a word, semantic cleanup runs in word space; scripts written without spaces
 * (Chinese, Japanese, Korean) and paragraphs with too many distinct words are diffed by
 * character. Reports when diff-match-patch hit its timeout.
 */
export function wordDiff(from: string, to: string, timeoutSeconds = 1): WordDiff {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = timeoutSeconds;
  const encoded = CJK.test(from + to) ? null : encode(tokenize(from), tokenize(to));
  if (!encoded) {
    const { diffs, truncated } = run(dmp, from, to, timeoutSeconds);
    dmp.diff_cleanupSemantic(diffs);
    return { ops: diffs, truncated, level: "character" };
  }
  const { diffs, truncated } = run(dmp, encoded.a, encoded.b, timeoutSeconds);
  // Not diff_cleanupSemantic: between two long edits it folds an unchanged phrase of any
  // length into them (shown struck and inserted again, as if that language had been cut and
  // restored). Only equalities shorter than WORD_EDIT_COST tokens (" the ", ", ") are folded.
  dmp.Diff_EditCost = WORD_EDIT_COST;
  dmp.diff_cleanupEfficiency(diffs);
  slideLeft(diffs, (token) => token !== "" && /^\s+$/.test(encoded.table[token.charCodeAt(0)] ?? ""));
  const ops: DiffOp[] = [];
  for (const [op, chars] of diffs) {
    let text = "";
    for (let i = 0; i < chars.length; i++) text += encoded.table[chars.charCodeAt(i)] ?? "";
    const last = ops.at(-1);
    if (last && last[0] === op) last[1] += text;
    else if (text) ops.push([op, text]);
  }
  return { ops, truncated, level: "word" };
}

/** Dice coefficient over word sets: 1 for the same words, 0 for none in common. */
export function similarity(a: string, b: string): number {
  return setSimilarity(wordSet(a), wordSet(b), a === b);
}

/**
 * `similarity` of two texts' word sets (`wordSet`), read once per paragraph when many pairs
 * are scored; `sameText`: whether the texts are equal (two texts without words are alike only
 * then).
 */
export function setSimilarity(wa: ReadonlySet<string>, wb: ReadonlySet<string>, sameText: boolean): number {
  if (wa.size === 0 && wb.size === 0) return sameText ? 1 : 0;
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  let common = 0;
  for (const w of small) if (large.has(w)) common += 1;
  return (2 * common) / (wa.size + wb.size);
}

/** The distinct words of a text, lower-cased. */
export function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}
