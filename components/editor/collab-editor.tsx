"use client";

import { useEffect } from "react";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { documentExtensions } from "@/lib/editor/schema";
import type { Collab } from "./use-collab";
import { ParagraphNumbers } from "./paragraph-numbers";
import { BlockShortcuts } from "./block-shortcuts";
import { Toolbar } from "./toolbar";

export interface EditorUser {
  name: string;
  color: string;
}

/** The TipTap editor bound to the document's Y.Doc (fragment `default`) over y-websocket. */
export function CollabEditor({
  collab,
  user,
  readOnly,
  label,
  onReady,
}: {
  collab: Collab;
  user: EditorUser;
  readOnly: boolean;
  label: string;
  onReady?: (editor: Editor) => void;
}) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        ...documentExtensions({ assignIds: !readOnly }),
        ParagraphNumbers,
        BlockShortcuts,
        Collaboration.configure({ document: collab.doc, provider: collab.provider }),
        CollaborationCaret.configure({ provider: collab.provider, user }),
      ],
      editorProps: {
        attributes: {
          class: "document-text",
          "aria-label": label,
          "aria-readonly": String(readOnly),
          spellcheck: "true",
        },
      },
    },
    [collab],
  );

  useEffect(() => {
    if (editor) onReady?.(editor);
  }, [editor, onReady]);

  return (
    <div className="editor-shell">
      {readOnly || !editor ? null : <Toolbar editor={editor} />}
      <EditorContent editor={editor} className="editor-content" data-testid="editor" />
    </div>
  );
}
