import * as Y from "yjs";
import { TextSelection } from "@tiptap/pm/state";
import type { Node as PMNode } from "@tiptap/pm/model";
import { findAbsolutePositionAfterStructuralChange, ProsemirrorBinding } from "@tiptap/y-tiptap";

/**
 * Keeps your caret after your own words when someone else edits the text.
 *
 * After a remote change y-tiptap puts the local selection back from the Yjs relative
 * positions it took before the change, which follow the characters they name. From 3.0.6
 * on it then second-guesses them whenever the paragraph holding the caret has a different
 * text afterwards, which is every remote edit in the paragraph you are typing in: it finds
 * the paragraph again (by its unique id) and puts the caret back at its OLD offset, so a
 * word typed before your caret leaves it inside someone else's text and your next
 * keystrokes land there, stored as such (ueberdosis/tiptap#7332, #7213).
 *
 * So the relative positions decide while the characters they name still exist (they are
 * exact then). When those characters were deleted, Yjs can only give the nearest surviving
 * place, and the paragraph may have been re-created elsewhere: a version restored (the
 * whole text replaced), Enter at the very start of your paragraph (its text moves into a
 * new paragraph), its kind changed. Then the caret goes, in this order of preference:
 * - where Yjs put it, if that is still in your paragraph (a deleted range held the caret:
 *   the start of the range);
 * - into the paragraph that has your paragraph's text, at your offset (y-tiptap's search,
 *   kept only when it finds that same text);
 * - into the paragraph that has your paragraph's id, at your offset or its end;
 * - where Yjs put it.
 * e2e/same-paragraph.spec.ts covers each case.
 */
type Binding = ProsemirrorBinding & { __plenarySelectionFix?: true };
type RelativeSelection = NonNullable<ProsemirrorBinding["beforeTransactionSelection"]>;
const proto = ProsemirrorBinding.prototype as Binding;

/** True when the characters (or the paragraph) a relative position names were deleted. */
function gone(doc: Y.Doc, rel: Y.RelativePosition | null): boolean {
  const id = rel?.item ?? rel?.type ?? null;
  if (!id) return false;
  try {
    return Y.getItem(doc.store, id).deleted;
  } catch {
    return true;
  }
}

/** Start of the content of the textblock with block id `id`, and that block; null when none has it. */
function blockWithId(doc: PMNode, id: unknown): { start: number; node: PMNode } | null {
  let found: { start: number; node: PMNode } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.isTextblock && node.attrs.id === id) found = { start: pos + 1, node };
    return !node.isTextblock;
  });
  return found;
}

/** Where one end of the selection goes (see above); `yjs` is where the relative position put it. */
function relocate(ydoc: Y.Doc, oldDoc: PMNode, newDoc: PMNode, rel: Y.RelativePosition | null, oldAbs: number | undefined, yjs: number): number {
  if (!rel || oldAbs == null || oldAbs > oldDoc.content.size || !gone(ydoc, rel)) return yjs;
  const $old = oldDoc.resolve(oldAbs);
  if (!$old.parent.isTextblock) return yjs;
  const id = $old.parent.attrs.id;
  if (id != null && newDoc.resolve(Math.min(yjs, newDoc.content.size)).parent.attrs.id === id) return yjs;
  const found = findAbsolutePositionAfterStructuralChange(oldDoc, newDoc, oldAbs);
  if (found !== null && newDoc.resolve(found).parent.textContent === $old.parent.textContent) return found;
  const same = id != null ? blockWithId(newDoc, id) : null;
  return same ? same.start + Math.min($old.parentOffset, same.node.content.size) : yjs;
}

if (!proto.__plenarySelectionFix) {
  proto.__plenarySelectionFix = true;
  const typeChanged = proto._typeChanged;
  // Bound per binding in its constructor (`_observeFunction`), after this module has run.
  proto._typeChanged = function (this: ProsemirrorBinding, events, transaction) {
    const before: RelativeSelection | null = this.beforeTransactionSelection;
    const view = this.prosemirrorView;
    const oldDoc: PMNode | undefined = view?.state.doc;
    // Without absolute positions y-tiptap skips its recovery: the relative positions decide.
    if (before) this.beforeTransactionSelection = { ...before, absAnchor: undefined, absHead: undefined } as unknown as RelativeSelection;
    typeChanged.call(this, events, transaction);
    if (!before || before.type !== "text" || !view || !oldDoc || view.state.doc === oldDoc) return;
    const { selection, doc } = view.state;
    const anchor = relocate(this.doc, oldDoc, doc, before.anchor, before.absAnchor, selection.anchor);
    const head = relocate(this.doc, oldDoc, doc, before.head, before.absHead, selection.head);
    if (anchor === selection.anchor && head === selection.head) return;
    view.dispatch(view.state.tr.setSelection(TextSelection.between(doc.resolve(anchor), doc.resolve(head))).setMeta("addToHistory", false));
  };
}
