import * as Y from "yjs";
import { SUGGESTION_MARKS } from "../../lib/editor/marks";

/** Attributes that carry tracked changes (a delegation's proposed insertion or deletion). */
const SUGGESTION_KEYS = new Set<string>(SUGGESTION_MARKS);

/** Text to mark again: `length` characters at `index` of `text` lost the attribute `key`. */
export interface LostMark {
  text: Y.XmlText;
  index: number;
  length: number;
  key: string;
  value: unknown;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return x.id === y.id && x.delegation === y.delegation;
}

/**
 * Text that a transaction left without its tracked-change mark. Yjs keeps formatting as
 * start/end markers around text, and deleting text also deletes the markers left with
 * nothing between them: when the chair splits or cuts a paragraph's tail while a delegate
 * types at the end of their tracked insertion there, the delegate's new characters (unknown
 * to the chair) lose their mark, and would read as accepted text. Found from the markers the
 * transaction deleted: the visible text between such a marker and the next marker of its key.
 * Call from an `afterTransaction` handler (before Yjs garbage-collects the deleted markers).
 */
export function findLostMarks(transaction: Y.Transaction): LostMark[] {
  const markers: Y.Item[] = [];
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentFormat && SUGGESTION_KEYS.has(struct.content.key) && struct.content.value !== null) {
      markers.push(struct);
    }
  });
  const lost: LostMark[] = [];
  for (const marker of markers) {
    const text = marker.parent;
    if (!(text instanceof Y.XmlText) || text._item?.deleted) continue;
    const { key, value } = marker.content as Y.ContentFormat;
    let index = 0;
    let inSpan = false;
    let current: unknown = null;
    for (let n = text._start; n; n = n.right) {
      if (n === marker) {
        inSpan = true;
        continue;
      }
      if (n.content instanceof Y.ContentFormat) {
        if (n.content.key !== key) continue;
        if (inSpan) break;
        if (!n.deleted) current = n.content.value;
        continue;
      }
      if (n.deleted || !n.countable) continue;
      if (inSpan && !sameValue(current, value)) lost.push({ text, index, length: n.length, key, value });
      index += n.length;
    }
  }
  return lost;
}

/** Marks the lost text again (call in a transaction); returns how many characters. */
export function restoreMarks(lost: readonly LostMark[]): number {
  let restored = 0;
  for (const l of lost) {
    if (l.text._item?.deleted) continue;
    l.text.format(l.index, l.length, { [l.key]: l.value });
    restored += l.length;
  }
  return restored;
}
