"use client";

import { useEffect, type RefObject } from "react";
import type { Editor } from "@tiptap/react";
import type { Transaction } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { structureChanges } from "@/lib/negotiation/structure";
import { PARAGRAPH_STATUS_LABEL, type ParagraphStatus } from "@/lib/negotiation/types";
import { isMac } from "../platform";
import { shortcutsLabel } from "./shortcut";
import { STATUS_KEYS } from "./shortcut-keys";
import { outline } from "./use-editor-outline";

const label = (s: ParagraphStatus) => PARAGRAPH_STATUS_LABEL[s].toLowerCase();

/**
 * The chair splits or joins paragraphs (Enter, Backspace at a paragraph's start). A status is
 * kept by block id and a split gives one part a new id, so that part takes the status
 * of the paragraph it came from (agreed text stays agreed, and closed to delegates' drafting);
 * a join of paragraphs with different statuses keeps the first one's, and the chair is told.
 * Only the chair's own edits: others' arrive already decided.
 */
export function useStructureStatus(
  editor: Editor | null,
  enabled: boolean,
  statuses: RefObject<{ statuses: Record<string, string> }>,
  setStatus: (blockId: string, status: ParagraphStatus) => void,
  tell: (text: string, warn?: boolean) => void,
): void {
  useEffect(() => {
    if (!editor || !enabled) return;
    let before = outline(editor);
    const handleUpdate = ({ transaction }: { transaction: Transaction }) => {
      const after = outline(editor);
      const changes = transaction.getMeta(ySyncPluginKey) ? [] : structureChanges(before, after);
      const numberBefore = new Map(before.map((b) => [b.id, b.number ?? "the paragraph"]));
      const numberAfter = new Map(after.map((b) => [b.id, b.number ?? "the paragraph"]));
      before = after;
      const statusOf = (id: string) => (statuses.current?.statuses[id] ?? "open") as ParagraphStatus;
      for (const c of changes) {
        if (c.kind === "split") {
          const status = statusOf(c.from);
          if (status === "open") continue;
          setStatus(c.into, status);
          const [first, second] = c.part === "second" ? [c.from, c.into] : [c.into, c.from];
          tell(`${numberAfter.get(first)} was split into ${numberAfter.get(first)} and ${numberAfter.get(second)}: both are ${label(status)}.`);
        } else {
          const kept = statusOf(c.into);
          const lost = statusOf(c.absorbed);
          if (kept === lost) continue;
          tell(
            `The text of ${numberBefore.get(c.absorbed)} (${label(lost)}) joined ${numberAfter.get(c.into)}, which stays ${label(kept)}: set its status if that is not right (${shortcutsLabel(Object.values(STATUS_KEYS), isMac(), "/")}).`,
            true,
          );
        }
      }
    };
    editor.on("update", handleUpdate);
    return () => {
      editor.off("update", handleUpdate);
    };
  }, [editor, enabled, statuses, setStatus, tell]);
}
