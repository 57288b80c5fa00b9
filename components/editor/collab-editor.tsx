"use client";

import { useEffect, useRef } from "react";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import type { Extensions } from "@tiptap/core";
import { documentExtensions } from "@/lib/editor/schema";
import type { Collab } from "./use-collab";
import { ParagraphNumbers } from "./paragraph-numbers";
import { BlockShortcuts } from "./block-shortcuts";
import { isMac } from "../platform";
import { shortcutLabel } from "./shortcut";
import { BLOCK_KEYS } from "./shortcut-keys";
import { Toolbar } from "./toolbar";
import { ReadOnlyText } from "./read-only-text";
import "./y-selection";

export interface EditorUser {
  name: string;
  color: string;
}


/**
 * The text's element: its class, its accessible name (which says when it is read only), a
 * multi-line text box (the role named here: TipTap's own is lost when the attributes are
 * set again). Read only, it is said so, and a tap on a phone or tablet places the caret
 * without opening the on-screen keyboard (inputmode).
 */
function textAttributes(label: string, readOnly: boolean): Record<string, string> {
  const base = { class: "document-text", role: "textbox", "aria-label": label, "aria-multiline": "true" };
  return readOnly ? { ...base, "aria-readonly": "true", inputmode: "none", spellcheck: "false" } : { ...base, spellcheck: "true" };
}

/** Someone in the text, as the server stamped their presence (server/collab/awareness.ts). */
interface CaretUser {
  name: string;
  color: string;
  role?: string;
}

/**
 * Another person's caret, with their name. An observer's is not drawn: observers read along
 * and never change the text, and in a room of many their carets would crowd the text the
 * negotiators are working on (they are listed under Online).
 */
function caret(user: CaretUser): HTMLElement {
  const element = document.createElement("span");
  if (user.role === "observer") {
    element.hidden = true;
    return element;
  }
  element.classList.add("collaboration-carets__caret");
  element.style.borderColor = user.color;
  const label = document.createElement("div");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = user.color;
  label.textContent = user.name;
  element.append(label);
  return element;
}

/** Another person's selection, tinted in their colour (an observer's not drawn, as their caret). */
function selectionTint(user: CaretUser): Record<string, string> {
  return user.role === "observer" ? {} : { style: `background-color: ${user.color}70`, class: "ProseMirror-yjs-selection" };
}

/** Asked when the hint is drawn, in the browser: the keys as this platform presses them. */
function chairPlaceholder(): string {
  const mac = isMac();
  return `Type here · ${shortcutLabel(BLOCK_KEYS.preambular, mac)} preambular paragraph · ${shortcutLabel(BLOCK_KEYS.operative, mac)} operative paragraph`;
}

/** The TipTap editor bound to the document's Y.Doc (fragment `default`) over y-websocket. */
export function CollabEditor({
  collab,
  user,
  editable,
  isChair,
  label,
  extensions,
  onReady,
}: {
  collab: Collab;
  user: EditorUser;
  editable: boolean;
  isChair: boolean;
  label: string;
  extensions: Extensions;
  onReady?: (editor: Editor) => void;
}) {
  // Read-only text stays editable to ProseMirror (a caret and keyboard selection), its changes refused: see read-only-text.ts.
  const readOnly = useRef(!editable);
  readOnly.current = !editable;
  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions: [
        ReadOnlyText.configure({ isReadOnly: () => readOnly.current }),
        // Only the chair's editor writes block ids: anyone else's write would be reverted.
        ...documentExtensions({ assignIds: isChair }),
        ParagraphNumbers,
        ...(isChair ? [BlockShortcuts] : []),
        // A hint in the empty plain paragraph holding the caret (a new document's first line); "?" outside the text lists every shortcut.
        ...(isChair ? [Placeholder.configure({ placeholder: chairPlaceholder })] : []),
        ...extensions,
        Collaboration.configure({ document: collab.doc, provider: collab.provider }),
        CollaborationCaret.configure({ provider: collab.provider, user, render: caret, selectionRender: selectionTint }),
      ],
      editorProps: { attributes: textAttributes(label, !editable) },
    },
    [collab],
  );

  // The label and aria-readonly say "read only" or not as the chair opens or closes the text.
  useEffect(() => {
    if (editor && !editor.isDestroyed) {
      editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes: textAttributes(label, !editable) } });
    }
  }, [editor, label, editable]);

  useEffect(() => {
    if (editor) onReady?.(editor);
  }, [editor, onReady]);

  return (
    <div className="editor-shell">
      {isChair && editor ? <Toolbar editor={editor} /> : null}
      <EditorContent editor={editor} className="editor-content" data-testid="editor" />
    </div>
  );
}
