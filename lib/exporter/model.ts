import type { RenderedParagraph, TextRun } from "../model/types";
import { PARAGRAPH_STATUS_LABEL, type ParagraphStatus } from "../negotiation/types";

export interface ExportParagraph extends RenderedParagraph {
  status?: string;
}

export interface ExportMeta {
  title: string;
  symbol: string | null;
  date: string | null;
  /** "Rev.2", "Live text" ... */
  versionLabel: string;
}

/**
 * The accepted text of a paragraph: pending insertions left out, pending deletions kept
 * (not yet agreed), tracked-change marks dropped.
 */
export function acceptedRuns(p: Pick<ExportParagraph, "runs">): TextRun[] {
  return p.runs
    .filter((r) => !r.marks?.includes("insertion"))
    .map((r) => {
      const marks = (r.marks ?? []).filter((m) => m !== "insertion" && m !== "deletion");
      return marks.length ? { text: r.text, marks } : { text: r.text };
    });
}

/** Whether a run opens a bracketed stretch ("[" before it) and whether it closes one ("]" after it). */
export interface BracketEdge {
  open: boolean;
  close: boolean;
}

/**
 * Where the square brackets go: around each stretch of consecutive bracketed runs, not around
 * each run. Formatting inside bracketed words ("[including, *inter alia*, the Charter]") or a
 * tracked change in them splits them into runs, and brackets on each run printed
 * "[including, ][inter alia][, the Charter]": three alternatives where the text has one.
 */
export function bracketEdges(runs: readonly TextRun[]): BracketEdge[] {
  const bracketed = runs.map((r) => !!r.marks?.includes("bracket"));
  return bracketed.map((b, i) => ({ open: b && !bracketed[i - 1], close: b && !bracketed[i + 1] }));
}

/** A run's printed text (plain, HTML or XML) with the brackets its place in a stretch gives it. */
export function withBrackets(text: string, edge: BracketEdge): string {
  return `${edge.open ? "[" : ""}${text}${edge.close ? "]" : ""}`;
}

/** The runs' texts as the exports print them: bracketed language keeps its square brackets. */
export function printedRunTexts(runs: readonly TextRun[]): string[] {
  const edges = bracketEdges(runs);
  return runs.map((r, i) => withBrackets(r.text, edges[i]!));
}

/** The accepted text as the exports print it (brackets as characters). */
export function printedText(p: Pick<ExportParagraph, "runs">): string {
  return printedRunTexts(acceptedRuns(p)).join("");
}

export function acceptedText(p: ExportParagraph): string {
  return acceptedRuns(p)
    .map((r) => r.text)
    .join("");
}

/**
 * Each paragraph whose status is not open ends with its status in italics, "(Agreed ad
 * ref.)", as chairs' revised drafts mark them (an export option: the final text carries none).
 */
export function withStatusNotes(paragraphs: readonly ExportParagraph[]): ExportParagraph[] {
  return paragraphs.map((p) => {
    const label = p.status && p.status !== "open" ? PARAGRAPH_STATUS_LABEL[p.status as ParagraphStatus] : undefined;
    if (!label || p.kind === "title") return p;
    const note = `(${label})`;
    return { ...p, text: `${p.text} ${note}`, runs: [...p.runs, { text: " " }, { text: note, marks: ["italic"] }] };
  });
}

/**
 * A run's printed text cut where a preambular participle ends (`italicPrefix` characters of
 * the paragraph's accepted text; the run starts at `start` in it): the participle's part and
 * the rest. A bracketed run's brackets are printed around it, not counted in it, and stay out
 * of the participle: "[" + "Noting" in italics + " …]".
 */
export function participlePieces(r: TextRun, start: number, italicPrefix: number, edge: BracketEdge): { text: string; participle: boolean }[] {
  const cut = start < italicPrefix ? Math.min(r.text.length, italicPrefix - start) : 0;
  const [open, close] = [edge.open ? "[" : "", edge.close ? "]" : ""];
  const pieces = [
    { text: open, participle: false },
    { text: r.text.slice(0, cut), participle: true },
    { text: r.text.slice(cut) + close, participle: false },
  ];
  return pieces.filter((piece) => piece.text.length > 0);
}

/** The preambular participle ("Noting", "Bearing in mind") printed in italics in UN style. */
export function participleLength(text: string): number {
  const m = /^(?:Bearing in mind|Taking note|Taking into account|Deeply concerned|Noting with concern|Expressing [a-z]+|[A-Z][a-z]+(?:ing|ed))\b/.exec(text);
  return m ? m[0].length : 0;
}

/**
 * Whether a paragraph reads right to left: its first letter is Arabic or Hebrew, which is how
 * Word, LibreOffice and browsers decide a paragraph's direction by itself (Unicode's rule).
 */
export function rightToLeft(text: string): boolean {
  const first = /\p{L}/u.exec(text)?.[0];
  return !!first && /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(first);
}

/** How the number is printed in a document: operative paragraphs "1.", preambular none. */
export function printedNumber(p: { kind: string; number: string | null }): string | null {
  if (!p.number) return null;
  if (p.kind === "operative") return `${p.number.replace(/^OP/, "")}.`;
  if (p.kind === "preambular") return null;
  if (p.kind === "bullet") return `(${p.number.replace(/^.*\(/, "").replace(/\)$/, "")})`;
  return p.number;
}

/**
 * The Content-Disposition of a download: an ASCII `filename` for old clients (HTTP headers
 * carry bytes up to 255 only: a Cyrillic or Chinese title would make the header, and the
 * response, fail) and the real name in `filename*` (RFC 6266).
 */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7E]+/g, "_")
    .replace(/["\\]/g, "");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The version's name as a header or a file's title prints it: the symbol alone when it ends
 * with the version already ("MC.DEC/5/17/Rev.2", not "MC.DEC/5/17/Rev.2 Rev.2"), else the
 * symbol (or title) and the version.
 */
export function versionName(meta: ExportMeta): string {
  const base = meta.symbol ?? meta.title;
  return meta.symbol && meta.symbol.endsWith(meta.versionLabel) ? base : `${base} ${meta.versionLabel}`;
}

/** The running header: the symbol, the date and the version, the version once. */
export function headerLine(meta: ExportMeta, separator = "   "): string {
  const version = meta.symbol?.endsWith(meta.versionLabel) ? null : meta.versionLabel;
  return [meta.symbol, meta.date, version].filter(Boolean).join(separator);
}

/**
 * File name `<symbol or title>-<version>[-<what>].<ext>`, safe on every file system; the
 * version is left out when the symbol ends with it already ("…/Rev.2").
 */
export function exportFileName(meta: ExportMeta, ext: string, what?: string): string {
  const clean = (s: string) =>
    s
      .replace(/[\\/]/g, "_")
      .replace(/\s+/g, "-")
      .replace(/[^\p{L}\p{N}._()-]/gu, "")
      .slice(0, 100);
  const base = clean(meta.symbol ?? meta.title) || "document";
  const version = clean(meta.versionLabel);
  const name = base.endsWith(version) ? base : `${base}-${version}`;
  return `${name}${what ? `-${clean(what)}` : ""}.${ext}`;
}
