import { describe, expect, it, vi } from "vitest";
import { EditorState } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { documentSchema } from "@/lib/editor/schema";
import { blockKeymap, type BlockAction } from "./block-shortcuts";
import { keydown } from "./test-keydown";

type Init = Parameters<typeof keydown>[0] & { keyCode: number; shiftKey?: boolean };

/** Runs one keydown through the chair's keymap as the editor would; returns the action it ran. */
function press(init: Init): { handled: boolean; ran: BlockAction[] } {
  const ran: BlockAction[] = [];
  const plugin = blockKeymap((action) => {
    ran.push(action);
    return true;
  });
  const schema = documentSchema();
  const state = EditorState.create({ schema, doc: schema.node("doc", null, [schema.node("operative", null, [schema.text("Calls upon")])]) });
  const view = { state, dispatch: vi.fn() } as unknown as EditorView;
  const event = { shiftKey: false, ...keydown(init), keyCode: init.keyCode } as unknown as KeyboardEvent;
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
