import type { BlockKind } from "./types";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Subparagraph letter: a..z, then aa, bb ..., as UN documents continue past z. */
function letter(index: number): string {
  return LETTERS.charAt(index % 26).repeat(Math.floor(index / 26) + 1);
}

/**
 * Display numbers for a block sequence, computed and never stored as text:
 * preambular → "PP1", "PP2" ...; operative → "OP1", "OP2" ...; plain paragraphs → "1.",
 * "2." ... in order (UN-report style); bullets → "<n>(a)", "<n>(b)" ... where n is the
 * number of the closest preceding plain paragraph, or "(a)", "(b)" when there is none;
 * titles and headings → null. Bullet letters restart after every non-bullet block.
 */
export function computeNumbers(kinds: readonly BlockKind[]): (string | null)[] {
  let preambular = 0;
  let operative = 0;
  let paragraph = 0;
  // The paragraph that bullets hang from. A PP or OP clears it: subparagraphs of an
  // operative paragraph print as "(a)", not as letters of an unrelated earlier paragraph.
  let parent: number | null = null;
  let bullet = 0;
  return kinds.map((kind) => {
    if (kind !== "bullet") bullet = 0;
    switch (kind) {
      case "preambular":
        parent = null;
        return `PP${++preambular}`;
      case "operative":
        parent = null;
        return `OP${++operative}`;
      case "paragraph":
        parent = ++paragraph;
        return `${paragraph}.`;
      case "bullet":
        return `${parent ?? ""}(${letter(bullet++)})`;
      case "title":
      case "heading":
        return null;
    }
  });
}

/** Returns copies of the blocks with their display numbers (see {@link computeNumbers}). */
export function numberBlocks<T extends { kind: BlockKind }>(blocks: readonly T[]): (T & { number: string | null })[] {
  const numbers = computeNumbers(blocks.map((b) => b.kind));
  return blocks.map((block, i) => ({ ...block, number: numbers[i] ?? null }));
}
