import { xmlSafe } from "../validation/text";
import { acceptedRuns, bracketEdges, headerLine, printedNumber, type ExportMeta, type ExportParagraph } from "./model";

/** A stretch of a paragraph's printed text in one style. */
interface Piece {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** Where a paragraph's text stands on its line: first on it (or first in a list item), after a heading's "#", or after other text. */
type Place = "block" | "heading" | "inline";

/** Text as a Markdown line carries it: no control characters; a line break as the space a renderer shows for it. */
const oneLine = (text: string) => xmlSafe(text).replace(/\r\n|[\r\n]/g, " ");

/**
 * The paragraph's printed text in pieces of one style. A bracketed run's brackets are plain
 * text outside its bold or italics, and so are the spaces at the edges of a run: CommonMark
 * opens and closes emphasis only next to a character that is not a space ("* x*" is no
 * emphasis, and "* x" at a line's start is a bullet).
 */
function pieces(p: ExportParagraph): Piece[] {
  const out: Piece[] = [];
  const push = (text: string, bold: boolean, italic: boolean) => {
    const last = out.at(-1);
    if (!text) return;
    if (last && last.bold === bold && last.italic === italic) last.text += text;
    else out.push({ text, bold, italic });
  };
  const runs = acceptedRuns(p);
  const edges = bracketEdges(runs);
  for (const [i, r] of runs.entries()) {
    const marks = r.marks ?? [];
    const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(oneLine(r.text))!;
    push(`${edges[i]!.open ? "[" : ""}${lead}`, false, false);
    push(core!, marks.includes("bold"), marks.includes("italic"));
    push(`${trail}${edges[i]!.close ? "]" : ""}`, false, false);
  }
  // Spaces at a line's start are not shown, and four of them would make a code block.
  const first = out[0];
  if (first && !first.bold && !first.italic) first.text = first.text.replace(/^[ \t]+/, "");
  return out.filter((piece) => piece.text);
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Which characters of a paragraph's text take a backslash so that a CommonMark renderer shows
 * them as they are (each of them is ASCII punctuation, which a backslash escapes):
 * - always `\`, `` ` ``, `*`, `<` (raw HTML, autolinks), `~` (GFM strikethrough, fences);
 * - `_` unless inside a word within one piece: "snake_case" can open or close no emphasis;
 * - `&` where it would start an entity ("&copy;"), not in "R&D";
 * - `]` only before `(` (an inline link or image) or `:` (a link reference definition).
 *   Square brackets are how negotiators mark text not yet agreed and must read as brackets,
 *   so "[further develop]" stays as it is: with no definition in the file (none can be
 *   written, `]:` is escaped) neither it nor "[a][b]" can be a link;
 * - at the start of a line or list item: a heading's `#`, `>`, a bullet's `-` or `+`, an
 *   ordered list's `.` or `)` ("1\. ");
 * - in a heading, a closing sequence of `#` it would drop ("Item 5 \#").
 */
function escapes(text: string, place: Place, edges: ReadonlySet<number>): boolean[] {
  const chars = [...text];
  const flags = chars.map(() => false);
  chars.forEach((c, i) => {
    if ("\\`*<~".includes(c)) flags[i] = true;
    else if (c === "_") flags[i] = edges.has(i) || !WORD.test(chars[i - 1] ?? "") || !WORD.test(chars[i + 1] ?? "");
    // An entity's name is at most 31 characters long.
    else if (c === "&") flags[i] = /^#?[A-Za-z0-9]+;/.test(chars.slice(i + 1, i + 34).join(""));
    else if (c === "]") flags[i] = chars[i + 1] === "(" || chars[i + 1] === ":";
  });
  const head = chars.join("");
  if (place === "block") {
    if (/^(?:#{1,6}(?=[ \t]|$)|>|[-+](?=[ \t]|$)|-(?=-))/.test(head)) flags[0] = true;
    const ordered = /^\d{1,9}(?=[.)](?:[ \t]|$))/.exec(head);
    if (ordered) flags[ordered[0].length] = true;
  }
  if (place === "heading") {
    const closing = /(?:^|[ \t])(#+)[ \t]*$/.exec(head);
    if (closing) flags[[...head.slice(0, closing.index + closing[0].indexOf("#"))].length] = true;
  }
  return flags;
}

const PUNCTUATION = /[\p{P}!-/:-@[-`{-~]/u;

/**
 * Whether `*` around a styled piece opens and closes there (CommonMark's flanking rules):
 * an opener next to punctuation inside ("*(a)*") opens only after a space or punctuation, a
 * closer likewise. Pieces against another styled piece are not risked (`***a***b*` is not
 * what it seems). Punctuation is counted as both the older and the current spec count it.
 */
function starsHold(parts: readonly Piece[], k: number): boolean {
  const styled = (q: Piece | undefined) => !!q && (q.bold || q.italic);
  if (styled(parts[k - 1]) || styled(parts[k + 1])) return false;
  const inside = [...parts[k]!.text];
  const before = [...(parts[k - 1]?.text ?? " ")].at(-1)!;
  const after = parts[k + 1]?.text[0] ?? " ";
  const open = !/[\p{P}\p{S}]/u.test(inside[0]!) || /\s/u.test(before) || PUNCTUATION.test(before);
  const close = !/[\p{P}\p{S}]/u.test(inside.at(-1)!) || /\s/u.test(after) || PUNCTUATION.test(after);
  return open && close;
}

/**
 * A paragraph's text in Markdown: escaped as `escapes` says, bold as `**`, italics as `*`, or,
 * where those would not hold (`starsHold`), as the `<strong>` and `<em>` CommonMark passes on.
 */
function markdownText(p: ExportParagraph, place: Place): string {
  const parts = pieces(p);
  const edges = new Set<number>();
  let at = 0;
  for (const piece of parts) {
    edges.add(at);
    at += [...piece.text].length;
    edges.add(at - 1);
  }
  const flags = escapes(parts.map((piece) => piece.text).join(""), place, edges);
  at = 0;
  return parts
    .map((piece, k) => {
      let text = "";
      for (const c of piece.text) text += `${flags[at++] ? "\\" : ""}${c}`;
      const stars = starsHold(parts, k);
      if (piece.italic) text = stars ? `*${text}*` : `<em>${text}</em>`;
      if (piece.bold) text = stars ? `**${text}**` : `<strong>${text}</strong>`;
      return text;
    })
    .join("");
}

/** Markdown of the accepted text, UN style (PP numbers, "1." for operative paragraphs); CommonMark shows each paragraph's text exactly. */
export function toMarkdown(meta: ExportMeta, paragraphs: readonly ExportParagraph[]): string {
  // A comment ends at the first ">" after "--": none may come from a label.
  const lines = [`<!-- ${oneLine(headerLine(meta, " · ")).replace(/>/g, "&gt;")} -->`, ""];
  for (const p of paragraphs) {
    const number = p.kind === "preambular" ? null : printedNumber(p);
    const prefix =
      p.kind === "title" ? "# " : p.kind === "heading" ? "## " : p.kind === "preambular" ? (p.number ? `**${p.number}** ` : "") : `${p.kind === "bullet" ? "- " : ""}${number ? `${number} ` : ""}`;
    const place: Place = p.kind === "title" || p.kind === "heading" ? "heading" : /^(?:- |\d{1,9}[.)] )?$/.test(prefix) ? "block" : "inline";
    lines.push(`${prefix}${markdownText(p, place)}`, "");
  }
  return lines.join("\n");
}
