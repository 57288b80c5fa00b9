/** Recognisers for the header lines of UN and OSCE documents (symbol, date, dateline, language). */

const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const MONTH = `(?:${MONTH_NAMES.flatMap((m) => [m, m.toUpperCase()]).join("|")})`;
const DATE = `(?:\\d{1,2} ${MONTH} \\d{4}|${MONTH} \\d{1,2}, \\d{4})`;
const DATE_LINE = new RegExp(`^(${DATE})$`, "u");
/** "New York, 27 July 2023", "Stockholm, 2 December 2021": a few words of place, then a date. */
const PLACE_DATE_LINE = new RegExp(`^(\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:[ ,]+[\\p{L}\\p{M}'’.-]+){0,3}),\\s+(${DATE})$`, "u");
/**
 * UN and OSCE document symbols: A/RES/75/240, A/AC.292/2023/CRP.1, CD/2205, S/2017/375,
 * E/CN.6/2023/L.3, MC.DEL/39/21, PC.DEC/1039, with /Rev.1, /Add.2, /Corr.1 suffixes.
 */
const SYMBOL = /^[A-Z]{1,6}(?:\.[A-Z]{2,6})*(?:\/(?:[A-Z]{1,8}(?:\.\d{1,5})?|\d{1,5}(?:\.\d{1,3})?|(?:Rev|Add|Corr|Amend)\.\d{1,3}))+$/;
const ORIGINAL = /^\[?Original:\s*(\p{L}+)\s*\]?$/iu;
const LANGUAGES = new Set(["ARABIC", "CHINESE", "ENGLISH", "FRENCH", "GERMAN", "RUSSIAN", "SPANISH"]);

export type MetaLine =
  | { kind: "symbol"; value: string }
  | { kind: "date"; value: string }
  | { kind: "place-date"; place: string; date: string }
  /** "Original: RUSSIAN", "[Original: Russian]": the language the text was written in. */
  | { kind: "original"; value: string }
  /** A bare "ENGLISH": the language of this version, which the model does not keep. */
  | { kind: "language"; value: string };

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** Classifies one plain-text line as document metadata, or returns null for body text. */
export function metaLine(line: string): MetaLine | null {
  const text = line.trim();
  // A symbol always carries a number; this keeps "N/A" or "AND/OR" out.
  if (SYMBOL.test(text) && /\d/.test(text)) return { kind: "symbol", value: text };
  const date = DATE_LINE.exec(text);
  if (date?.[1]) return { kind: "date", value: date[1] };
  const placeDate = PLACE_DATE_LINE.exec(text);
  if (placeDate?.[1] && placeDate[2]) return { kind: "place-date", place: placeDate[1], date: placeDate[2] };
  const original = ORIGINAL.exec(text);
  if (original?.[1]) return { kind: "original", value: titleCase(original[1]) };
  if (text === text.toUpperCase() && LANGUAGES.has(text)) return { kind: "language", value: titleCase(text) };
  return null;
}
