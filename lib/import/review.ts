import { printedRunTexts } from "../exporter/model";
import { computeNumbers } from "../model/numbering";
import { BLOCK_KINDS, type Block, type BlockKind } from "../model/types";

/**
 * The detected blocks as the chair reviews them before creating the document: kind, computed
 * number and text, bracketed language in its brackets as the exports print it.
 */
export function previewBlocks(blocks: readonly Block[]): { kind: BlockKind; number: string | null; text: string }[] {
  const numbers = computeNumbers(blocks.map((b) => b.kind));
  return blocks.map((b, i) => ({ kind: b.kind, number: numbers[i] ?? null, text: printedRunTexts(b.runs).join("") }));
}

/**
 * The title a draft takes once the chair has reviewed its kinds: the text of the first block
 * marked Title, so that correcting which line is the title renames the document. With no
 * block marked Title the detected title stays: a document always has a name.
 */
export function reviewedTitle(blocks: readonly { text: string }[], kinds: readonly BlockKind[], detected: string): string {
  const index = kinds.findIndex((kind, i) => kind === "title" && blocks[i]?.text.trim());
  return blocks[index]?.text.trim() ?? detected;
}

const KIND_NAMES: Record<BlockKind, [one: string, many: string]> = {
  title: ["title", "titles"],
  heading: ["heading", "headings"],
  preambular: ["preambular", "preambular"],
  operative: ["operative", "operative"],
  paragraph: ["paragraph", "paragraphs"],
  bullet: ["bullet", "bullets"],
};

/** What the detection found, said in one line: "Detected 12 blocks: 4 preambular, 6 operative, …". */
export function describeDetected(kinds: readonly BlockKind[]): string {
  const counts = new Map<BlockKind, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const parts = BLOCK_KINDS.filter((kind) => counts.has(kind)).map((kind) => {
    const n = counts.get(kind) ?? 0;
    return `${n} ${KIND_NAMES[kind][n === 1 ? 0 : 1]}`;
  });
  const blocks = `${kinds.length} ${kinds.length === 1 ? "block" : "blocks"}`;
  return parts.length ? `Detected ${blocks}: ${parts.join(", ")}.` : `Detected ${blocks}.`;
}
