import { describe, expect, it, vi } from "vitest";
import { EditorState, TextSelection, type Plugin } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { documentSchema } from "@/lib/editor/schema";
import { readOnlyTextPlugin } from "./read-only-text";
import { keydown } from "./test-keydown";

const schema = documentSchema();

/** A one-paragraph text with the plugin, read only while `flag.readOnly`. */
function setup(readOnly = true) {
  const flag = { readOnly };
  const plugin = readOnlyTextPlugin(() => flag.readOnly);
  const doc = schema.node("doc", null, [schema.node("operative", { id: "op1" }, [schema.text("Encourage executive OSCE structures")])]);
  const state = EditorState.create({ schema, doc, plugins: [plugin] });
  return { flag, plugin, state };
}

type Props = NonNullable<Plugin["props"]>;
const view = {} as EditorView;

function press(plugin: Plugin, init: Parameters<typeof keydown>[0]): boolean {
  const handleKeyDown = plugin.props.handleKeyDown as NonNullable<Props["handleKeyDown"]>;
  return Boolean(handleKeyDown.call(plugin, view, keydown(init) as unknown as KeyboardEvent));
}

function domEvent(plugin: Plugin, type: "beforeinput" | "cut"): { handled: boolean; prevented: boolean } {
  const event = { type, preventDefault: vi.fn() } as unknown as Event;
  const handler = plugin.props.handleDOMEvents?.[type] as ((view: EditorView, event: Event) => boolean | void) | undefined;
  const handled = Boolean(handler?.call(plugin, view, event));
  return { handled, prevented: (event.preventDefault as ReturnType<typeof vi.fn>).mock.calls.length > 0 };
}

describe("read-only text refuses changes made here, never the remote ones", () => {
  it("a local change to the document is filtered out; moving the caret or selecting words is not", () => {
    const { state } = setup();
    const typed = state.apply(state.tr.insertText("x", 2));
    expect(typed.doc.eq(state.doc)).toBe(true);
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 25)));
    expect(selected.doc.textBetween(selected.selection.from, selected.selection.to)).toBe("Encourage executive OSCE");
  });

  it("a change that came through Yjs (y-tiptap's meta) applies: the chair's typing reaches a reader", () => {
    const { state } = setup();
    const remote = state.apply(state.tr.insertText("Strongly ", 1).setMeta(ySyncPluginKey, { isChangeOrigin: true }));
    expect(remote.doc.textContent).toBe("Strongly Encourage executive OSCE structures");
  });

  it("when the text is open (the chair gives the pen), local changes apply again, with no new editor", () => {
    const { state, flag } = setup();
    expect(state.apply(state.tr.insertText("x", 1)).doc.textContent).toBe("Encourage executive OSCE structures");
    flag.readOnly = false;
    expect(state.apply(state.tr.insertText("x", 1)).doc.textContent).toBe("xEncourage executive OSCE structures");
  });
});

describe("read-only text takes keys that would change it, and leaves the caret and selection keys alone", () => {
  it("Enter, Backspace, Delete (with any modifier) and undo / redo are taken", () => {
    const { plugin } = setup();
    for (const key of ["Enter", "Backspace", "Delete"]) {
      expect(press(plugin, { key })).toBe(true);
      expect(press(plugin, { key, ctrlKey: true })).toBe(true);
    }
    // Undo and redo change the Y.Doc directly, past the transaction filter.
    expect(press(plugin, { key: "z", ctrlKey: true })).toBe(true);
    expect(press(plugin, { key: "Z", ctrlKey: true, shiftKey: true })).toBe(true);
    expect(press(plugin, { key: "y", ctrlKey: true })).toBe(true);
    expect(press(plugin, { key: "z", metaKey: true })).toBe(true);
  });

  it("arrows, word and line selection, select all and copy go on to the browser", () => {
    const { plugin } = setup();
    expect(press(plugin, { key: "ArrowRight" })).toBe(false);
    expect(press(plugin, { key: "ArrowRight", shiftKey: true, ctrlKey: true })).toBe(false);
    expect(press(plugin, { key: "ArrowLeft", shiftKey: true, altKey: true })).toBe(false);
    expect(press(plugin, { key: "End", shiftKey: true })).toBe(false);
    expect(press(plugin, { key: "a", ctrlKey: true })).toBe(false);
    expect(press(plugin, { key: "c", ctrlKey: true })).toBe(false);
    // AltGr+Z types a character on some layouts: not undo (and beforeinput refuses the character).
    expect(press(plugin, { key: "ż", ctrlKey: true, altKey: true })).toBe(false);
  });

  it("the browser's own editing (beforeinput), cut, typed text, paste and drop are refused", () => {
    const { plugin } = setup();
    expect(domEvent(plugin, "beforeinput")).toEqual({ handled: true, prevented: true });
    expect(domEvent(plugin, "cut")).toEqual({ handled: true, prevented: true });
    const props = plugin.props as Props;
    expect(props.handleTextInput?.call(plugin, view, 1, 1, "x", () => setup().state.tr)).toBe(true);
    expect(props.handlePaste?.call(plugin, view, {} as ClipboardEvent, {} as never)).toBe(true);
    expect(props.handleDrop?.call(plugin, view, {} as DragEvent, {} as never, false)).toBe(true);
  });

  it("open text: nothing is taken", () => {
    const { plugin } = setup(false);
    for (const key of ["Enter", "Backspace", "Delete"]) expect(press(plugin, { key })).toBe(false);
    expect(press(plugin, { key: "z", ctrlKey: true })).toBe(false);
    expect(domEvent(plugin, "beforeinput")).toEqual({ handled: false, prevented: false });
    expect(domEvent(plugin, "cut")).toEqual({ handled: false, prevented: false });
    const props = plugin.props as Props;
    expect(props.handleTextInput?.call(plugin, view, 1, 1, "x", () => setup().state.tr)).toBe(false);
    expect(props.handlePaste?.call(plugin, view, {} as ClipboardEvent, {} as never)).toBe(false);
  });
});
