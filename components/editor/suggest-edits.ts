import { TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";
import type { Mark, Node as PmNode } from "@tiptap/pm/model";
import { SUGGESTION_MARKS } from "@/lib/editor/marks";

/** Marks a transaction as one of ours (a tracked suggestion), so suggest mode's filter lets it pass. */
export const SUGGEST_META = "plenarySuggestion";

/** An edit suggest mode does not make, with what the delegate is told. */
export interface Refusal {
  refused: string;
}

/** Who is drafting: the delegation's code (carried by every mark) and how to name a delegation. */
export interface Drafter {
  delegation: string;
  nameOf: (code: string) => string;
}

export const ACROSS = "A change across paragraphs is the chair's to make: select within one paragraph.";

type SuggestionName = "insertion" | "deletion";

function newSuggestionId(): string {
  return crypto.randomUUID().slice(0, 13);
}

function suggestionMark(marks: readonly Mark[], name: SuggestionName): Mark | undefined {
  return marks.find((m) => m.type.name === name);
}

function isOwn(mark: Mark | undefined, delegation: string): boolean {
  return !!mark && mark.attrs.delegation === delegation;
}

/** A delegation's tracked insertion or deletion (not formatting). */
export function isSuggestionMark(m: Mark): boolean {
  return (SUGGESTION_MARKS as readonly string[]).includes(m.type.name);
}

/**
 * The id of our own suggestion of `name` right before `pos` (or right after it, with
 * `side` "after"), to extend it instead of starting a new one.
 */
function adjacentId(doc: PmNode, pos: number, name: SuggestionName, delegation: string, side: "before" | "after" = "before"): string | null {
  const $pos = doc.resolve(pos);
  const node = side === "before" ? $pos.nodeBefore : $pos.nodeAfter;
  const mark = node?.isText ? suggestionMark(node.marks, name) : undefined;
  return mark && isOwn(mark, delegation) ? String(mark.attrs.id) : null;
}

/** Calls `each` with every text node's part inside [from, to) (none for an empty range). */
function eachText(doc: PmNode, from: number, to: number, each: (node: PmNode, start: number, end: number) => void): void {
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.nodeSize);
    if (start < end) each(node, start, end);
    return false;
  });
}

/** The id of the first of our own suggestions inside [from, to): words typed over it continue it. */
function ownIdIn(doc: PmNode, from: number, to: number, delegation: string): string | null {
  let id: string | null = null;
  eachText(doc, from, to, (node) => {
    const mark = node.marks.find(isSuggestionMark);
    if (id === null && mark && isOwn(mark, delegation)) id = String(mark.attrs.id);
  });
  return id;
}

function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

/**
 * Refuses an edit of [from, to) that would change words another delegation proposed (its
 * tracked insertion), null when there are none. A delegation's proposal is its own: another
 * delegation objects to it, it does not strike or overwrite it (the server reverts such a
 * change anyway). The whole keystroke is refused rather than applied around those words:
 * typing over them would leave the new words glued to theirs ("in any wayat all"), and
 * striking the rest of a selection would leave their words stranded inside a deletion.
 * Nothing changes, and the delegate is told whose words they are and what to do instead.
 * Another delegation's proposed deletion is no obstacle: those words stay struck as they are.
 */
function othersWords(doc: PmNode, from: number, to: number, { delegation, nameOf }: Drafter): Refusal | null {
  const codes: string[] = [];
  let rest = false;
  eachText(doc, from, to, (node) => {
    const mark = suggestionMark(node.marks, "insertion");
    const code = mark ? String(mark.attrs.delegation) : null;
    if (code === null || code === delegation) rest = true;
    else if (!codes.includes(code)) codes.push(code);
  });
  if (codes.length === 0) return null;
  const who = names(codes.map(nameOf));
  if (codes.length > 1) {
    return { refused: `The selection includes words proposed by ${who}: only each delegation can change its own. Select around them, or object to the proposals instead.` };
  }
  if (rest) return { refused: `The selection includes ${who}'s proposed words: only ${who} can change them. Select around them, or object to the proposal instead.` };
  return { refused: `These words are ${who}'s proposal: only ${who} can change them; object to it instead.` };
}

/**
 * Turns a range into a proposed deletion under `id`: accepted text gets our deletion mark,
 * our own proposed insertions are removed for real, text already proposed for deletion stays.
 */
