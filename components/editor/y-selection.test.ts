import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { prosemirrorJSONToYXmlFragment, ySyncPlugin } from "@tiptap/y-tiptap";
import { documentSchema } from "@/lib/editor/schema";
import "./y-selection";

const TEXT = "Expressing concern about the increase in significant incidents involving the malicious use of technologies,";
const START = TEXT.indexOf("increase");
const WORDS = TEXT.slice(START, START + 20);

/** The page's selection as ProseMirror would read it (DOM offsets here are document positions). */
interface PageSelection {
  anchor: number;
  head: number;
}

/**
 * An editor on `doc` with y-tiptap's binding, run as EditorView runs plugins: every state is
 * written to the page (its selection too) and then to Yjs. With `page`, the editor has focus
 * and reads that selection as ProseMirror does (posAtDOM).
 */
function editorOn(doc: Y.Doc, page: PageSelection | null = null) {
  const plugin = ySyncPlugin(doc.getXmlFragment("default"));
  let state = EditorState.create({ schema: documentSchema(), plugins: [plugin] });
  let pluginView: { update?: () => void } = {};
  const node = {};
  const view = {
    get state() {
      return state;
    },
    dispatch(tr: Transaction) {
      state = state.apply(tr);
      if (page) Object.assign(page, { anchor: state.selection.anchor, head: state.selection.head });
      pluginView.update?.();
    },
    editable: true,
    composing: false,
    hasFocus: () => page !== null,
    dom: { contains: () => true, ownerDocument: { getSelection: () => page && { anchorNode: node, anchorOffset: page.anchor, focusNode: node, focusOffset: page.head } } },
    posAtDOM: (_node: unknown, offset: number) => offset,
  };
  pluginView = plugin.spec.view!(view as unknown as EditorView) as { update?: () => void };
  const select = (anchor: number, head = anchor) => view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
  const selected = () => view.state.doc.textBetween(view.state.selection.from, view.state.selection.to);
  return { view, select, selected };
}

/** A delegate's editor on the paragraph and another delegation's copy of it; `remote` edits the text there and sends it over. */
function twoDelegations(page: PageSelection | null = null) {
  const theirs = new Y.Doc();
  prosemirrorJSONToYXmlFragment(documentSchema(), { type: "doc", content: [{ type: "paragraph", attrs: { id: "p1" }, content: [{ type: "text", text: TEXT }] }] }, theirs.getXmlFragment("default"));
  const ours = new Y.Doc();
  Y.applyUpdate(ours, Y.encodeStateAsUpdate(theirs));
  const text = (theirs.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const remote = (edit: (text: Y.XmlText) => void) => {
    const known = Y.encodeStateVector(ours);
    edit(text);
    Y.applyUpdate(ours, Y.encodeStateAsUpdate(theirs, known));
  };
  return { editor: editorOn(ours, page), remote };
}

/** Document position of a text offset in the paragraph. */
const at = (offset: number) => offset + 1;

describe("a selection while another delegation edits the paragraph", () => {
  for (const backward of [false, true]) {
    const [anchor, head] = backward ? [at(START + 20), at(START)] : [at(START), at(START + 20)];
    const name = backward ? "selected backward" : "selected forward";

    it(`keeps exactly its words when others type earlier, later, or right at either edge (${name})`, () => {
      const { editor, remote } = twoDelegations();
      editor.select(anchor, head);
      remote((t) => t.insert(3, "before "));
      remote((t) => t.insert(t.length - 1, " after"));
      remote((t) => t.insert(START + 7, "distinguished "));
      remote((t) => t.insert(START + 7 + 14 + 20, " indeed"));
      expect(editor.selected()).toBe(WORDS);
      expect(editor.view.state.selection.anchor > editor.view.state.selection.head).toBe(backward);
    });

    it(`grows by what others type inside it, its edges on the same characters (${name})`, () => {
      const { editor, remote } = twoDelegations();
      editor.select(anchor, head);
      remote((t) => t.insert(START + 5, "ZZ"));
      expect(editor.selected()).toBe(`${WORDS.slice(0, 5)}ZZ${WORDS.slice(5)}`);
    });

    it(`closes where its words were when others delete them (${name})`, () => {
      const { editor, remote } = twoDelegations();
      editor.select(anchor, head);
      remote((t) => t.delete(START - 4, 28));
      const { selection } = editor.view.state;
      expect(selection.empty).toBe(true);
      expect(selection.$from.parent.textContent.slice(0, selection.$from.parentOffset)).toBe(TEXT.slice(0, START - 4));
    });
  }

  for (const where of ["earlier", "later"] as const) {
    it(`Shift+ArrowRight twenty times while others type ${where} in it, each change arriving before the editor read the key: exactly the twenty characters`, () => {
      const page: PageSelection = { anchor: 0, head: 0 };
      const { editor, remote } = twoDelegations(page);
      editor.select(at(START));
      for (let i = 0; i < 20; i++) {
        // The browser extends the page's selection at once…
        page.head += 1;
        // …a change arrives…
        remote((t) => t.insert(where === "earlier" ? 5 : t.length, "x"));
        // …and then ProseMirror reads the page's selection (selectionchange).
        editor.select(page.anchor, page.head);
      }
      expect(editor.selected()).toBe(WORDS);
    });
  }
});
