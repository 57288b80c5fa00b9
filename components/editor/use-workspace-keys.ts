"use client";

import { useEffect, type Dispatch, type SetStateAction } from "react";
import type { Editor } from "@tiptap/react";
import type { ParagraphStatus } from "@/lib/negotiation/types";
import { typesCharacter } from "./character-key";
import type { PanelTab } from "./panel-tabs";

/**
 * The workspace's own keys: the chair's status keys on the paragraph under the cursor
 * (Alt+Shift+O/B/R/A, in the text), and on the page "?" for the shortcuts, Alt+Shift+G for
 * Go to paragraph and the chair's Alt+Shift+V for the review queue.
 */
export function useWorkspaceKeys(
  editor: Editor | null,
  isChair: boolean,
  setStatus: (blockId: string, status: ParagraphStatus, told?: boolean) => void,
  open: { setShortcutsOpen: Dispatch<SetStateAction<boolean>>; setGotoOpen: Dispatch<SetStateAction<boolean>>; setTab: Dispatch<SetStateAction<PanelTab>> },
): void {
  // The chair's status keys on the paragraph under the cursor: Alt+Shift+O/B/R/A.
  useEffect(() => {
    if (!editor || !isChair) return;
    const keys: Record<string, ParagraphStatus> = { O: "open", B: "bracketed", R: "agreed_ad_ref", A: "agreed" };
    const handleKey = (event: KeyboardEvent) => {
      // AltGr+Shift+A types "Ą" on a Polish keyboard (Windows reports Ctrl+Alt+Shift): not a status.
      if (typesCharacter(event)) return;
      const status = event.altKey && event.shiftKey ? keys[event.code.replace("Key", "")] : undefined;
      const blockId = editor.state.selection.$from.parent.attrs.id;
      if (!status || typeof blockId !== "string") return;
      event.preventDefault();
      setStatus(blockId, status, true);
    };
    const dom = editor.view.dom;
    dom.addEventListener("keydown", handleKey);
    return () => dom.removeEventListener("keydown", handleKey);
  }, [editor, isChair, setStatus]);

  // "?" outside the text lists the shortcuts; Alt+Shift+V takes the chair to the review queue.
  const { setShortcutsOpen, setGotoOpen, setTab } = open;
  useEffect(() => {
    const handleKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key === "?" && !target.closest("input, textarea, select, [contenteditable=true]")) {
        event.preventDefault();
        setShortcutsOpen(true);
      } else if (event.altKey && event.shiftKey && event.code === "KeyG" && !typesCharacter(event)) {
        event.preventDefault();
        setGotoOpen(true);
      } else if (isChair && event.altKey && event.shiftKey && event.code === "KeyV" && !typesCharacter(event)) {
        event.preventDefault();
        // Out of the text at once: a J typed right after the shortcut must not land in it.
        const review = document.querySelector<HTMLElement>('[data-testid="review"]');
        if (review) review.focus();
        else (document.activeElement as HTMLElement | null)?.blur();
        setTab("review");
        // After the panel has rendered.
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="review"]')?.focus());
      }
    };
    window.addEventListener("keydown", handleKey);
    return () => window.removeEventListener("keydown", handleKey);
  }, [isChair, setShortcutsOpen, setGotoOpen, setTab]);
}
