"use client";

import { useEffect, useState } from "react";
import type { Editor } from "@tiptap/react";
import { computeNumbers } from "@/lib/model/numbering";
import { BLOCK_KINDS, type BlockKind } from "@/lib/model/types";
import type { TextSelectionInfo } from "./annotation-composer";
import type { ParagraphRow } from "./paragraph-overview";
import { sameListOr } from "./same-list";

function kindOf(name: string): BlockKind {
  return (BLOCK_KINDS as readonly string[]).includes(name) ? (name as BlockKind) : "paragraph";
}

/** Every block of the editor's text: id, text and computed number. */
export function outline(editor: Editor): (ParagraphRow & { text: string })[] {
  const blocks: { id: string; kind: BlockKind; text: string }[] = [];
  editor.state.doc.forEach((node) => {
    blocks.push({ id: String(node.attrs.id ?? ""), kind: kindOf(node.type.name), text: node.textContent });
  });
  const numbers = computeNumbers(blocks.map((b) => b.kind));
  return blocks.map((b, i) => ({ id: b.id, text: b.text, number: numbers[i] ?? null }));
}

/** The selection as an annotation target: one block, offsets inside it, the quoted words. */
function selectionInfo(editor: Editor, rows: readonly ParagraphRow[]): TextSelectionInfo | null {
  const { $from, $to, from, to } = editor.state.selection;
  if ($from.parent !== $to.parent || !$from.parent.isTextblock) return null;
  const blockId = $from.parent.attrs.id;
  if (typeof blockId !== "string") return null;
  const start = $from.start();
  // A paragraph holds text only: offsets in it are offsets in its text.
  const text = $from.parent.textContent;
  return {
    blockId,
    paragraph: rows.find((r) => r.id === blockId)?.number ?? null,
    from: from - start,
    to: to - start,
    quote: editor.state.doc.textBetween(from, to),
    before: text.slice(0, from - start),
    after: text.slice(to - start),
  };
}

/** The paragraphs: ids and numbers (their words change with every keystroke, these seldom). */
function paragraphRows(editor: Editor): ParagraphRow[] {
  return outline(editor).map(({ id, number }) => ({ id, number }));
}

/** A paragraph's words as the editor has them now ("" if there is none with that id). */
export function paragraphText(editor: Editor | null, blockId: string): string {
  let text = "";
  editor?.state.doc.forEach((node) => {
    if (node.attrs.id === blockId && !text) text = node.textContent;
  });
  return text;
}

/**
 * The paragraph list (ids and computed numbers), kept up to date. It keeps its identity while
 * the paragraphs and their numbers stay the same: typing renders none of the panels that
 * list them.
 */
export function useEditorOutline(editor: Editor | null): readonly ParagraphRow[] {
  const [paragraphs, setParagraphs] = useState<readonly ParagraphRow[]>([]);
  useEffect(() => {
    if (!editor) return;
    let rows: readonly ParagraphRow[] = paragraphRows(editor);
    setParagraphs(rows);
    const handleUpdate = () => {
      rows = sameListOr(rows, paragraphRows(editor));
      setParagraphs(rows);
    };
    editor.on("update", handleUpdate);
    return () => {
      editor.off("update", handleUpdate);
    };
  }, [editor]);
  return paragraphs;
}

/**
 * The current selection as a position's target, kept up to date. Used by the form that files
 * positions, not by the whole document page: the caret moves with every keystroke.
 */
export function useEditorSelection(editor: Editor | null): TextSelectionInfo | null {
  const [selection, setSelection] = useState<TextSelectionInfo | null>(null);
  useEffect(() => {
    if (!editor) return;
    // Numbered as the text is now (a split in this very transaction renumbers).
    const handleSelection = () => setSelection(selectionInfo(editor, paragraphRows(editor)));
    editor.on("selectionUpdate", handleSelection);
    return () => {
      editor.off("selectionUpdate", handleSelection);
    };
  }, [editor]);
  return selection;
}
