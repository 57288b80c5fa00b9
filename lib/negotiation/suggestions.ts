import type * as Y from "yjs";
import { suggestionOf, walkBlocks, type SuggestionType } from "./text-walk";

/** One tracked change: a contiguous range with the same suggestion mark in one block. */
export interface Suggestion {
  id: string;
  type: SuggestionType;
  delegation: string;
  blockId: string;
  from: number;
  to: number;
  text: string;
}

export interface SuggestionFilter {
  id?: string;
  blockId?: string;
  delegation?: string;
}

/**
 * Every suggestion in text order. Ranges of the same id separated by other text are listed
 * separately (each is accepted or rejected with the id).
 */
export function listSuggestions(doc: Y.Doc): Suggestion[] {
  const out: Suggestion[] = [];
  for (const block of walkBlocks(doc)) {
    let offset = 0;
    let current: Suggestion | null = null;
    for (const seg of block.segments) {
      const s = suggestionOf(seg.attributes);
      const start = offset;
      offset += seg.text.length;
      if (!s || typeof s.id !== "string" || typeof s.delegation !== "string") {
        current = null;
        continue;
      }
      if (current && current.id === s.id && current.type === s.type && current.to === start) {
        current.to = offset;
        current.text += seg.text;
        continue;
      }
      current = { id: s.id, type: s.type, delegation: s.delegation, blockId: block.id, from: start, to: offset, text: seg.text };
      out.push(current);
    }
  }
  return out;
}

function matches(s: Suggestion, f: SuggestionFilter): boolean {
  return (!f.id || s.id === f.id) && (!f.blockId || s.blockId === f.blockId) && (!f.delegation || s.delegation === f.delegation);
}

function decide(doc: Y.Doc, filter: SuggestionFilter, accept: boolean, origin?: unknown): number {
  const chosen = listSuggestions(doc).filter((s) => matches(s, filter));
  const texts = new Map(walkBlocks(doc).map((b) => [b.id, b.text]));
  doc.transact(() => {
    // From the end backwards, so earlier offsets stay valid.
    for (const s of [...chosen].sort((a, b) => a.blockId.localeCompare(b.blockId) || b.from - a.from)) {
      const text = texts.get(s.blockId);
      if (!text) continue;
      const removeText = (s.type === "insertion") !== accept;
      if (removeText) text.delete(s.from, s.to - s.from);
      else text.format(s.from, s.to - s.from, { [s.type]: null });
    }
  }, origin);
  return chosen.length;
}

/** Accepting makes an insertion part of the text and carries out a deletion. */
export function acceptSuggestions(doc: Y.Doc, filter: SuggestionFilter, origin?: unknown): number {
  return decide(doc, filter, true, origin);
}

/** Rejecting removes an inserted text and keeps a text proposed for deletion. */
export function rejectSuggestions(doc: Y.Doc, filter: SuggestionFilter, origin?: unknown): number {
  return decide(doc, filter, false, origin);
}
