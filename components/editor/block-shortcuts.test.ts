import { describe, expect, it, vi } from "vitest";
import { EditorState } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { documentSchema } from "@/lib/editor/schema";
import { blockKeymap } from "./block-shortcuts";
import type { BlockAction } from "./shortcut-keys";
import { keydown } from "./test-keydown";

type Init = Parameters<typeof keydown>[0] & { keyCode: number };

/** Runs one keydown through the chair's keymap as the editor would, on a Mac or not; returns the action it ran. */
function press(init: Init, mac = false): { handled: boolean; ran: BlockAction[] } {
  const ran: BlockAction[] = [];
  const plugin = blockKeymap((action) => {
    ran.push(action);
    return true;
  }, mac);
  const schema = documentSchema();
  const state = EditorState.create({ schema, doc: schema.node("doc", null, [schema.node("operative", null, [schema.text("Calls upon")])]) });
  const view = { state, dispatch: vi.fn() } as unknown as EditorView;
  const event = { ...keydown(init), keyCode: init.keyCode } as unknown as KeyboardEvent;
  const handled = Boolean(plugin.props.handleKeyDown?.call(plugin, view, event));
  return { handled, ran };
}

describe("the chair's Ctrl+Alt keys in the text", () => {
  it("Ctrl+Alt+O and Ctrl+Alt+9 on a US layout set the kind and toggle brackets", () => {
    expect(press({ key: "o", code: "KeyO", keyCode: 79, ctrlKey: true, altKey: true })).toEqual({ handled: true, ran: ["operative"] });
    expect(press({ key: "9", code: "Digit9", keyCode: 57, ctrlKey: true, altKey: true })).toEqual({ handled: true, ran: ["bracket"] });
  });

  it("AltGr+O (Polish ó) and AltGr+9 (German ]) are typed: no shortcut runs, the key is not taken", () => {
    expect(press({ key: "ó", code: "KeyO", keyCode: 79, ctrlKey: true, altKey: true })).toEqual({ handled: false, ran: [] });
    expect(press({ key: "]", code: "Digit9", keyCode: 57, ctrlKey: true, altKey: true })).toEqual({ handled: false, ran: [] });
    expect(press({ key: "ó", code: "KeyO", keyCode: 79, altGraph: true })).toEqual({ handled: false, ran: [] });
  });
});

describe("the chair's ⌘⌥ keys in the text on a Mac", () => {
  it("⌘⌥O and ⌘⌥9 set the kind and toggle brackets, though Option makes the key say ø and ª", () => {
    expect(press({ key: "ø", code: "KeyO", keyCode: 79, metaKey: true, altKey: true }, true)).toEqual({ handled: true, ran: ["operative"] });
    expect(press({ key: "ª", code: "Digit9", keyCode: 57, metaKey: true, altKey: true }, true)).toEqual({ handled: true, ran: ["bracket"] });
  });

  it("Ctrl+Option+O is not the block key there (it is free for ⌃⌥ shortcuts), nor is Option+O, which types ø", () => {
    expect(press({ key: "o", code: "KeyO", keyCode: 79, ctrlKey: true, altKey: true }, true)).toEqual({ handled: false, ran: [] });
    expect(press({ key: "ø", code: "KeyO", keyCode: 79, altKey: true }, true)).toEqual({ handled: false, ran: [] });
  });

  it("Cmd+Option+O on Windows or Linux (the Windows key) is not the block key", () => {
    expect(press({ key: "o", code: "KeyO", keyCode: 79, metaKey: true, altKey: true })).toEqual({ handled: false, ran: [] });
  });
});
