"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import type { BlockKind } from "@/lib/model/types";
import { closedSelectProps } from "../closed-select-keys";
import { useIsMac, useTouchOnly } from "../platform";
import { ariaKeyShortcuts, shortcutLabel } from "./shortcut";
import { BLOCK_KEYS, BOLD_KEY, ITALIC_KEY } from "./shortcut-keys";

const KINDS: { kind: BlockKind; label: string }[] = [
  { kind: "paragraph", label: "Paragraph" },
  { kind: "preambular", label: "Preambular (PP)" },
  { kind: "operative", label: "Operative (OP)" },
  { kind: "heading", label: "Heading" },
  { kind: "bullet", label: "Bullet" },
  { kind: "title", label: "Title" },
];

/** Formatting and block kind; every action also has a keyboard shortcut. */
export function Toolbar({ editor }: { editor: Editor }) {
  const mac = useIsMac();
  const touchOnly = useTouchOnly();
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
        aria-label="Bold"
        title={`Bold (${shortcutLabel(BOLD_KEY, mac)})`}
        aria-keyshortcuts={ariaKeyShortcuts(BOLD_KEY, mac)}
        onClick={() => editor.chain().focus().toggleBold().run()}
      >
        <strong>B</strong>
      </button>
      <button
        type="button"
        className="tool"
        aria-pressed={state.italic}
        aria-label="Italic"
        title={`Italic (${shortcutLabel(ITALIC_KEY, mac)})`}
        aria-keyshortcuts={ariaKeyShortcuts(ITALIC_KEY, mac)}
        onClick={() => editor.chain().focus().toggleItalic().run()}
      >
        <em>I</em>
      </button>
      <button
        type="button"
        className="tool"
        aria-pressed={state.bracket}
        aria-label="Brackets"
        title={`Bracket the selected words: not agreed (${shortcutLabel(BLOCK_KEYS.bracket, mac)})`}
        aria-keyshortcuts={ariaKeyShortcuts(BLOCK_KEYS.bracket, mac)}
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
          aria-keyshortcuts={ariaKeyShortcuts(KINDS.map((k) => BLOCK_KEYS[k.kind]), mac)}
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind} aria-keyshortcuts={ariaKeyShortcuts(BLOCK_KEYS[k.kind], mac)}>
              {touchOnly ? k.label : `${k.label} (${shortcutLabel(BLOCK_KEYS[k.kind], mac)})`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
