/** What a reference points at. */
export type ReferenceKind = "symbol" | "resolution" | "decision" | "instrument" | "term";

/** One citation found in a text. */
export interface Reference {
  kind: ReferenceKind;
  /**
   * One spelling per thing cited, so that versions can be compared: "UNGA resolution
   * 75/240" and "A/RES/75/240" are both "A/RES/75/240"; "UN Charter" is "Charter of the
   * United Nations"; a watched term is the term as listed.
   */
  canonical: string;
  /** The text as written: `text === source.slice(start, end)`. */
  text: string;
  /** UTF-16 offsets into the source text. */
  start: number;
  end: number;
}

/** Builds a reference from a span of `source`, keeping `text` and the offsets in step. */
export function span(source: string, kind: ReferenceKind, canonical: string, start: number, end: number): Reference {
  return { kind, canonical, text: source.slice(start, end), start, end };
}
