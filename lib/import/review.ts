import type { BlockKind } from "../model/types";

/**
 * The title a draft takes once the chair has reviewed its kinds: the text of the first block
 * marked Title, so that correcting which line is the title renames the document. With no
 * block marked Title the detected title stays: a document always has a name.
 */
export function reviewedTitle(blocks: readonly { text: string }[], kinds: readonly BlockKind[], detected: string): string {
  const index = kinds.findIndex((kind, i) => kind === "title" && blocks[i]?.text.trim());
  return blocks[index]?.text.trim() ?? detected;
}
