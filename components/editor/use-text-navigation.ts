"use client";

import { useCallback } from "react";
import type { Editor } from "@tiptap/react";

/**
 * Moving in the text: `jumpTo` puts the caret at a paragraph's start and scrolls it into
 * view; `enterText` also goes into the text (Go to paragraph, Esc from the review).
 */
export function useTextNavigation(editor: Editor | null): { jumpTo: (blockId: string) => void; enterText: (blockId: string | null) => void } {
  const jumpTo = useCallback(
    (blockId: string) => {
      if (!editor) return;
      let target: number | null = null;
      editor.state.doc.forEach((node, offset) => {
        if (node.attrs.id === blockId && target === null) target = offset + 1;
      });
      if (target === null) return;
      editor.commands.setTextSelection(target);
      const dom = editor.view.nodeDOM(target - 1);
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: "center", behavior: "smooth" });
    },
    [editor],
  );

  /** Into the text, at a paragraph's start (null: where the caret was): Go to paragraph, Esc from the review. */
  const enterText = useCallback(
    (blockId: string | null) => {
      if (blockId) jumpTo(blockId);
      if (!editor || editor.isDestroyed) return;
      if (editor.isEditable) editor.view.focus();
      else if (blockId) {
        // Read-only text takes no focus: the page's caret goes to the paragraph's start, so
        // selecting words there (for a position) or reading on starts from it.
        const dom = editor.view.dom.querySelector(`[data-id="${CSS.escape(blockId)}"]`);
        if (dom) window.getSelection()?.collapse(dom, 0);
      }
    },
    [editor, jumpTo],
  );

  return { jumpTo, enterText };
}
