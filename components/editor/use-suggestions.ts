"use client";

import { useEffect, useState } from "react";
import { listSuggestions, type Suggestion } from "@/lib/negotiation/suggestions";
import type { Collab } from "./use-collab";
import { sameListOr } from "./same-list";

/** The tracked changes in the live text, listed again at most every 150 ms while it changes. */
export function useSuggestions(collab: Collab | null): readonly Suggestion[] {
  const [suggestions, setSuggestions] = useState<readonly Suggestion[]>([]);
  useEffect(() => {
    const ydoc = collab?.doc;
    if (!ydoc) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        // Typing elsewhere changes no tracked change: nothing to render.
        setSuggestions((prev) => sameListOr(prev, listSuggestions(ydoc)));
      }, 150);
    };
    ydoc.on("update", update);
    update();
    return () => {
      ydoc.off("update", update);
      if (timer) clearTimeout(timer);
    };
  }, [collab]);
  return suggestions;
}
