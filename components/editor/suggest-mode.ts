import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";
import type { Mark, Node as PmNode } from "@tiptap/pm/model";
import type { EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { SUGGESTION_MARKS } from "@/lib/editor/marks";

/** Marks a transaction as one of ours (a tracked suggestion), so the filter lets it pass. */
const SUGGEST_META = "plenarySuggestion";
const key = new PluginKey("suggestMode");

export interface SuggestState {
  /** True for a delegate while the document is in open drafting. */
  enabled: boolean;
  /** The delegate's delegation code, carried by every suggestion mark. */
  delegation: string | null;
  /** The printed number of a paragraph closed to drafting (agreed), or null when it is open. */
  closed?: (blockId: string) => string | null;
  /** Typing in a closed paragraph went nowhere: say why. */
  onClosed?: (paragraph: string) => void;
  /** A key that does nothing in open drafting (Enter, a change across paragraphs, cut): say why. */
  onRefused?: (why: string) => void;
}

const ACROSS = "A change across paragraphs is the chair's to make: select within one paragraph.";

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

function newSuggestionId(): string {
  return crypto.randomUUID().slice(0, 13);
}

function suggestionMark(marks: readonly Mark[], name: "insertion" | "deletion"): Mark | undefined {
  return marks.find((m) => m.type.name === name);
}

function isOwn(mark: Mark | undefined, delegation: string): boolean {
  return !!mark && mark.attrs.delegation === delegation;
}

/**
 * The id of our own suggestion of `name` right before `pos` (or right after it, with
 * `side` "after"), to extend it instead of starting a new one.
 */
function adjacentId(doc: PmNode, pos: number, name: "insertion" | "deletion", delegation: string, side: "before" | "after" = "before"): string | null {
  const $pos = doc.resolve(pos);
  const node = side === "before" ? $pos.nodeBefore : $pos.nodeAfter;
  const mark = node?.isText ? suggestionMark(node.marks, name) : undefined;
  return mark && isOwn(mark, delegation) ? String(mark.attrs.id) : null;
}

/**
 * Turns a range into a proposed deletion: accepted text gets our deletion mark, our own
 * proposed insertions are removed for real, text already proposed for deletion stays.
 */
function proposeDeletion(tr: Transaction, from: number, to: number, delegation: string, backward = false): void {
  const { schema } = tr.doc.type;
  const ownInsertions: [number, number][] = [];
  // Delete extends the deletion before the range, Backspace the one after it (first): a
  // word deleted key by key is one suggestion, as in Word.
  const before = adjacentId(tr.doc, from, "deletion", delegation);
  const after = adjacentId(tr.doc, to, "deletion", delegation, "after");
  const id = (backward ? (after ?? before) : (before ?? after)) ?? newSuggestionId();
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.nodeSize);
    if (isOwn(suggestionMark(node.marks, "insertion"), delegation)) ownInsertions.push([start, end]);
    else if (!suggestionMark(node.marks, "insertion") && !suggestionMark(node.marks, "deletion")) {
      tr.addMark(start, end, schema.marks.deletion!.create({ id, delegation }));
    }
    return false;
  });
  for (const [start, end] of ownInsertions.reverse()) tr.delete(start, end);
}

/** A delegation's tracked insertion or deletion (not formatting). */
function isSuggestionMark(m: Mark): boolean {
  return (SUGGESTION_MARKS as readonly string[]).includes(m.type.name);
}

function insertSuggestion(tr: Transaction, pos: number, text: string, delegation: string): number {
  const { schema } = tr.doc.type;
  const id = adjacentId(tr.doc, pos, "insertion", delegation) ?? newSuggestionId();
  const mark = schema.marks.insertion!.create({ id, delegation });
  const inherited = tr.doc.resolve(pos).marks().filter((m) => !isSuggestionMark(m));
  tr.insert(pos, schema.text(text, [...inherited, mark]));
  return pos + text.length;
}

function sameBlock(state: EditorState, from: number, to: number): boolean {
  return state.doc.resolve(from).parent === state.doc.resolve(to).parent;
}

function typeText(view: EditorView, from: number, to: number, text: string, delegation: string): boolean {
  if (!sameBlock(view.state, from, to)) return true;
  const tr = view.state.tr.setMeta(SUGGEST_META, true);
  proposeDeletion(tr, from, to, delegation);
  const at = tr.mapping.map(to, 1);
  const end = insertSuggestion(tr, at, text, delegation);
  tr.setSelection(TextSelection.create(tr.doc, end));
  view.dispatch(tr.scrollIntoView());
  return true;
}

function deleteKey(view: EditorView, forward: boolean, delegation: string): boolean {
  const { state } = view;
  const { from, to, empty, $from } = state.selection;
  const tr = state.tr.setMeta(SUGGEST_META, true);
  if (!empty) {
    if (!sameBlock(state, from, to)) return true;
    proposeDeletion(tr, from, to, delegation);
    tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(forward ? to : from)));
    view.dispatch(tr);
    return true;
  }
  // One character: never across a paragraph boundary (that would merge paragraphs).
  const start = forward ? from : from - 1;
  if (start < $from.start() || start + 1 > $from.end()) return true;
  proposeDeletion(tr, start, start + 1, delegation, !forward);
  const cursor = forward ? tr.mapping.map(start + 1) : tr.mapping.map(start, -1);
  tr.setSelection(TextSelection.create(tr.doc, cursor));
  view.dispatch(tr);
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
 * delegation, deleting marks text as proposed for deletion, and nothing else may change
 * the text (the server enforces the same rule and reverts whatever slips through).
 */
export const SuggestMode = Extension.create<{ getState: () => SuggestState }>({
  name: "suggestMode",
  addOptions() {
    return { getState: () => ({ enabled: false, delegation: null }) };
  },
  addProseMirrorPlugins() {
    const getState = this.options.getState;
    const active = (): string | null => {
      const s = getState();
      return s.enabled && s.delegation ? s.delegation : null;
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
            const delegation = active();
            if (!delegation) return plainText(view, from, to, text);
            if (refused(view.state, from, to)) return true;
            if (!sameBlock(view.state, from, to)) getState().onRefused?.(ACROSS);
            return typeText(view, from, to, text, delegation);
          },
          handleKeyDown(view, event) {
            const delegation = active();
            if (!delegation) return false;
            if (event.key === "Backspace" || event.key === "Delete") {
              const { from, to } = view.state.selection;
              if (refused(view.state, from, to)) return true;
              if (!sameBlock(view.state, from, to)) getState().onRefused?.(ACROSS);
              return deleteKey(view, event.key === "Delete", delegation);
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
            const delegation = active();
            if (!delegation) return false;
            if (refused(view.state, view.state.selection.from, view.state.selection.to)) return true;
            const text = event.clipboardData?.getData("text/plain").replace(/\s*\n\s*/g, " ") ?? "";
            if (text) typeText(view, view.state.selection.from, view.state.selection.to, text, delegation);
            return true;
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
