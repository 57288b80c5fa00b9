/** Finds what a text cites: document symbols, resolutions, decisions, instruments, watched terms. */
import { extractInstruments } from "./instruments";
import { extractDecisions, extractResolutions } from "./numbered";
import { extractSymbols } from "./symbols";
import { DEFAULT_WATCHED_TERMS, extractTerms } from "./terms";
import type { Reference, ReferenceKind } from "./types";

/** Options for {@link extractReferences}. */
export interface ExtractOptions {
  /** Watched terms for this document; defaults to {@link DEFAULT_WATCHED_TERMS}. */
  watchedTerms?: readonly string[];
}

/** When two candidates cover exactly the same span, the more specific kind wins. */
const PRIORITY: Record<ReferenceKind, number> = { resolution: 0, decision: 1, symbol: 2, instrument: 3, term: 4 };

/**
 * Keeps one reference per stretch of text: the longest candidate wins ("Universal
 * Declaration of Human Rights" over the term "human rights", "Programme of Action on Small
 * Arms and Light Weapons" over "Programme of Action"), then the more specific kind
 * ("A/RES/75/240" as a resolution, not as a plain symbol). Result in text order.
 */
function resolveOverlaps(candidates: readonly Reference[]): Reference[] {
  const ranked = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start,
  );
  const kept: Reference[] = [];
  for (const c of ranked) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Every reference in `text`, in text order, with offsets into `text`
 * (`text.slice(ref.start, ref.end) === ref.text`). A list such as "resolutions 70/237 and
 * 76/19" gives one reference per number. References never overlap.
 */
export function extractReferences(text: string, options: ExtractOptions = {}): Reference[] {
  const terms = options.watchedTerms ?? DEFAULT_WATCHED_TERMS;
  return resolveOverlaps([
    ...extractSymbols(text),
    ...extractResolutions(text),
    ...extractDecisions(text),
    ...extractInstruments(text),
    ...extractTerms(text, terms),
  ]);
}
