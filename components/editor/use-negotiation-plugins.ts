"use client";

import { useEffect, useMemo, useRef, type RefObject } from "react";
import type { Editor } from "@tiptap/react";
import type { Extensions } from "@tiptap/core";
import { NegotiationDecorations, refreshNegotiation, type NegotiationState } from "./negotiation-decorations";
import { SuggestMode, type SuggestState } from "./suggest-mode";

/**
 * The editor's negotiation plugins: the positions' and statuses' decorations, redrawn when
 * those or the selected position change, and suggest mode. They read the latest state
 * through refs: no editor re-creation on every change. `negotiationRef` serves others that
 * read it the same way.
 */
export function useNegotiationPlugins(
  editor: Editor | null,
  negotiation: NegotiationState,
  suggest: SuggestState,
): { extensions: Extensions; negotiationRef: RefObject<NegotiationState> } {
  const negotiationRef = useRef<NegotiationState>({ doc: null, annotations: [], statuses: {}, selectedId: null });
  negotiationRef.current = negotiation;
  const suggestRef = useRef<SuggestState>({ enabled: false, delegation: null });
  suggestRef.current = suggest;

  const extensions = useMemo(
    () => [
      NegotiationDecorations.configure({ getState: () => negotiationRef.current }),
      SuggestMode.configure({ getState: () => suggestRef.current }),
    ],
    [],
  );

  const { annotations, statuses, selectedId } = negotiation;
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(refreshNegotiation(editor.state.tr));
  }, [editor, annotations, statuses, selectedId]);

  return { extensions, negotiationRef };
}
