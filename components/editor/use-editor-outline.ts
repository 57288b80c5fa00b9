"use client";

import { useEffect, useState } from "react";
import type { Editor } from "@tiptap/react";
import { computeNumbers } from "@/lib/model/numbering";
import { BLOCK_KINDS, type BlockKind } from "@/lib/model/types";
import type { TextSelectionInfo } from "./annotation-composer";
import type { ParagraphRow } from "./paragraph-overview";

function kindOf(name: string): BlockKind {
  return (BLOCK_KINDS as readonly string[]).includes(name) ? (name as BlockKind) : "paragraph";
}

/** Every block of the editor's text: id, text and computed number. */
export function outline(editor: Editor): ParagraphRow[] {
  const blocks: { id: string; kind: BlockKind; text: string }[] = [];
  editor.state.doc.forEach((node) => {
    blocks.push({ id: String(node.attrs.id ?? ""), kind: kindOf(node.type.name), text: node.textContent });
  });
  const numbers = computeNumbers(blocks.map((b) => b.kind));
  return blocks.map((b, i) => ({ id: b.id, text: b.text, number: numbers[i] ?? null }));
}

/** The selection as an annotation target: one block, offsets inside it, the quoted words. */
function selectionInfo(editor: Editor, rows: ParagraphRow[]): TextSelectionInfo | null {
  const { $from, $to, from, to } = editor.state.selection;
  if ($from.parent !== $to.parent || !$from.parent.isTextblock) return null;
  const blockId = $from.parent.attrs.id;
  if (typeof blockId !== "string") return null;
  const start = $from.start();
  return {
    blockId,
    paragraph: rows.find((r) => r.id === blockId)?.number ?? null,
    from: from - start,
    to: to - start,
    quote: editor.state.doc.textBetween(from, to),
  };
}

/** The paragraph list (with computed numbers) and the current selection, kept up to date. */
export function useEditorOutline(editor: Editor | null): { paragraphs: ParagraphRow[]; selection: TextSelectionInfo | null } {
  const [paragraphs, setParagraphs] = useState<ParagraphRow[]>([]);
  const [selection, setSelection] = useState<TextSelectionInfo | null>(null);
  useEffect(() => {
    if (!editor) return;
    let rows = outline(editor);
    setParagraphs(rows);
    const handleUpdate = () => {
      rows = outline(editor);
      setParagraphs(rows);
    };
    const handleSelection = () => setSelection(selectionInfo(editor, rows));
    editor.on("update", handleUpdate);
    editor.on("selectionUpdate", handleSelection);
    return () => {
      editor.off("update", handleUpdate);
      editor.off("selectionUpdate", handleSelection);
    };
  }, [editor]);
  return { paragraphs, selection };
}
