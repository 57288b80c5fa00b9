/**
 * The document model shared by the importer, the editor schema, the server's renderer,
 * compare and export. Every block is a flat, top-level textblock: no nesting, so a block id
 * names exactly one run of text.
 */

/** Kinds of block; each is also the ProseMirror node name in the editor schema. */
export const BLOCK_KINDS = ["title", "heading", "preambular", "operative", "paragraph", "bullet"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** Formatting marks the importer reads from Markdown emphasis (it also reads "[...]" as the bracket mark). */
export const IMPORT_MARKS = ["bold", "italic"] as const;
export type ImportMark = (typeof IMPORT_MARKS)[number];

/** Marks a rendered run can carry: formatting, brackets, and pending tracked changes. */
export type RunMark = ImportMark | "bracket" | "insertion" | "deletion";

export interface TextRun {
  text: string;
  marks?: RunMark[];
}

export interface Block {
  /** Stable block id; survives edits; annotations, diffs and exports refer to it. */
  id: string;
  kind: BlockKind;
  runs: TextRun[];
}

export interface DocumentMeta {
  title: string;
  symbol?: string;
  date?: string;
  place?: string;
  originalLanguage?: string;
}

export interface ImportedDocument {
  meta: DocumentMeta;
  blocks: Block[];
}

/** A block as rendered from the live or stored text, with its computed display number. */
export interface RenderedParagraph {
  id: string;
  kind: BlockKind;
  /** Display number ("PP3", "OP7", "12.", "12(a)") or null for titles and headings. */
  number: string | null;
  text: string;
  runs: TextRun[];
}
