/**
 * The reference tracker: what a text cites (document symbols, resolutions and decisions by
 * number, named instruments, watched terms) and what a new version removed or added.
 */
export type { Reference, ReferenceKind } from "./types";
export { extractReferences, type ExtractOptions } from "./extract";
export { referencesByParagraph, diffReferences, type ParagraphRefs, type ReferenceChange, type ReferenceDiff } from "./diff";
export { INSTRUMENTS, type InstrumentDefinition } from "./instruments";
export { DEFAULT_WATCHED_TERMS, termPattern } from "./terms";
