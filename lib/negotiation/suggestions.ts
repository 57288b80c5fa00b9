/**
 * Tracked suggestions of open drafting: listing them, and the chair's accept / reject.
 */
import type * as Y from "yjs";
import { readBlocks, suggestionMarkOf, type SuggestionType, type TextPiece } from "./projection";

export type { SuggestionType } from "./projection";

/** One tracked change: a contiguous range with the same suggestion mark in one block. */
export interface Suggestion {
  /** The suggestion id carried by the mark. */
  id: string;
  type: SuggestionType;
  /** Delegation code carried by the mark. */
  delegation: string;
  blockId: string;
  /** Character range in the block's text (as renderParagraphs gives it), `to` exclusive. */
  from: number;
  to: number;
  text: string;
}

/** Which suggestions to decide: every given field must match; `{}` matches all. */
export interface SuggestionFilter {
  id?: string;
  blockId?: string;
  delegation?: string;
}

/** A suggestion and the Yjs runs it covers, to act on the right Y.XmlText. */
interface Located {
  suggestion: Suggestion;
  pieces: TextPiece[];
}

function locate(doc: Y.Doc): Located[] {
  const out: Located[] = [];
  for (const block of readBlocks(doc)) {
    // Only element blocks hold editable text; a stray top-level node has no id to decide by.
    if (block.kind.startsWith("#")) continue;
    let offset = 0;
    let current = null as Located | null;
    for (const piece of block.pieces) {
      if (!("text" in piece)) {
        // Not text in the editor: it interrupts a range but takes no offset.
        current = null;
        continue;
      }
      const start = offset;
      offset += piece.text.length;
      const mark = suggestionMarkOf(piece.attributes);
      if (mark.kind !== "suggestion") {
        // Malformed marks cannot be named by id; the chair edits those directly.
        current = null;
        continue;
      }
      const s: Suggestion | undefined = current?.suggestion;
      if (current && s && s.id === mark.id && s.type === mark.type && s.delegation === mark.delegation && s.to === start) {
        s.to = offset;
        s.text += piece.text;
        current.pieces.push(piece);
        continue;
      }
      current = {
        suggestion: { id: mark.id, type: mark.type, delegation: mark.delegation, blockId: block.id, from: start, to: offset, text: piece.text },
        pieces: [piece],
      };
      out.push(current);
    }
  }
  return out;
}

/**
 * Every suggestion in text order. Adjacent runs with the same type, id and delegation form
 * one suggestion; when the same id appears in separate ranges (other text between them, or
 * in two blocks) each range is listed on its own, and deciding by that id decides them all.
 */
export function listSuggestions(doc: Y.Doc): Suggestion[] {
  return locate(doc).map((l) => l.suggestion);
}

/** How many tracked changes the kept pieces make: a change drawn in several pieces counts once. */
export function countChanges(suggestions: readonly Suggestion[], keep: (s: Suggestion) => boolean = () => true): number {
  return new Set(suggestions.filter(keep).map((s) => s.id)).size;
}

/**
 * The pieces of each tracked change (one id, drawn in several ranges when others typed
 * inside it or its paragraph was split), grouped by id in the order their first pieces come.
 */
export function piecesById<T extends { id: string }>(pieces: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const p of pieces) {
    const group = groups.get(p.id);
    if (group) group.push(p);
    else groups.set(p.id, [p]);
  }
  return groups;
}

/** The words of a change's pieces, " … " between pieces (others' words typed inside it, its paragraph split). */
export function piecesText(pieces: readonly { text: string }[]): string {
  return pieces.map((p) => p.text).join(" … ");
}

/** What one tracked change does: inserts words, deletes words, or replaces words with others. */
export type ChangeKind = SuggestionType | "replacement";

/**
 * A tracked change read from its pieces (one id): a delegate who types over a selection
 * proposes its deletion and the new words under one id, decided as one "replace X with Y",
 * as Word and Google Docs show it. Pieces keep their text order in `deleted` and `inserted`.
 */
