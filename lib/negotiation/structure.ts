/**
 * Paragraph splits and joins between two states of the text, found by block id and text:
 * a paragraph's status (agreed, bracketed ...) is kept by block id, and a split gives one of
 * its parts a new id (the editor: the second, unless the first is empty), so the chair's
 * editor carries the status over to it and says so. Either part is looked for, and either
 * side of a join, so the rule of which part keeps the id is the editor's alone.
 */
export interface BlockText {
  id: string;
  text: string;
}

export type StructureChange =
  /** `from` was cut in two at a point: its `part` (the first or the second) is the new block `into`. */
  | { kind: "split"; from: string; into: string; part: "first" | "second" }
  /** `absorbed` is gone, its text joined to `into`'s (Backspace at a paragraph's start). */
  | { kind: "join"; absorbed: string; into: string };

export function structureChanges(before: readonly BlockText[], after: readonly BlockText[]): StructureChange[] {
  const old = new Map(before.map((b) => [b.id, b.text]));
  const now = new Map(after.map((b) => [b.id, b.text]));
  const changes: StructureChange[] = [];
  after.forEach((b, i) => {
    if (old.has(b.id) || b.text === "") return;
    const prev = after[i - 1];
    const next = after[i + 1];
    if (prev && old.has(prev.id) && old.get(prev.id) === prev.text + b.text) changes.push({ kind: "split", from: prev.id, into: b.id, part: "second" });
    else if (next && old.has(next.id) && old.get(next.id) === b.text + next.text) changes.push({ kind: "split", from: next.id, into: b.id, part: "first" });
  });
  before.forEach((b, i) => {
    if (now.has(b.id) || b.text === "") return;
    const prev = before[i - 1];
    const next = before[i + 1];
    if (prev && now.has(prev.id) && now.get(prev.id) === prev.text + b.text) changes.push({ kind: "join", absorbed: b.id, into: prev.id });
    // The joined block kept the second's id.
    else if (next && now.has(next.id) && now.get(next.id) === b.text + next.text) changes.push({ kind: "join", absorbed: b.id, into: next.id });
  });
  return changes;
}
