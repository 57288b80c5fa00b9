import { Extension, type Editor } from "@tiptap/core";
import { keydownHandler } from "@tiptap/pm/keymap";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { BlockKind } from "@/lib/model/types";
import { isMac } from "../platform";
import { typesCharacter } from "./character-key";
import { keymapName } from "./shortcut";
import { BLOCK_KEYS, type BlockAction } from "./shortcut-keys";

/** Kinds where Enter continues with a block of the same kind (like list items). */
const CONTINUED: ReadonlySet<string> = new Set<BlockKind>(["preambular", "operative", "bullet"]);

/**
 * The Ctrl+Alt keys (⌘⌥ on a Mac) as a keymap that stands aside for a key typing a character:
 * with AltGr (Ctrl+Alt on Windows) Polish AltGr+O is "ó" and German AltGr+9 is "]", which
 * prosemirror-keymap matches to Ctrl+Alt+O / Ctrl+Alt+9 by their key code.
 */
export function blockKeymap(run: (action: BlockAction) => boolean, mac: boolean): Plugin {
  const bindings = Object.entries(BLOCK_KEYS).map(([action, shortcut]) => [keymapName(shortcut, mac), () => run(action as BlockAction)]);
  const handle = keydownHandler(Object.fromEntries(bindings));
  return new Plugin({
    key: new PluginKey("blockKeymap"),
    props: { handleKeyDown: (view, event) => !typesCharacter(event, mac) && handle(view, event) },
  });
}

function setKind(editor: Editor, kind: BlockKind): boolean {
  return editor.chain().focus().setNode(kind).run();
}

/**
 * Block-kind shortcuts (Ctrl+Alt+P/O/H/B/T/0), brackets (Ctrl+Alt+9), ⌘⌥ on a Mac, and Enter
 * that keeps PP/OP/bullet kind; Enter in an empty PP/OP/bullet turns it into a plain paragraph.
 */
export const BlockShortcuts = Extension.create({
  name: "blockShortcuts",
  addProseMirrorPlugins() {
    return [
      blockKeymap((action) => (action === "bracket" ? this.editor.chain().focus().toggleMark("bracket").run() : setKind(this.editor, action)), isMac()),
    ];
  },
  addKeyboardShortcuts() {
    return {
      Enter: () => {
        const { $from, empty } = this.editor.state.selection;
        const kind = $from.parent.type.name;
        if (!empty || !CONTINUED.has(kind)) return false;
        if ($from.parent.content.size === 0) return setKind(this.editor, "paragraph");
        return this.editor.chain().splitBlock().setNode(kind).run();
      },
    };
  },
});
