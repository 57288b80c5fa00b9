"use client";

import { useEffect, useRef, useState } from "react";
import { findParagraph } from "./goto-paragraph";

/**
 * Go to a paragraph by the number said in the room (Alt+Shift+G): a native modal <dialog>,
 * the caret goes to the paragraph's start and the focus back to the text.
 */
export function GotoDialog<T extends { id: string; number: string | null }>({
  open,
  onClose,
  paragraphs,
  onGo,
}: {
  open: boolean;
  onClose: () => void;
  paragraphs: readonly T[];
  onGo: (blockId: string) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setQuery("");
      setError(null);
      dialog.showModal();
      input.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = findParagraph(query, paragraphs);
    if (!found) {
      setError(query.trim() ? `No paragraph ${query.trim()} in this text.` : "Type a paragraph number, as OP12, PP3 or 12.");
      input.current?.focus();
      return;
    }
    ref.current?.close();
    onGo(found.id);
  }

  return (
    <dialog ref={ref} className="goto" aria-labelledby="goto-h" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="goto-h">Go to paragraph</h2>
        <label htmlFor="goto-input">Paragraph (OP12, PP3, 12, 5(a))</label>
        <input
          id="goto-input"
          ref={input}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setError(null);
          }}
          autoComplete="off"
          aria-describedby={error ? "goto-error" : undefined}
          aria-invalid={error ? true : undefined}
        />
        {error ? (
          <p id="goto-error" className="error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="goto-actions">
          <button type="submit" className="button primary">
            Go
          </button>
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
