import { Extension } from "@tiptap/core";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";

const key = new PluginKey("readOnlyText");

/**
 * Read-only text that still takes the focus, a caret and a keyboard selection (the chair's
 * pen for a delegate, an observer), so words can be selected by keyboard for a position.
 *
 * Why not ProseMirror's `editable: false`: it renders `contenteditable="false"`, which no
 * browser gives a caret (short of caret browsing, off by default), and ProseMirror then runs
 * none of its key handling; so the text could neither be focused nor selected from the
 * keyboard (ProseMirror/prosemirror#396 suggests the same: keep it editable and refuse
 * the changes). So the view stays editable and, while `isReadOnly()`, this refuses every
 * change made here:
 * - `beforeinput` is cancelled, so the browser changes nothing in the DOM (typing, Enter,
 *   Backspace, cut, drop, the spell checker's replacements, the Edit menu's undo);
 * - ProseMirror's own ways are consumed: text input, paste, drop, cut, Enter, Backspace, Delete;
 * - undo and redo keys are consumed: they change the Y.Doc directly, past any transaction filter;
 * - any other transaction that changes the document is filtered out, except y-tiptap's
 *   (`isChangeOrigin`): the remote changes, which must always apply.
 * What the participant is told is said elsewhere (useDraftingNotices), for the keys and the
 * clipboard alike. The flag is read at each event: the chair taking or giving the pen
 * switches it without re-creating the editor or moving the focus.
 */
export function readOnlyTextPlugin(isReadOnly: () => boolean): Plugin {
  return new Plugin({
    key,
    filterTransaction: (tr: Transaction) => !isReadOnly() || !tr.docChanged || isChangeOrigin(tr),
    props: {
      handleKeyDown(_view, event) {
        if (!isReadOnly()) return false;
        if (event.key === "Enter" || event.key === "Backspace" || event.key === "Delete") return true;
        const mod = event.ctrlKey || event.metaKey;
        return mod && !event.altKey && ["z", "y"].includes(event.key.toLowerCase());
      },
      handleTextInput: () => isReadOnly(),
      handlePaste: () => isReadOnly(),
      handleDrop: () => isReadOnly(),
      handleDOMEvents: {
        beforeinput(_view, event) {
          if (!isReadOnly()) return false;
          event.preventDefault();
          return true;
        },
        cut(_view, event) {
          if (!isReadOnly()) return false;
          event.preventDefault();
          return true;
        },
      },
    },
  });
}

/** The extension for the plugin above; before Collaboration (priority 1000), whose keys undo. */
export const ReadOnlyText = Extension.create<{ isReadOnly: () => boolean }>({
  name: "readOnlyText",
  priority: 2000,
  addOptions() {
    return { isReadOnly: () => false };
  },
  addProseMirrorPlugins() {
    return [readOnlyTextPlugin(this.options.isReadOnly)];
  },
});
