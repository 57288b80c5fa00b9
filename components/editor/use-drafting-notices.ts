"use client";

import { useEffect, useRef, type RefObject } from "react";
import type { EditingMode } from "@/server/collab/types";
import type { Role } from "@/lib/roles";

/**
 * A delegate is told when the chair opens or closes the text (the header saying so may be
 * scrolled away), and a delegate or observer when typing (or composing with an input method,
 * pasting, cutting, dropping) in the text (`textRef`) goes nowhere because the chair holds the pen.
 */
export function useDraftingNotices(role: Role, mode: EditingMode, textRef: RefObject<HTMLDivElement | null>, tell: (text: string, warn?: boolean) => void): void {
  const openDrafting = mode === "open_drafting";
  const shownMode = useRef(mode);
  useEffect(() => {
    if (role !== "delegate" || shownMode.current === mode) return;
    shownMode.current = mode;
    tell(
      mode === "open_drafting"
        ? "The chair opened the text for drafting: what you type now is a tracked suggestion of your delegation."
        : "The chair holds the pen again: typing in the text is off; select words to propose an amendment.",
    );
  }, [role, mode, tell]);
  // Typing, composing, pasting, cutting or dropping in the read-only text goes nowhere (read-only-text.ts): say why.
  useEffect(() => {
    if (role === "chair" || (role === "delegate" && openDrafting)) return;
    const inText = (node: EventTarget | null) => node instanceof Node && !!textRef.current?.contains(node);
    const refuse = () =>
      tell(
        role === "observer"
          ? "You follow this document as an observer: the text cannot be changed from here."
          : "The chair holds the pen: your typing is not part of the text. Select words and propose an amendment instead.",
        true,
      );
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (!(event.key.length === 1 || event.key === "Backspace" || event.key === "Delete" || event.key === "Enter")) return;
      const focused = inText(event.target);
      // "?" opens the shortcuts, and Space outside the text scrolls: not typing.
      if (event.key === "?" || (event.key === " " && !focused)) return;
      // Keys in a field or on a button are not typing in the text (as for "?" in use-workspace-keys.ts).
      if (!focused && (event.target as HTMLElement).closest("input, textarea, select, button, [contenteditable=true]")) return;
      if (focused || inText(window.getSelection()?.anchorNode ?? null)) refuse();
    };
    const onInText = (event: Event) => {
      if (inText(event.target)) refuse();
    };
    // An input method (Chinese, Japanese, Korean...) sends no key with a character, only a composition.
    const refused = ["paste", "cut", "drop", "compositionstart"] as const;
    document.addEventListener("keydown", onKey);
    for (const type of refused) document.addEventListener(type, onInText);
    return () => {
      document.removeEventListener("keydown", onKey);
      for (const type of refused) document.removeEventListener(type, onInText);
    };
  }, [role, openDrafting, textRef, tell]);
}
