/**
 * Canonical forms and pattern helpers shared by the extractors. Canonical forms follow
 * the UN and OSCE document symbols, so a reference written as prose ("Permanent Council
 * Decision No. 1106") and one written as a symbol ("PC.DEC/1106") compare equal.
 */
import type { ReferenceKind } from "./types";

/** Not preceded by a letter or digit (a whole-word start that also works for non-ASCII). */
export const WORD_START = String.raw`(?<![\p{L}\p{N}])`;
/** Not followed by a letter or digit. Hyphens count as a boundary: "capacity-building-related". */
export const WORD_END = String.raw`(?![\p{L}\p{N}])`;

/** Escapes a literal for use in a RegExp (safe under the `u` flag). */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * Pattern source for a multi-word name: words may be separated by any whitespace (line
 * breaks in headers included) or a hyphen, or run together, so "Co-operation" also matches
 * "Cooperation", "Nuclear-Test-Ban" matches "Nuclear Test Ban" and "capacity-building"
 * matches "capacity building".
 */
export function flexibleSource(name: string): string {
  return name
    .trim()
    .split(/[\s\-‐‑]+/)
    .map(escapeRegExp)
    .join("[-\\s‐‑]*");
}

/** The body a resolution or decision was adopted by, as recognised in prose. */
export type Body = "GA" | "SC" | "HRC" | "MC" | "PC" | "FSC";

/** Prose names of each body, as regex sources (matched case-insensitively). */
export const BODY_NAMES: Record<Body, string> = {
  GA: String.raw`(?:(?:United\s+Nations|UN|U\.N\.)\s+)?General\s+Assembly|UNGA`,
  SC: String.raw`(?:(?:United\s+Nations|UN|U\.N\.)\s+)?Security\s+Council|UNSC`,
  HRC: String.raw`(?:(?:United\s+Nations|UN)\s+)?Human\s+Rights\s+Council|HRC`,
  MC: String.raw`Ministerial\s+Council`,
  PC: String.raw`Permanent\s+Council`,
  FSC: String.raw`Forum\s+for\s+Security\s+Co-?operation`,
};

/** Which body a matched prose name belongs to. */
export function bodyOf(name: string | undefined, bodies: readonly Body[]): Body | undefined {
  if (!name) return undefined;
  return bodies.find((body) => new RegExp(`^(?:${BODY_NAMES[body]})$`, "iu").test(name.trim()));
}

/**
 * Canonical symbol of a resolution given by number. `number` is "75/240" (session/number),
 * "ES-11/1", "2341 (2017)" (Security Council style) or "2625 (XXV)" (early General
 * Assembly style). A resolution written without its body is taken to be a General Assembly
 * resolution — the usual reading in UN statements — unless its number has the Security
 * Council shape "NNNN (YYYY)".
 */
export function resolutionCanonical(body: Body | undefined, number: string): string {
  const num = number.replace(/\s*\(/, " (");
  const scShape = /^\d{1,4} \(\d{4}\)$/.test(num);
  if (body === "SC" || (body === undefined && scShape)) return `S/RES/${num}`;
  if (body === "HRC") return `A/HRC/RES/${num}`;
  return `A/RES/${num}`;
}

/**
 * Canonical form of an OSCE decision given by number: "MC.DEC/5/16", "PC.DEC/1106",
 * "FSC.DEC/2/09". Without a body in the same phrase the number alone does not say which
 * council adopted it, so it stays "Decision No. 5/17".
 */
export function decisionCanonical(body: Body | undefined, number: string): string {
  if (body === "MC" || body === "PC" || body === "FSC") return `${body}.DEC/${number}`;
  return `Decision No. ${number}`;
}

/**
 * Kind of a document symbol: resolutions (A/RES/…, S/RES/…, A/HRC/RES/…, E/RES/…) and
 * decisions (MC.DEC/…, PC.DEC/…, FSC.DEC/…) are the same references as their prose
 * forms; anything else is a plain document symbol.
 */
export function symbolKind(symbol: string): ReferenceKind {
  if (/^(?:A|S|E|A\/HRC)\/RES\//.test(symbol)) return "resolution";
  if (/^[A-Z]+\.DEC\//.test(symbol)) return "decision";
  return "symbol";
}