export function changeOf<T extends { type: SuggestionType }>(pieces: readonly T[]): { kind: ChangeKind; deleted: T[]; inserted: T[] } {
  const deleted = pieces.filter((p) => p.type === "deletion");
  const inserted = pieces.filter((p) => p.type === "insertion");
  const kind: ChangeKind = deleted.length && inserted.length ? "replacement" : inserted.length ? "insertion" : "deletion";
  return { kind, deleted, inserted };
}

/** Whether a suggestion matches a filter (each given field must be equal). */
export function matchesSuggestion(s: Suggestion, filter: SuggestionFilter): boolean {
  // `!== undefined`, not truthiness: an empty id must match nothing rather than everything.
  return (
    (filter.id === undefined || s.id === filter.id) &&
    (filter.blockId === undefined || s.blockId === filter.blockId) &&
    (filter.delegation === undefined || s.delegation === filter.delegation)
  );
}

/** One tracked change's key: its id, and the delegation whose marks carry it. */
const changeKey = (s: { id: string; delegation: string }) => JSON.stringify([s.id, s.delegation]);

/** The pieces of each tracked change, one group per (id, delegation), in the order their first pieces come. */
export function piecesByChange<T extends { id: string; delegation: string }>(pieces: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const p of pieces) {
    const key = changeKey(p);
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()];
}

/**
 * The suggestions matching a filter, with every other piece of the changes they belong to
 * (same id and delegation): a change is decided whole. A replacement whose deletion ends
 * one paragraph and whose insertion begins the next (the chair split it) must not have
 * one half accepted with the first paragraph's changes and the other left to be rejected.
 */
export function wholeChanges<T extends Suggestion>(suggestions: readonly T[], filter: SuggestionFilter): T[] {
  const keys = new Set(suggestions.filter((s) => matchesSuggestion(s, filter)).map(changeKey));
  return suggestions.filter((s) => keys.has(changeKey(s)));
}

function decide(doc: Y.Doc, filter: SuggestionFilter, accept: boolean, origin: unknown): number {
  const located = locate(doc);
  const keys = new Set(wholeChanges(located.map((l) => l.suggestion), filter).map(changeKey));
  const chosen = located.filter((l) => keys.has(changeKey(l.suggestion)));
  if (chosen.length === 0) return 0;
  // Group the runs by Y.XmlText (not by block id, which need not be unique), and work from
  // the end of each text backwards so the indexes still to be used stay valid.
  const byText = new Map<Y.XmlText, { piece: TextPiece; type: SuggestionType }[]>();
  for (const { suggestion, pieces } of chosen) {
    for (const piece of pieces) {
      let list = byText.get(piece.target);
      if (!list) byText.set(piece.target, (list = []));
      list.push({ piece, type: suggestion.type });
    }
  }
  doc.transact(() => {
    for (const [text, runs] of byText) {
      runs.sort((x, y) => y.piece.index - x.piece.index);
      for (const { piece, type } of runs) {
        // Accepting an insertion or rejecting a deletion keeps the text and drops the mark;
        // the two other decisions remove the text.
        const keepText = (type === "insertion") === accept;
        if (keepText) text.format(piece.index, piece.text.length, { [type]: null });
        else text.delete(piece.index, piece.text.length);
      }
    }
  }, origin ?? null);
  return chosen.length;
}

/**
 * Accepts the matching suggestions, whole changes (wholeChanges), in one transaction: an
 * insertion's text becomes accepted text, a deletion's text is removed; a replacement's new
 * words stay, its old ones go. Returns how many suggestions (ranges) were decided.
 */
export function acceptSuggestions(doc: Y.Doc, filter: SuggestionFilter, origin?: unknown): number {
  return decide(doc, filter, true, origin);
}

/**
 * Rejects the matching suggestions, whole changes (wholeChanges), in one transaction: an
 * insertion's text is removed, a deletion's text stays accepted; a replacement's old words
 * stay, its new ones go. Returns how many suggestions (ranges) were decided.
 */
export function rejectSuggestions(doc: Y.Doc, filter: SuggestionFilter, origin?: unknown): number {
  return decide(doc, filter, false, origin);
}