function proposeDeletion(tr: Transaction, from: number, to: number, delegation: string, id: string): void {
  const { schema } = tr.doc.type;
  const ownInsertions: [number, number][] = [];
  eachText(tr.doc, from, to, (node, start, end) => {
    if (isOwn(suggestionMark(node.marks, "insertion"), delegation)) ownInsertions.push([start, end]);
    else if (!node.marks.some(isSuggestionMark)) tr.addMark(start, end, schema.marks.deletion!.create({ id, delegation }));
  });
  for (const [start, end] of ownInsertions.reverse()) tr.delete(start, end);
}

function insertSuggestion(tr: Transaction, pos: number, text: string, delegation: string, id: string): number {
  const { schema } = tr.doc.type;
  const mark = schema.marks.insertion!.create({ id, delegation });
  const inherited = tr.doc.resolve(pos).marks().filter((m) => !isSuggestionMark(m));
  tr.insert(pos, schema.text(text, [...inherited, mark]));
  return pos + text.length;
}

/**
 * The id of words typed over [from, to) (empty: at a caret). Typing over a selection is one
 * suggestion, "replace X with Y", its deletion and insertion under one id, decided whole:
 * accepting one half and rejecting the other would leave broken text. The words continue our
 * own suggestion they are typed over or next to: typing on after a replacement extends its
 * insertion, and words typed where we just struck others (Delete, then typing) replace them.
 */
function typingId(doc: PmNode, from: number, to: number, delegation: string): string {
  return (
    ownIdIn(doc, from, to, delegation) ??
    adjacentId(doc, from, "insertion", delegation) ??
    adjacentId(doc, to, "insertion", delegation, "after") ??
    adjacentId(doc, from, "deletion", delegation) ??
    adjacentId(doc, to, "deletion", delegation, "after") ??
    newSuggestionId()
  );
}

export function sameBlock(state: EditorState, from: number, to: number): boolean {
  return state.doc.resolve(from).parent === state.doc.resolve(to).parent;
}

/**
 * Typing (or pasting) `text` over [from, to) in open drafting: the range proposed for
 * deletion and the text proposed for insertion after it, one suggestion.
 */
export function typeEdit(state: EditorState, from: number, to: number, text: string, drafter: Drafter): Transaction | Refusal {
  if (!sameBlock(state, from, to)) return { refused: ACROSS };
  const others = othersWords(state.doc, from, to, drafter);
  if (others) return others;
  const { delegation } = drafter;
  const id = typingId(state.doc, from, to, delegation);
  const tr = state.tr.setMeta(SUGGEST_META, true);
  proposeDeletion(tr, from, to, delegation, id);
  const end = insertSuggestion(tr, tr.mapping.map(to, 1), text, delegation, id);
  tr.setSelection(TextSelection.create(tr.doc, end));
  return tr.scrollIntoView();
}

/**
 * Delete (`forward`) or Backspace in open drafting: the selection, or the character beside
 * the caret, proposed for deletion. Null when there is nothing to do (the caret at a
 * paragraph's edge: joining paragraphs is the chair's).
 */
export function deleteEdit(state: EditorState, forward: boolean, drafter: Drafter): Transaction | Refusal | null {
  const { from, to, empty, $from } = state.selection;
  const { delegation } = drafter;
  // One character: never across a paragraph boundary (that would merge paragraphs).
  const start = empty ? (forward ? from : from - 1) : from;
  const end = empty ? start + 1 : to;
  if (empty && (start < $from.start() || end > $from.end())) return null;
  if (!sameBlock(state, start, end)) return { refused: ACROSS };
  const others = othersWords(state.doc, start, end, drafter);
  if (others) return others;
  // Delete extends the deletion before the range, Backspace the one after it (first): a
  // word deleted key by key is one suggestion, as in Word.
  const before = adjacentId(state.doc, start, "deletion", delegation);
  const after = adjacentId(state.doc, end, "deletion", delegation, "after");
  const backward = empty && !forward;
  const id = (backward ? (after ?? before) : (before ?? after)) ?? newSuggestionId();
  const tr = state.tr.setMeta(SUGGEST_META, true);
  proposeDeletion(tr, start, end, delegation, id);
  const cursor = empty ? (forward ? tr.mapping.map(end) : tr.mapping.map(start, -1)) : tr.mapping.map(forward ? to : from);
  tr.setSelection(TextSelection.create(tr.doc, cursor));
  return tr;
}
