/** Recognisers for the header lines of UN and OSCE documents. */

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const DATE = new RegExp(`^(\\d{1,2} (?:${MONTHS}) \\d{4})$`, "i");
const PLACE_DATE = new RegExp(`^([A-Z][\\p{L} .'-]+?), (\\d{1,2} (?:${MONTHS}) \\d{4})$`, "u");
/** UN / OSCE document symbols: A/RES/75/240, A/AC.292/2023/CRP.1, MC.DEL/39/21, CD/2205, S/2017/375. */
const SYMBOL = /^(?:[A-Z]{1,5}(?:\.[A-Z]{2,5})?)(?:\/(?:[A-Z]{1,6}\.?\d*|\d{1,5}(?:\.\d+)?|[A-Z]+\.\d+))+(?:\/Rev\.\d+)?$/;
const ORIGINAL = /^\[?Original:\s*([A-Za-z]+)\]?$/i;
const LANGUAGES = new Set(["ARABIC", "CHINESE", "ENGLISH", "FRENCH", "RUSSIAN", "SPANISH", "GERMAN"]);

export type MetaLine =
  | { kind: "symbol"; value: string }
  | { kind: "date"; value: string }
  | { kind: "place-date"; place: string; date: string }
  | { kind: "original"; value: string }
  | { kind: "language"; value: string };

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** Classifies a plain-text line as document metadata, or null for body text. */
export function metaLine(line: string): MetaLine | null {
  const text = line.trim();
  if (SYMBOL.test(text) && text.includes("/")) return { kind: "symbol", value: text };
  const date = DATE.exec(text);
  if (date) return { kind: "date", value: date[1]! };
  const placeDate = PLACE_DATE.exec(text);
  if (placeDate) return { kind: "place-date", place: placeDate[1]!, date: placeDate[2]! };
  const original = ORIGINAL.exec(text);
  if (original) return { kind: "original", value: titleCase(original[1]!) };
  if (LANGUAGES.has(text.toUpperCase()) && text === text.toUpperCase()) return { kind: "language", value: titleCase(text) };
  return null;
}
