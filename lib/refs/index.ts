export { extractReferences, type Reference, type ReferenceKind } from "./extract";
export { referencesByParagraph, diffReferences, type ParagraphReferences, type ReferenceChange, type ReferenceDiff } from "./diff";
export { DEFAULT_WATCHED_TERMS, INSTRUMENTS } from "./instruments";
