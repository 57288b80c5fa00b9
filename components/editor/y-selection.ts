import { ProsemirrorBinding } from "@tiptap/y-tiptap";

/**
 * Keeps your caret after your own words when someone else types in the same paragraph.
 *
 * From 3.0.6 on, y-tiptap "recovers" the local selection after a remote change whenever
 * the paragraph holding it has a different text afterwards, which is every remote edit in
 * the paragraph you are typing in. The recovery finds the paragraph again (by its unique
 * id) and puts the caret back at its OLD offset in it, so a word typed before your caret
 * leaves it inside someone else's text and your next keystrokes land there, stored as such
 * (ueberdosis/tiptap#7332, #7213). The Yjs relative position the binding also keeps is
 * right in that case: it moves with the text. y-tiptap skips the recovery when the
 * selection has no absolute positions, so they are dropped before each remote change is
 * applied, which is what y-tiptap 3.0.5 did. e2e/same-paragraph.spec.ts fails without it.
 */
type Binding = ProsemirrorBinding & { __plenarySelectionFix?: true };
const proto = ProsemirrorBinding.prototype as Binding;

if (!proto.__plenarySelectionFix) {
  proto.__plenarySelectionFix = true;
  const typeChanged = proto._typeChanged;
  // Bound per binding in its constructor (`_observeFunction`), after this module has run.
  proto._typeChanged = function (this: ProsemirrorBinding, events, transaction) {
    const selection = this.beforeTransactionSelection;
    if (selection) this.beforeTransactionSelection = { ...selection, absAnchor: undefined, absHead: undefined } as unknown as typeof selection;
    typeChanged.call(this, events, transaction);
  };
}
