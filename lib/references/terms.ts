/**
 * Watched terms: language a delegation follows from version to version. The list is
 * editable per document; these are the defaults a new document starts with.
 */
import { WORD_END, WORD_START, flexibleSource } from "./normalize";
import { span, type Reference } from "./types";

/** Watched terms a new document starts with. */
export const DEFAULT_WATCHED_TERMS: readonly string[] = [
  "capacity-building",
  "human rights",
  "international humanitarian law",
  "gender",
  "legally binding instrument",
  "stakeholders",
];

const cache = new Map<string, RegExp>();

/**
 * The pattern for one watched term: case-insensitive, whole word, spaces and hyphens
 * interchangeable ("capacity building", "capacity-building", and the start of
 * "capacity-building-related", since a hyphen ends a word), and singular or plural by a
 * plain English rule: a final "s" is optional ("stakeholders" also matches "stakeholder"),
 * otherwise "s" or "es" may follow ("gender" also matches "genders").
 */
export function termPattern(term: string): RegExp {
  const key = term.trim().toLowerCase();
  const cached = cache.get(key);
  if (cached) return cached;
  const pluralS = /[^s]s$/.test(key);
  const stem = flexibleSource(pluralS ? key.slice(0, -1) : key);
  const pattern = new RegExp(`${WORD_START}${stem}${pluralS ? "s?" : "(?:e?s)?"}${WORD_END}`, "giu");
  cache.set(key, pattern);
  return pattern;
}

/** Cleans a term list: trimmed, blanks dropped, case-insensitive duplicates dropped. */
export function normalizeTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of terms) {
    const term = raw.trim().replace(/\s+/g, " ");
    const key = term.toLowerCase();
    if (!term || seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  return out;
}

/** Occurrences of the watched terms in `text`; each is reported under the term as listed. */
export function extractTerms(text: string, terms: readonly string[]): Reference[] {
  const out: Reference[] = [];
  for (const term of normalizeTerms(terms)) {
    for (const m of text.matchAll(termPattern(term))) {
      out.push(span(text, "term", term, m.index, m.index + m[0].length));
    }
  }
  return out;
}
