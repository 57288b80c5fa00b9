import { Extension, type Editor } from "@tiptap/core";
import { keydownHandler } from "@tiptap/pm/keymap";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { BlockKind } from "@/lib/model/types";
import { typesCharacter } from "./character-key";

/** Kinds where Enter continues with a block of the same kind (like list items). */
const CONTINUED: ReadonlySet<string> = new Set<BlockKind>(["preambular", "operative", "bullet"]);

/** What a chair's Ctrl+Alt key does: set the block kind, or bracket the selected words. */
export type BlockAction = BlockKind | "bracket";

const KEYS: Record<string, BlockAction> = {
  "Mod-Alt-0": "paragraph",
  "Mod-Alt-p": "preambular",
  "Mod-Alt-o": "operative",
  "Mod-Alt-h": "heading",
  "Mod-Alt-b": "bullet",
  "Mod-Alt-t": "title",
  "Mod-Alt-9": "bracket",
};

/**
 * The Ctrl+Alt keys as a keymap that stands aside for a key typing a character: with AltGr
 * (Ctrl+Alt on Windows) Polish AltGr+O is "ó" and German AltGr+9 is "]", which
 * prosemirror-keymap matches to Ctrl+Alt+O / Ctrl+Alt+9 by their key code.
 */
export function blockKeymap(run: (action: BlockAction) => boolean): Plugin {
  const handle = keydownHandler(Object.fromEntries(Object.entries(KEYS).map(([key, action]) => [key, () => run(action)])));
  return new Plugin({
    key: new PluginKey("blockKeymap"),
    props: { handleKeyDown: (view, event) => !typesCharacter(event) && handle(view, event) },
  });
}

function setKind(editor: Editor, kind: BlockKind): boolean {
  return editor.chain().focus().setNode(kind).run();
}

/**
 * Block-kind shortcuts (Ctrl+Alt+P/O/H/B/T/0), brackets (Ctrl+Alt+9) and Enter that keeps
 * PP/OP/bullet kind; Enter in an empty PP/OP/bullet turns it into a plain paragraph.
 */
export const BlockShortcuts = Extension.create({
  name: "blockShortcuts",
  addProseMirrorPlugins() {
    return [
      blockKeymap((action) => (action === "bracket" ? this.editor.chain().focus().toggleMark("bracket").run() : setKind(this.editor, action))),
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
