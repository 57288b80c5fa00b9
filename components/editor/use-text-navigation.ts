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
      // Read-only text takes the focus too (read-only-text.ts): Shift+arrows select from there for a position.
      if (editor && !editor.isDestroyed) editor.view.focus();
    },
    [editor, jumpTo],
  );

  return { jumpTo, enterText };
}
