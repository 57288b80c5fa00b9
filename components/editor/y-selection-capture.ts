import * as Y from "yjs";
import { TextSelection, type Selection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { absolutePositionToRelativePosition, type ProsemirrorBinding } from "@tiptap/y-tiptap";

export type RelativeSelection = NonNullable<ProsemirrorBinding["beforeTransactionSelection"]>;

/**
 * The text selection the page shows, when the editor has not read it yet: Shift+Arrow (or a
 * click) moves the DOM selection at once, and ProseMirror reads it at the next
 * `selectionchange`, a task later. A remote change handled in between is mapped from the
 * editor's older selection, which is then written back to the page: the keystroke is lost
 * (y-prosemirror#146). Null when the editor's selection is the page's, or is not a text
 * selection, or the page's cannot be read now (composing, the editor without focus).
 */
export function shownSelection(view: EditorView): Selection | null {
  const { selection, doc } = view.state;
  if (!(selection instanceof TextSelection) || view.composing) return null;
  // As ProseMirror reads it: an editable editor's selection only while it has focus.
  if (view.editable && !view.hasFocus()) return null;
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom?.anchorNode || !dom.focusNode || !view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return null;
  const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
  const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  const inside = (pos: number) => pos >= 0 && pos <= doc.content.size;
  if (!inside(anchor) || !inside(head) || (anchor === selection.anchor && head === selection.head)) return null;
  return TextSelection.between(doc.resolve(anchor), doc.resolve(head));
}

/** The same place, tied to the character after it instead of the one before (where there is text). */
function toCharacterAfter(doc: Y.Doc, rel: Y.RelativePosition): Y.RelativePosition {
  const at = Y.createAbsolutePositionFromRelativePosition(rel, doc);
  return at && at.type instanceof Y.XmlText ? Y.createRelativePositionFromTypeIndex(at.type, at.index, 0) : rel;
}

/**
 * A text selection as Yjs relative positions, which y-tiptap puts back after a remote change.
 * y-tiptap ties every position to the character before it, so words typed right before a
 * selected range went into it; here a range's start follows its first character and its end
 * its last one: words typed at either edge stay outside, words typed inside are inside. A
 * caret keeps y-tiptap's tie.
 */
export function relativeSelection(binding: ProsemirrorBinding, selection: TextSelection): RelativeSelection {
  const relative = (pos: number): Y.RelativePosition => absolutePositionToRelativePosition(pos, binding.type, binding.mapping);
  let anchor = relative(selection.anchor);
  let head = relative(selection.head);
  if (selection.anchor < selection.head) anchor = toCharacterAfter(binding.doc, anchor);
  if (selection.head < selection.anchor) head = toCharacterAfter(binding.doc, head);
  return { type: "text", depth: undefined, anchor, head, absAnchor: selection.anchor, absHead: selection.head };
}

/**
 * What y-tiptap should remember before a Yjs transaction (null: its own capture): the page's
 * selection when the editor has not read it yet, and a text selection with its range's edges
 * tied to its own characters.
 */
export function capturedSelection(binding: ProsemirrorBinding, view: EditorView): RelativeSelection | null {
  const selection = shownSelection(view) ?? view.state.selection;
  return selection instanceof TextSelection ? relativeSelection(binding, selection) : null;
}
