/**
 * Paragraph splits and joins between two states of the text, found by block id and text:
 * a paragraph's status (agreed, bracketed ...) is kept by block id, and a split gives its
 * second part a new id, so the chair's editor carries the status over and says so.
 */
export interface BlockText {
  id: string;
  text: string;
}

export type StructureChange =
  /** `from` was cut in two at a point: its second part is the new block `into`. */
  | { kind: "split"; from: string; into: string }
  /** `absorbed` is gone, its text appended to `into` (Backspace at its start). */
  | { kind: "join"; absorbed: string; into: string };

export function structureChanges(before: readonly BlockText[], after: readonly BlockText[]): StructureChange[] {
  const old = new Map(before.map((b) => [b.id, b.text]));
  const now = new Map(after.map((b) => [b.id, b.text]));
  const changes: StructureChange[] = [];
  after.forEach((b, i) => {
    const prev = after[i - 1];
    if (old.has(b.id) || !prev || !old.has(prev.id) || b.text === "") return;
    if (old.get(prev.id) === prev.text + b.text) changes.push({ kind: "split", from: prev.id, into: b.id });
  });
  before.forEach((b, i) => {
    const prev = before[i - 1];
    if (now.has(b.id) || !prev || !now.has(prev.id) || b.text === "") return;
    if (now.get(prev.id) === prev.text + b.text) changes.push({ kind: "join", absorbed: b.id, into: prev.id });
  });
  return changes;
}
