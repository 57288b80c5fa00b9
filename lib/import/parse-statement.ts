import type { Block, BlockKind, DocumentMeta, ImportedDocument, TextRun } from "../model/types";
import { parseInline, plainText, runsText } from "./inline";
import { metaLine } from "./metadata";

/** Participles (and phrases) that open preambular paragraphs of resolutions and decisions. */
const PREAMBULAR_OPENERS = [
  "Acknowledging", "Affirming", "Alarmed", "Appreciating", "Aware", "Bearing in mind", "Believing",
  "Cognizant", "Commending", "Concerned", "Conscious", "Considering", "Convinced", "Deeply concerned",
  "Deploring", "Determined", "Emphasizing", "Encouraged", "Expressing", "Fully aware", "Guided",
  "Having considered", "Having examined", "Highlighting", "Mindful", "Noting", "Noting with concern",
  "Observing", "Reaffirming", "Realizing", "Recalling", "Recognizing", "Recognising", "Reiterating",
  "Stressing", "Taking into account", "Taking note", "Underlining", "Underscoring", "Welcoming",
];

/** Lines that introduce the operative part: "Decides to:", "Decides:", "Requests ...:". */
const OPERATIVE_LEAD_IN = /^(?:Decides|Agrees|Requests|Calls upon|Urges|Invites|Adopts|Resolves)\b[^.]*:$/;
const NUMBERED = /^(\d{1,3})\.\s+/;
const BULLET = /^\s*(?:[-•])\s+/;

interface RawBlock {
  /** The source lines of the block. */
  lines: string[];
  /** Markdown text of the block, lines joined. */
  markdown: string;
  bullet: boolean;
}

/** Splits the text into raw blocks: blank lines separate, bullets stand alone, wrapped lines join. */
function splitBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let current: string[] = [];
  let currentBullet = false;
  const flush = () => {
    const markdown = current.join(" ").replace(/\s+/g, " ").trim();
    if (plainText(markdown)) blocks.push({ lines: current, markdown, bullet: currentBullet });
    current = [];
    currentBullet = false;
  };
  for (const rawLine of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.replace(/\s+$/, "");
    if (!line.trim()) {
      flush();
      continue;
    }
    if (BULLET.test(line)) {
      flush();
      current.push(line.replace(BULLET, ""));
      currentBullet = true;
      continue;
    }
    // "Annex**Joint statement ...**": a label glued to a bold heading.
    const glued = /^(Annex(?: [IVX\d]+)?)(\*\*.+)$/.exec(line.trim());
    if (glued) {
      flush();
      current.push(glued[1]!);
      flush();
      current.push(glued[2]!);
      continue;
    }
    if (NUMBERED.test(line.trim()) || (current.length && endsLine(current))) flush();
    current.push(line.trim());
  }
  flush();
  return blocks;
}

/**
 * Whether the lines so far form a complete block even though no blank line follows: a
 * header line ("DECISION No. 5/17", "MC.DEL/39/21") with no bold span left open. Wrapped
 * prose, and a bold title wrapped over several lines, keep going.
 */
function endsLine(lines: readonly string[]): boolean {
  const joined = lines.join(" ");
  const openBold = (joined.match(/\*\*/g)?.length ?? 0) % 2 === 1;
  if (openBold) return false;
  const last = plainText(lines.at(-1) ?? "");
  return looksLikeHeading(last) || metaLine(last) !== null || /[.;:]$/.test(last);
}

function isFullyBold(runs: readonly TextRun[]): boolean {
  return runs.length > 0 && runs.every((r) => r.marks?.includes("bold") || !r.text.trim());
}

/** A short line without final punctuation reads as a heading ("Annex", "DECISION No. 5/17"). */
function looksLikeHeading(text: string): boolean {
  return text.length <= 90 && !/[.,;:]$/.test(text) && /^[\p{Lu}\d]/u.test(text);
}

function startsPreambular(text: string): boolean {
  return PREAMBULAR_OPENERS.some((w) => text.startsWith(`${w} `) || text.startsWith(`${w},`));
}

/** Strips a leading "1. " from the block's first run. */
function stripNumber(runs: TextRun[]): TextRun[] {
  const [first, ...rest] = runs;
  if (!first) return runs;
  const text = first.text.replace(NUMBERED, "");
  return text ? [{ ...first, text }, ...rest] : rest;
}

