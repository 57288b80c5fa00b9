import { Extension, type Editor } from "@tiptap/core";
import type { BlockKind } from "@/lib/model/types";

/** Kinds where Enter continues with a block of the same kind (like list items). */
const CONTINUED: ReadonlySet<string> = new Set<BlockKind>(["preambular", "operative", "bullet"]);

function setKind(editor: Editor, kind: BlockKind): boolean {
  return editor.chain().focus().setNode(kind).run();
}

/**
 * Block-kind shortcuts (Ctrl+Alt+P/O/H/B/T/0) and Enter that keeps PP/OP/bullet kind;
 * Enter in an empty PP/OP/bullet turns it into a plain paragraph.
 */
export const BlockShortcuts = Extension.create({
  name: "blockShortcuts",
  addKeyboardShortcuts() {
    return {
      "Mod-Alt-0": () => setKind(this.editor, "paragraph"),
      "Mod-Alt-p": () => setKind(this.editor, "preambular"),
      "Mod-Alt-o": () => setKind(this.editor, "operative"),
      "Mod-Alt-h": () => setKind(this.editor, "heading"),
      "Mod-Alt-b": () => setKind(this.editor, "bullet"),
      "Mod-Alt-t": () => setKind(this.editor, "title"),
      "Mod-Alt-9": () => this.editor.chain().focus().toggleMark("bracket").run(),
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
