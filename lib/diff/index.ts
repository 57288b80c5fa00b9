export { compareParagraphs, nearestBefore, pairedIdentity, type CompareResult, type ParagraphPair, type ParagraphRef, type Classification, type ComparableParagraph } from "./compare";
export { wordDiff, similarity, type DiffOp, type WordDiff } from "./word-diff";
export { type TextMove } from "./text-moves";