interface Classified {
  kind: BlockKind;
  runs: TextRun[];
}

/**
 * Turns a statement's text into the structured model: title, headings, preambular and
 * operative paragraphs (only where the text has a resolution's structure), plain
 * paragraphs and bullets, with bold/italic runs and header metadata.
 */
export function parseStatement(text: string, options: { newId?: () => string } = {}): ImportedDocument {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const raw = splitBlocks(text);
  const meta: Omit<DocumentMeta, "title"> = {};
  const body: RawBlock[] = [];

  raw.forEach((block, index) => {
    if (block.bullet) return body.push(block);
    // A block made only of header lines (symbol, date, "Place, date", "Original: X") is
    // metadata; dates and symbols count only near the top, language notes anywhere.
    const metas = block.lines.map((line) => metaLine(plainText(line)));
    const allMeta = metas.every((m) => m !== null);
    const anywhere = metas.every((m) => m?.kind === "original" || m?.kind === "language");
    if (allMeta && (index < 10 || anywhere)) {
      for (const m of metas) if (m) applyMeta(meta, m);
      return;
    }
    body.push(block);
  });

  const resolution = body.some((b) => OPERATIVE_LEAD_IN.test(plainText(b.markdown))) ||
    body.filter((b) => NUMBERED.test(plainText(b.markdown))).length >= 2;
  const firstOperative = body.findIndex(
    (b) => OPERATIVE_LEAD_IN.test(plainText(b.markdown)) || NUMBERED.test(plainText(b.markdown)),
  );

  const classified: Classified[] = body.map((b, i) => {
    const runs = parseInline(b.markdown);
    const plain = runsText(runs);
    if (b.bullet) return { kind: "bullet", runs };
    if (resolution && NUMBERED.test(plain)) return { kind: "operative", runs: stripNumber(runs) };
    if (NUMBERED.test(plain)) return { kind: "paragraph", runs: stripNumber(runs) };
    if (resolution && (firstOperative < 0 || i < firstOperative) && startsPreambular(plain)) return { kind: "preambular", runs };
    if (isFullyBold(runs) || looksLikeHeading(plain) || OPERATIVE_LEAD_IN.test(plain)) return { kind: "heading", runs };
    return { kind: "paragraph", runs };
  });

  const titleIndex = findTitle(classified);
  if (titleIndex >= 0) classified[titleIndex]!.kind = "title";
  const title = titleIndex >= 0 ? runsText(classified[titleIndex]!.runs) : "Untitled";
  const symbol = meta.symbol ?? deriveSymbol(classified);

  return {
    meta: { title, ...meta, ...(symbol ? { symbol } : {}) },
    blocks: classified.map((c): Block => ({ id: newId(), kind: c.kind, runs: c.runs })),
  };
}

/** The first fully bold block near the top; else the first block of the text. */
function findTitle(blocks: readonly Classified[]): number {
  const bold = blocks.findIndex((b, i) => i < 6 && b.kind === "heading" && isFullyBold(b.runs) && runsText(b.runs).length > 20);
  return bold >= 0 ? bold : blocks.findIndex((b) => b.kind !== "bullet");
}

/** OSCE Ministerial Council decisions carry the symbol MC.DEC/<n>/<yy>. */
function deriveSymbol(blocks: readonly Classified[]): string | undefined {
  const text = blocks.map((b) => runsText(b.runs)).join("\n");
  const decision = /^DECISION No\. (\d+\/\d{2})$/m.exec(text);
  if (decision && /Ministerial Council/.test(text)) return `MC.DEC/${decision[1]}`;
  return undefined;
}

function applyMeta(meta: Omit<DocumentMeta, "title">, line: NonNullable<ReturnType<typeof metaLine>>): void {
  switch (line.kind) {
    case "symbol":
      meta.symbol ??= line.value;
      return;
    case "date":
      meta.date ??= line.value;
      return;
    case "place-date":
      meta.place ??= line.place;
      meta.date ??= line.date;
      return;
    case "original":
      meta.originalLanguage ??= line.value;
      return;
    case "language":
      return;
  }
}
