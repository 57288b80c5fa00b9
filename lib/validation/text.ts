import { z } from "zod";

/**
 * What no stored text may hold: the C0 control characters but tab, line feed and carriage
 * return, the noncharacters U+FFFE and U+FFFF (none of them can be written in XML 1.0, so
 * one in a comment would break every Word, Akoma Ntoso and compilation export), and lone
 * surrogates (not Unicode at all: SQLite stores them as U+FFFD, so a hash computed before
 * storing would no longer match the stored row).
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;
// With the u flag a surrogate pair is one code point: the range matches lone surrogates only.
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, "gu");

export const FORBIDDEN_TEXT_MESSAGE = "contains a control character or malformed Unicode";

/** True when the text holds a character no stored text may hold (see FORBIDDEN). */
export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** The text without the characters XML 1.0 cannot carry (for exports of text typed in the editor). */
export function xmlSafe(text: string): string {
  return hasForbiddenCharacters(text) ? text.replace(FORBIDDEN_ALL, "") : text;
}

/**
 * A copy of a plain value (strings, arrays, plain objects) with xmlSafe applied to every
 * string in it: what an export is built from.
 */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === "string") return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => xmlSafeDeep(v)) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeDeep(v)])) as T;
  }
  return value;
}

/** Lone surrogates replaced by U+FFFD, as SQLite stores them (hash what is stored). */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDFFF]/gu, "\uFFFD");
}

/** Free text from a person (a comment, a reason, a proposed wording): trimmed when `trim`. */
export function textField(max: number, options: { trim?: boolean; min?: number } = {}) {
  let schema = z.string();
  if (options.trim) schema = schema.trim();
  if (options.min !== undefined) schema = schema.min(options.min, { message: options.min === 1 ? "must not be empty" : `must be at least ${options.min} characters` });
  return schema.max(max, { message: `must be at most ${max} characters` }).refine((s) => !hasForbiddenCharacters(s), { message: FORBIDDEN_TEXT_MESSAGE });
}

/** One line (a title, a label, a name): also no line breaks or tabs. */
export function lineField(max: number, options: { min?: number } = {}) {
  return textField(max, { trim: true, min: options.min }).refine((s) => !/[\t\n\r]/.test(s), { message: "must be one line" });
}

/**
 * Text read from a file made one line of at most `max` characters, as lineField would accept
 * it: characters no stored text may hold dropped, white space (tabs, line breaks) collapsed,
 * and a longer text cut at a word with "…".
 */
export function asLine(text: string, max: number): string {
  const line = xmlSafe(text).replace(/\s+/gu, " ").trim();
  if (line.length <= max) return line;
  let cut = line.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The form of a label two labels are "the same" in: compatibility-normalised (NFKC: a
 * full-width "．" is "."), invisible format characters removed (zero-width space, joiners,
 * direction marks), white space collapsed, case folded. "Rev.1", "REV.1", "Rev.1\u200B" and
 * "Rev\uFF0E1" are one label.
 */
export function labelKey(label: string): string {
  return label.normalize("NFKC").replace(/\p{Cf}/gu, "").replace(/\s+/gu, " ").trim().toLowerCase();
}
