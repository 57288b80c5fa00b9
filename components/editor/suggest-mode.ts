import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";
import type { Node as PmNode } from "@tiptap/pm/model";
import type { EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { deleteEdit, isSuggestionMark, SUGGEST_META, typeEdit, type Drafter, type Refusal } from "./suggest-edits";

const key = new PluginKey("suggestMode");

export interface SuggestState {
  /** True for a delegate while the document is in open drafting. */
  enabled: boolean;
  /** The delegate's delegation code, carried by every suggestion mark. */
  delegation: string | null;
  /** A delegation's name from its code, to say whose words a refused edit would change. */
  nameOf?: (code: string) => string;
  /** The printed number of a paragraph closed to drafting (agreed), or null when it is open. */
  closed?: (blockId: string) => string | null;
  /** Typing in a closed paragraph went nowhere: say why. */
  onClosed?: (paragraph: string) => void;
  /** A key that does nothing in open drafting (Enter, a change across paragraphs, cut, another delegation's words): say why. */
  onRefused?: (why: string) => void;
}

/** The closed paragraph a range touches (its number), if any: the server would revert the change. */
function closedIn(state: EditorState, from: number, to: number, closed: SuggestState["closed"]): string | null {
  if (!closed) return null;
  let hit: string | null = null;
  const check = (node: PmNode) => {
    if (hit === null && node.isTextblock && typeof node.attrs.id === "string") hit = closed(node.attrs.id);
  };
  check(state.doc.resolve(from).parent);
  check(state.doc.resolve(to).parent);
  state.doc.nodesBetween(from, to, (node) => {
    check(node);
    return hit === null;
  });
  return hit;
}

/** Applies an edit of suggest mode, or says why it was refused. */
function apply(view: EditorView, edit: Transaction | Refusal | null, onRefused: SuggestState["onRefused"]): boolean {
  if (edit === null) return true;
  if ("refused" in edit) onRefused?.(edit.refused);
  else view.dispatch(edit);
  return true;
}

/**
 * Typing outside suggest mode (the chair) inside a delegation's tracked change: the typed
 * words are the chair's, not part of that delegation's proposal, as in Word with tracking
 * off. Left to ProseMirror (false) where no suggestion mark would be carried over.
 */
function plainText(view: EditorView, from: number, to: number, text: string): boolean {
  const marks = view.state.storedMarks ?? view.state.doc.resolve(from).marks();
  if (!marks.some(isSuggestionMark)) return false;
  const kept = marks.filter((m) => !isSuggestionMark(m));
  const tr = view.state.tr.replaceWith(from, to, view.state.schema.text(text, kept));
  tr.setSelection(TextSelection.create(tr.doc, from + text.length));
  view.dispatch(tr.scrollIntoView());
  return true;
}

/**
 * Open drafting for delegates, as Word's track changes: typing inserts text marked with the
 * delegation, deleting marks text as proposed for deletion, typing over a selection proposes
 * one replacement, and nothing else may change the text, another delegation's proposed words
 * least of all (the server enforces the same rule and reverts whatever slips through).
 */
export const SuggestMode = Extension.create<{ getState: () => SuggestState }>({
  name: "suggestMode",
  addOptions() {
    return { getState: () => ({ enabled: false, delegation: null }) };
  },
  addProseMirrorPlugins() {
    const getState = this.options.getState;
    const active = (): Drafter | null => {
      const s = getState();
      return s.enabled && s.delegation ? { delegation: s.delegation, nameOf: s.nameOf ?? ((code) => code) } : null;
    };
    /** True (the key or paste is consumed) when the range touches an agreed paragraph. */
    const refused = (state: EditorState, from: number, to: number): boolean => {
      const s = getState();
      const paragraph = closedIn(state, from, to, s.closed);
      if (paragraph !== null) s.onClosed?.(paragraph);
      return paragraph !== null;
    };
    return [
      new Plugin({
        key,
        filterTransaction(tr) {
          if (!active() || !tr.docChanged) return true;
          return Boolean(tr.getMeta(SUGGEST_META) || tr.getMeta(ySyncPluginKey));
        },
        props: {
          handleTextInput(view, from, to, text) {
            const drafter = active();
            if (!drafter) return plainText(view, from, to, text);
            if (refused(view.state, from, to)) return true;
            return apply(view, typeEdit(view.state, from, to, text, drafter), getState().onRefused);
          },
          handleKeyDown(view, event) {
            const drafter = active();
            if (!drafter) return false;
            if (event.key === "Backspace" || event.key === "Delete") {
              const { from, to } = view.state.selection;
              if (refused(view.state, from, to)) return true;
              return apply(view, deleteEdit(view.state, event.key === "Delete", drafter), getState().onRefused);
            }
            // Structure and formatting belong to the chair: Enter, undo/redo and mark shortcuts do nothing.
            if (event.key === "Enter") {
              getState().onRefused?.("A new paragraph is the chair's to make: type within the paragraph, or propose an amendment.");
              return true;
            }
            if ((event.ctrlKey || event.metaKey) && ["z", "y", "b", "i"].includes(event.key.toLowerCase())) return true;
            return false;
          },
          handlePaste(view, event) {
            const drafter = active();
            if (!drafter) return false;
            const { from, to } = view.state.selection;
            if (refused(view.state, from, to)) return true;
            const text = event.clipboardData?.getData("text/plain").replace(/\s*\n\s*/g, " ") ?? "";
            return text ? apply(view, typeEdit(view.state, from, to, text, drafter), getState().onRefused) : true;
          },
          handleDrop() {
            return Boolean(active());
          },
          handleDOMEvents: {
            cut(_view, event) {
              if (!active()) return false;
              event.preventDefault();
              getState().onRefused?.("Cut is off in open drafting: select the words and press Delete to propose their deletion.");
              return true;
            },
          },
        },
      }),
    ];
  },
});
