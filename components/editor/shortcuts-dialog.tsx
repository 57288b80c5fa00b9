"use client";

import { useEffect, useRef } from "react";
import { useIsMac } from "../platform";
import { shortcutLabel, shortcutsLabel, type Shortcut } from "./shortcut";
import { BACK_TAB_KEY, BLOCK_KEYS, BOLD_KEY, GOTO_KEY, ITALIC_KEY, REDO_KEY, REVIEW_KEY, STATUS_KEYS, UNDO_KEY } from "./shortcut-keys";

type Group = { title: string; keys: [string, string][] };

/** The groups of shortcuts the dialog lists for this user, as they are pressed on this platform. */
export function shortcutGroups({ isChair, canEdit, mac }: { isChair: boolean; canEdit: boolean; mac: boolean }): Group[] {
  const label = (...shortcuts: Shortcut[]) => shortcuts.map((s) => shortcutLabel(s, mac)).join(" / ");
  const everyone: Group = {
    title: "Anywhere on the page",
    keys: [
      ["?", "this list of shortcuts"],
      [label(GOTO_KEY), "go to a paragraph by its number (OP12, PP3, 12)"],
      [`Tab / ${label(BACK_TAB_KEY)}`, "move between the text, the side panel and its controls"],
      ["← → Home End", "switch side panels (on a panel tab)"],
    ],
  };
  const editing: Group = {
    title: "In the text",
    keys: [
      [label(UNDO_KEY, REDO_KEY), "undo / redo your own edits"],
      [label(BOLD_KEY, ITALIC_KEY), "bold / italic"],
    ],
  };
  // Read only (the chair's pen, an observer), the text still takes a caret and a selection (read-only-text.ts).
  const selecting: Group = {
    title: "In the text (read only)",
    keys: [
      [mac ? "⇧← → ↑ ↓" : "Shift+← → ↑ ↓", "select from the caret"],
      [mac ? "⌥⇧← →" : "Ctrl+Shift+← →", "select word by word, for a position on those words"],
      [mac ? "⌘⇧← →" : "Shift+Home / End", "select to the start / end of the line"],
    ],
  };
  const b = BLOCK_KEYS;
  const chair: Group[] = [
    {
      title: "Paragraphs (chair, in the text)",
      keys: [
        [shortcutsLabel([b.preambular, b.operative], mac), "preambular / operative paragraph"],
        [shortcutsLabel([b.heading, b.title, b.bullet, b.paragraph], mac), "heading / title / bullet / plain paragraph"],
        [label(b.bracket), "bracket the selected words"],
        [shortcutsLabel(Object.values(STATUS_KEYS), mac), "mark the paragraph open / bracketed / agreed ad ref. / agreed"],
        [label(REVIEW_KEY), "go to the review queue"],
      ],
    },
    {
      title: "Review queue (chair)",
      keys: [
        ["J / K", "next / previous item (shown in the text)"],
        ["A", "accept (an amendment or a tracked change goes into the text; other positions leave it as it is)"],
        ["R", "reject, with a reason"],
        ["S", "resolve: settled without a decision on its wording (e.g. met by another change)"],
        ["U", "undo the last decision that left the text as it was"],
        ["Esc", "back to the text, at the current item's paragraph"],
      ],
    },
  ];
  return [everyone, canEdit ? editing : selecting, ...(isChair ? chair : [])];
}

/** The parts of the <dialog> that showAtTop uses. */
type ModalDialog = Pick<HTMLDialogElement, "showModal" | "querySelector" | "scrollTop">;

/**
 * Opens the dialog at its top, where the first group of keys is: its heading takes focus
 * without scrolling, and the scroll showModal() gave the first control (the Close button
 * at the bottom, on a short window) is undone.
 */
export function showAtTop(dialog: ModalDialog): void {
  dialog.showModal();
  dialog.querySelector<HTMLElement>("h2")?.focus({ preventScroll: true });
  dialog.scrollTop = 0;
}

/**
 * The keyboard shortcuts of the document page, opened with "?" (outside the text) or the
 * button that shows it. A native modal <dialog>: focus moves in and back, Esc closes it.
 */
export function ShortcutsDialog({ open, onClose, isChair, canEdit }: { open: boolean; onClose: () => void; isChair: boolean; canEdit: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const mac = useIsMac();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) showAtTop(dialog);
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const groups = shortcutGroups({ isChair, canEdit, mac });
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-h" onClose={onClose}>
      <h2 id="shortcuts-h" tabIndex={-1}>Keyboard shortcuts</h2>
      {groups.map((g) => (
        <section key={g.title}>
          <h3>{g.title}</h3>
          <dl>
            {g.keys.map(([k, what]) => (
              <div key={k}>
                <dt>
                  <kbd>{k}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {/* A Mac is shown its own keys above. */}
      {mac ? null : <p className="muted small">On a Mac, Ctrl is ⌘, Alt is ⌥ and Alt+Shift is ⌃⌥.</p>}
      <form method="dialog">
        <button type="submit" className="button primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
