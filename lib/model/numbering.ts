import type { BlockKind } from "./types";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

function letter(i: number): string {
  // a..z, then aa, bb ... as in UN documents
  const base = LETTERS[i % 26] ?? "a";
  return base.repeat(Math.floor(i / 26) + 1);
}

/**
 * Display numbers for a block sequence: PP1.., OP1.., "1." for plain paragraphs,
 * "<n>(a)" for bullets after plain paragraph n; null for titles and headings. In a text
 * with a resolution's structure (any PP or OP) only PPs, OPs and bullets are numbered,
 * as in UN practice.
 */
export function computeNumbers(kinds: readonly BlockKind[]): (string | null)[] {
  const resolution = kinds.some((k) => k === "preambular" || k === "operative");
  let pp = 0;
  let op = 0;
  let para = 0;
  let lastPara: number | null = null;
  let bullet = 0;
  return kinds.map((kind) => {
    if (kind !== "bullet") bullet = 0;
    switch (kind) {
      case "preambular":
        return `PP${++pp}`;
      case "operative":
        return `OP${++op}`;
      case "paragraph":
        if (resolution) return null;
        lastPara = ++para;
        return `${para}.`;
      case "bullet":
        return `${lastPara ?? ""}(${letter(bullet++)})`;
      default:
        return null;
    }
  });
}

/** Adds the display number to each block. */
export function numberBlocks<T extends { kind: BlockKind }>(blocks: readonly T[]): (T & { number: string | null })[] {
  const numbers = computeNumbers(blocks.map((b) => b.kind));
  return blocks.map((b, i) => ({ ...b, number: numbers[i] ?? null }));
}
