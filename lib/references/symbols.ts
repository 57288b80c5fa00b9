/**
 * UN and OSCE document symbols: A/RES/75/240, A/75/816, S/2017/375, A/AC.292/2023/CRP.1,
 * MC.DEL/39/21, PC.DEC/1039, CD/2205, E/CN.6/2023/L.3, A/RES/75/240/Rev.1.
 */
import { symbolKind } from "./normalize";
import { span, type Reference } from "./types";

/** The series: "A", "S", "CD", "MC.DEL", "PC.DEC", "FSC.JOUR". */
const SERIES = String.raw`[A-Z]{1,6}(?:\.[A-Z]{2,6})*`;
/** Later parts: "RES", "AC.292", "CN.6", "CRP.1", "L.3", "Rev.1", "2023", "240", "ES-11". */
const PART = String.raw`(?:[A-Z][A-Za-z]*(?:\.\d+)?|\d+(?:\.\d+)?|ES-\d+)`;

/**
 * A symbol is a series and at least one "/"-separated part. Trailing punctuation is never
 * part of it: a "." only joins when a digit follows ("CRP.1"), and the match may not stop
 * in the middle of a word or before another "/".
 */
const SYMBOL = new RegExp(String.raw`(?<![\w./-])${SERIES}(?:\/${PART})+(?![\w/])`, "g");

/** Security Council resolutions are cited with their year: "S/RES/2341 (2017)". */
const SC_YEAR = /^ ?\((\d{4})\)/;

/** Document symbols in `text`; resolution and decision symbols get those kinds. */
export function extractSymbols(text: string): Reference[] {
  const out: Reference[] = [];
  for (const m of text.matchAll(SYMBOL)) {
    const symbol = m[0];
    // "COVID/ICT"-like strings are not symbols; every real symbol carries a number.
    if (!/\d/.test(symbol)) continue;
    const start = m.index;
    let end = start + symbol.length;
    let canonical = symbol;
    if (/^S\/RES\/\d+$/.test(symbol)) {
      const year = SC_YEAR.exec(text.slice(end));
      if (year) {
        end += year[0].length;
        canonical = `${symbol} (${year[1]})`;
      }
    }
    out.push(span(text, symbolKind(symbol), canonical, start, end));
  }
  return out;
}
