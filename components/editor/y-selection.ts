import * as Y from "yjs";
import { TextSelection } from "@tiptap/pm/state";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { EditorView } from "@tiptap/pm/view";
import { findAbsolutePositionAfterStructuralChange, ProsemirrorBinding } from "@tiptap/y-tiptap";
import { capturedSelection, type RelativeSelection } from "./y-selection-capture";

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
 * place, and the text may have been re-created elsewhere: a version restored (the whole
 * text replaced), Enter before the caret in your paragraph (y-prosemirror moves the rest
 * into a new paragraph), Backspace joining it to the previous one, its kind changed. Then
 * the caret goes, in this order of preference:
 * - into the next paragraph, when yours was split before the caret and that one holds the
 *   rest of your text;
 * - where Yjs put it, if that is still in your paragraph and the paragraph was not
 *   re-created (a deleted range held the caret: the start of the range);
 * - into the paragraph that has your paragraph's text, at your offset (y-tiptap's search,
 *   kept only when it finds that same text);
 * - into the paragraph that was before yours, if it now ends with your text (joined to it);
 * - into the paragraph that has your paragraph's id, at your offset or its end;
 * - where Yjs put it.
 * e2e/same-paragraph.spec.ts covers each case.
 *
 * What is remembered before the change is ours too (y-selection-capture.ts): the selection the
 * page shows, which a keystroke may have moved before the editor read it, with a selected
 * range's edges tied to its own characters (e2e/select-while-typing.spec.ts).
 */
type Binding = ProsemirrorBinding & { __plenarySelectionFix?: true };
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

/** True when the text (the paragraph) holding a relative position's characters was deleted too. */
function paragraphGone(doc: Y.Doc, rel: Y.RelativePosition): boolean {
  if (!rel.item) return gone(doc, rel);
  try {
    const struct = Y.getItem(doc.store, rel.item);
    const parent = struct instanceof Y.Item ? struct.parent : null;
    const item = parent instanceof Y.AbstractType ? parent._item : null;
    return !item || item.deleted;
  } catch {
    return true;
  }
}

/** The textblocks of a doc in order, each with the position where its content starts. */
function textblocks(doc: PMNode): { start: number; node: PMNode }[] {
  const out: { start: number; node: PMNode }[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) out.push({ start: pos + 1, node });
    return !node.isTextblock;
  });
  return out;
}

/** The id of the textblock before the one holding `pos`, if any. */
function previousTextblockId(doc: PMNode, pos: number): unknown {
  const blocks = textblocks(doc);
  const at = blocks.findIndex((b) => pos >= b.start && pos <= b.start + b.node.content.size);
  return at > 0 ? blocks[at - 1]!.node.attrs.id : null;
}

/** Where one end of the selection goes (see above); `yjs` is where the relative position put it. */
function relocate(ydoc: Y.Doc, oldDoc: PMNode, newDoc: PMNode, rel: Y.RelativePosition | null, oldAbs: number | undefined, yjs: number): number {
  if (!rel || oldAbs == null || oldAbs > oldDoc.content.size || !gone(ydoc, rel)) return yjs;
  const $old = oldDoc.resolve(oldAbs);
  if (!$old.parent.isTextblock) return yjs;
  const id = $old.parent.attrs.id;
  const text = $old.parent.textContent;
  const offset = $old.parentOffset;
  const blocks = textblocks(newDoc);
  const at = blocks.findIndex((b) => id != null && b.node.attrs.id === id);
  const yours = blocks[at];
  if (yours) {
    // Split before the caret (Enter earlier in your paragraph, or at its very start): your
    // paragraph keeps the text up to the split, the next one holds the rest.
    const head = yours.node.textContent;
    const next = blocks[at + 1];
    if (head.length < offset && text.startsWith(head) && next?.node.textContent === text.slice(head.length)) return next.start + offset - head.length;
    // Still in your paragraph, which was not re-created (a range deleted around the
    // caret): Yjs's nearest place.
    const $yjs = newDoc.resolve(Math.min(yjs, newDoc.content.size));
    if ($yjs.parent.attrs.id === id && !paragraphGone(ydoc, rel)) return yjs;
  }
  // Re-created elsewhere with the same text (a restored version): y-tiptap's search.
  const found = findAbsolutePositionAfterStructuralChange(oldDoc, newDoc, oldAbs);
  if (found !== null && newDoc.resolve(found).parent.textContent === text) return found;
  // Joined to the previous paragraph (Backspace at its start): that one, found by its id,
  // now ends with your text.
  const previousId = previousTextblockId(oldDoc, oldAbs);
  const joined = text && previousId != null ? blocks.find((b) => b.node.attrs.id === previousId) : undefined;
  if (joined && joined.node.textContent.length > text.length && joined.node.textContent.endsWith(text)) return joined.start + joined.node.textContent.length - text.length + offset;
  // Re-created with its id (its kind changed): your offset, or its end.
  return yours ? yours.start + Math.min(offset, yours.node.content.size) : yjs;
}

if (!proto.__plenarySelectionFix) {
  proto.__plenarySelectionFix = true;
  const initView = proto.initView;
  const wrapped = new WeakSet<ProsemirrorBinding>();
  // `beforeAllTransactions` is a per-binding field, registered (and later removed) by initView.
  proto.initView = function (this: ProsemirrorBinding, view: EditorView) {
    if (!wrapped.has(this)) {
      wrapped.add(this);
      const capture = this.beforeAllTransactions;
      this.beforeAllTransactions = () => {
        const current: EditorView | null = this.prosemirrorView;
        const captured = this.beforeTransactionSelection === null && current ? capturedSelection(this, current) : null;
        if (captured) this.beforeTransactionSelection = captured;
        capture();
      };
    }
    initView.call(this, view);
  };
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
