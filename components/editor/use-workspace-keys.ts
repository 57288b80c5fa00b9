"use client";

import { useEffect, type Dispatch, type SetStateAction } from "react";
import type { Editor } from "@tiptap/react";
import { PARAGRAPH_STATUSES, type ParagraphStatus } from "@/lib/negotiation/types";
import { isMac } from "../platform";
import type { PanelTab } from "./panel-tabs";
import { pressesAltShift } from "./shortcut";
import { GOTO_KEY, REVIEW_KEY, STATUS_KEYS } from "./shortcut-keys";

/**
 * The workspace's own keys: the chair's status keys on the paragraph under the cursor
 * (Alt+Shift+O/B/R/A, in the text), and on the page "?" for the shortcuts, Alt+Shift+G for
 * Go to paragraph and the chair's Alt+Shift+V for the review queue; ⌃⌥ instead of Alt+Shift
 * on a Mac, where Option+Shift types a character.
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
    const mac = isMac();
    const handleKey = (event: KeyboardEvent) => {
      // AltGr+Shift+A types "Ą" on a Polish keyboard (Windows reports Ctrl+Alt+Shift): not a status.
      const status = PARAGRAPH_STATUSES.find((s) => pressesAltShift(event, STATUS_KEYS[s], mac));
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
    const mac = isMac();
    const handleKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      // The read-only text takes the focus but no typing: "?" there lists the shortcuts too.
      if (event.key === "?" && !target.closest("input, textarea, select, [contenteditable=true]:not([aria-readonly=true])")) {
        event.preventDefault();
        setShortcutsOpen(true);
      } else if (pressesAltShift(event, GOTO_KEY, mac)) {
        event.preventDefault();
        setGotoOpen(true);
      } else if (isChair && pressesAltShift(event, REVIEW_KEY, mac)) {
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
