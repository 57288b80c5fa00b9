"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import type { BlockKind } from "@/lib/model/types";
import { closedSelectProps } from "../closed-select-keys";

const KINDS: { kind: BlockKind; label: string; shortcut: string }[] = [
  { kind: "paragraph", label: "Paragraph", shortcut: "Ctrl+Alt+0" },
  { kind: "preambular", label: "Preambular (PP)", shortcut: "Ctrl+Alt+P" },
  { kind: "operative", label: "Operative (OP)", shortcut: "Ctrl+Alt+O" },
  { kind: "heading", label: "Heading", shortcut: "Ctrl+Alt+H" },
  { kind: "bullet", label: "Bullet", shortcut: "Ctrl+Alt+B" },
  { kind: "title", label: "Title", shortcut: "Ctrl+Alt+T" },
];

/** Formatting and block kind; every action also has a keyboard shortcut. */
export function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bracket: e.isActive("bracket"),
      kind: (e.state.selection.$from.parent.type.name as BlockKind) ?? "paragraph",
    }),
  });

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <button
        type="button"
        className="tool"
        aria-pressed={state.bold}
        title="Bold (Ctrl+B)"
        onClick={() => editor.chain().focus().toggleBold().run()}
      >
        <strong>B</strong>
      </button>
      <button
        type="button"
        className="tool"
        aria-pressed={state.italic}
        title="Italic (Ctrl+I)"
        onClick={() => editor.chain().focus().toggleItalic().run()}
      >
        <em>I</em>
      </button>
      <button
        type="button"
        className="tool"
        aria-pressed={state.bracket}
        title="Bracket the selected words: not agreed (Ctrl+Alt+9)"
        onClick={() => editor.chain().focus().toggleMark("bracket").run()}
      >
        [ ]
      </button>
      <label className="tool-select">
        <span className="sr-only">Block kind</span>
        <select
          value={state.kind}
          {...closedSelectProps((kind) => editor.chain().focus().setNode(kind).run())}
          aria-label="Block kind"
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label} ({k.shortcut})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
