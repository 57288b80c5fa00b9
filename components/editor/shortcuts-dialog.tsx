"use client";

import { useEffect, useRef } from "react";

type Group = { title: string; keys: [string, string][] };

const EVERYONE: Group[] = [
  {
    title: "Anywhere on the page",
    keys: [
      ["?", "this list of shortcuts"],
      ["Alt+Shift+G", "go to a paragraph by its number (OP12, PP3, 12)"],
      ["Tab / Shift+Tab", "move between the text, the side panel and its controls"],
      ["← → Home End", "switch side panels (on a panel tab)"],
    ],
  },
];

const EDITING: Group = {
  title: "In the text",
  keys: [
    ["Ctrl+Z / Ctrl+Y", "undo / redo your own edits"],
    ["Ctrl+B / Ctrl+I", "bold / italic"],
  ],
};

const CHAIR: Group[] = [
  {
    title: "Paragraphs (chair, in the text)",
    keys: [
      ["Ctrl+Alt+P / O", "preambular / operative paragraph"],
      ["Ctrl+Alt+H / T / B / 0", "heading / title / bullet / plain paragraph"],
      ["Ctrl+Alt+9", "bracket the selected words"],
      ["Alt+Shift+O / B / R / A", "mark the paragraph open / bracketed / agreed ad ref. / agreed"],
      ["Alt+Shift+V", "go to the review queue"],
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
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) showAtTop(dialog);
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const groups = [...EVERYONE, ...(canEdit ? [EDITING] : []), ...(isChair ? CHAIR : [])];
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
      <p className="muted small">On a Mac, Ctrl is ⌘ and Alt is ⌥.</p>
      <form method="dialog">
        <button type="submit" className="button primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
