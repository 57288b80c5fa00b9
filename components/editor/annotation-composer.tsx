"use client";

import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { FocusedStatus } from "../focused-status";
import { sentence } from "@/lib/format/sentence";
import type { AmendmentOp, AnnotationKind } from "@/lib/negotiation/types";
import type { Editor } from "@tiptap/react";
import type { ApiResult } from "./use-negotiation";
import { useEditorSelection } from "./use-editor-outline";
import { aroundCursor, insideWord } from "./cursor-context";

export interface TextSelectionInfo {
  blockId: string;
  paragraph: string | null;
  from: number;
  to: number;
  quote: string;
  /** The paragraph's text before and after the selection (what an insertion point sits between). */
  before: string;
  after: string;
}

const KINDS: { kind: AnnotationKind; label: string; noun: string }[] = [
  { kind: "objection", label: "Object", noun: "Objection" },
  { kind: "reservation", label: "Reserve", noun: "Reservation" },
  { kind: "support", label: "Support", noun: "Support" },
  { kind: "comment", label: "Comment", noun: "Comment" },
  { kind: "amendment", label: "Amend", noun: "Amendment" },
];

/** The width under which the side panel goes below the text (globals.css, .workspace). */
const ONE_COLUMN = "(max-width: 900px)";

/** True while the window is one column wide (a phone, a narrow window, a zoomed page). */
function useOneColumn(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(ONE_COLUMN);
      query.addEventListener("change", changed);
      return () => query.removeEventListener("change", changed);
    },
    () => window.matchMedia(ONE_COLUMN).matches,
    () => false,
  );
}

/**
 * Attach a position to the selected words (or the cursor's paragraph): the author is the
 * signed-in delegate's delegation, decided by the server.
 */
export function AnnotationComposer({
  editor,
  canCreate,
  chairOnly,
  onCreate,
  onFiledFromSheet,
}: {
  editor: Editor | null;
  canCreate: boolean;
  chairOnly: boolean;
  onCreate: (input: Record<string, unknown>) => Promise<ApiResult>;
  /** A position filed from the phone's sheet, which then closes: what to tell (the side notices float on a phone). */
  onFiledFromSheet?: (text: string) => void;
}) {
  const selection = useEditorSelection(editor);
  const [kind, setKind] = useState<AnnotationKind>(chairOnly ? "comment" : "objection");
  const [op, setOp] = useState<AmendmentOp>("replace");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // The chair's only kind is a comment: the form stays folded until asked for, so the
  // review queue below it keeps the room.
  const [open, setOpen] = useState(!chairOnly);
  // What was last filed: the same words and kind are not offered again (a second click on
  // Submit filed the same position twice), until the selection or the kind changes.
  const [filed, setFiled] = useState<string | null>(null);
  // The proposed wording, read for the check above (an amendment with other wording is another one).
  const [proposed, setProposed] = useState("");
  // A new selection (even of the same words again, say after the first was withdrawn) may be filed.
  const where = selection ? `${selection.blockId}:${selection.from}:${selection.to}:${selection.quote}` : null;
  useEffect(() => setFiled(null), [where]);
  // In one column the form sat below the whole text, screens away from the selected words: it
  // rises as a sheet at the foot of the window once words are selected, until closed (for
  // those words) or the words are no longer selected. A cursor alone (typing) does not raise it.
  const oneColumn = useOneColumn();
  const [closedFor, setClosedFor] = useState<string | null>(null);
  const sheet = oneColumn && !chairOnly && !!selection?.quote && closedFor !== where;
  const sheetRef = useRef<HTMLFormElement | null>(null);
  // The selected words stay in sight above the sheet (the page has room below it to scroll).
  useEffect(() => {
    const form = sheetRef.current;
    if (!sheet || !form || !editor || editor.isDestroyed) return;
    const words = editor.view.coordsAtPos(editor.state.selection.to);
    const top = form.getBoundingClientRect().top;
    if (words.bottom > top - 12) window.scrollBy({ top: words.bottom - top + 24 });
  }, [sheet, where, editor]);
  if (!canCreate) return null;
  // A cursor and no words: the only amendment is an insertion there.
  const opNow: AmendmentOp = selection && !selection.quote ? "insert" : op;
  const filing = where === null ? null : `${where}:${kind}${kind === "amendment" ? `:${opNow}:${proposed.trim().replace(/\s+/g, " ")}` : ""}`;
  const alreadyFiled = filing !== null && filing === filed;
  // An insertion at a point inside a word would split it ("th[ and regional organizations]e").
  const splitsWord = kind === "amendment" && opNow === "insert" && !!selection && insideWord(selection.before + selection.quote, selection.after);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!selection) return;
    const form = event.currentTarget;
    const f = new FormData(form);
    setBusy(true);
    const res = await onCreate({
      blockId: selection.blockId,
      from: opNow === "insert" && kind === "amendment" ? selection.to : selection.from,
      to: selection.to,
      quote: opNow === "insert" && kind === "amendment" ? "" : selection.quote,
      kind,
      ...(kind === "amendment" ? { op: opNow, proposedText: String(f.get("proposed") ?? "") } : {}),
      body: String(f.get("note") ?? ""),
    });
    setBusy(false);
    setError(res.ok ? null : (res.message ?? "Could not save."));
    const done = sentence(`${KINDS.find((k) => k.kind === kind)?.noun ?? "Position"} submitted on ${selection.paragraph ?? "the paragraph"}`);
    // Filed from the sheet: it closes, back to the text, and the filing is told where a phone
    // shows notices (not in the form, whose status takes the focus: the page would jump to it).
    const fromSheet = res.ok && sheet && onFiledFromSheet;
    setNotice(res.ok && !fromSheet ? done : null);
    if (res.ok) {
      setFiled(filing);
      form.reset();
      setProposed("");
    }
    if (fromSheet) {
      setClosedFor(where);
      onFiledFromSheet(done);
    }
  }

  const kinds = chairOnly ? KINDS.filter((k) => k.kind === "comment") : KINDS;
  if (!open) {
    return (
      <div className="composer">
        <button type="button" className="button small" onClick={() => setOpen(true)}>
          New comment…
        </button>
      </div>
    );
  }

  // Nothing selected: one line instead of the whole form, so the positions list below keeps
  // the room on a small screen (the form opens as soon as words are selected).
  if (!selection && !chairOnly) {
    return (
      <section className="composer composer-idle" aria-labelledby="composer-h">
        <h3 id="composer-h" className="sr-only">
          New position
        </h3>
        <p className="muted small">
          <strong>New position:</strong> select words in the text (or place the cursor in a paragraph) to object, reserve, support, comment or amend.
        </p>
        {notice ? (
          <p className="notice" role="status">
            {notice}
          </p>
        ) : null}
      </section>
    );
  }

  return (
    <form
      ref={sheetRef}
      className={sheet ? "composer composer-sheet" : "composer"}
      onSubmit={handleSubmit}
      aria-labelledby="composer-h"
      onChange={() => setNotice(null)}
      onKeyDown={(e) => {
        // Escape closes the sheet and goes back to the words.
        if (e.key !== "Escape" || !sheet) return;
        e.preventDefault();
        setClosedFor(where);
        editor?.commands.focus();
      }}
    >
      <h3 id="composer-h" className="panel-title">
        {chairOnly ? "New comment" : "New position"}
      </h3>
      {selection ? (
        <p className="composer-quote">
          <span className="para-ref">{selection.paragraph ?? "¶"}</span>{" "}
          {selection.quote ? (
            <q>{selection.quote}</q>
          ) : (
            kind === "amendment" ? (
              <InsertionPoint before={selection.before} after={selection.after} />
            ) : (
              <span className="muted">no words selected: on the whole paragraph</span>
            )
          )}
        </p>
      ) : (
        <p className="muted">Select words in the text (or place the cursor in a paragraph).</p>
      )}
      {kinds.length > 1 ? (
        <fieldset className="kind-picker">
          <legend className="sr-only">Kind</legend>
          {kinds.map((k) => (
            <label key={k.kind} className={`chip chip-${k.kind}${kind === k.kind ? " chip-on" : ""}`}>
              <input type="radio" name="kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} />
              {k.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      {kind === "amendment" ? (
        <>
          <label>
            Amendment
            {selection && !selection.quote ? (
              <select value="insert" aria-label="Amendment type" disabled>
                <option value="insert">Insert at the cursor</option>
              </select>
            ) : (
              <select value={op} onChange={(e) => setOp(e.target.value as AmendmentOp)} aria-label="Amendment type">
                <option value="replace">Replace the selected words</option>
                <option value="delete">Delete the selected words</option>
                <option value="insert">Insert after the selection</option>
              </select>
            )}
          </label>
          {opNow !== "delete" ? (
            <label>
              Proposed wording
              <textarea name="proposed" rows={2} required value={proposed} onChange={(e) => setProposed(e.target.value)} />
            </label>
          ) : null}
        </>
      ) : null}
      <label>
        <span>
          Note <span className="muted">(optional)</span>
        </span>
        <textarea name="note" rows={2} />
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {/* After a submit the button is disabled: the focus goes to what happened, not to the page. */}
      {notice ? <FocusedStatus focusOn={notice}>{notice}</FocusedStatus> : null}
      {splitsWord ? (
        <p className="error" role="alert">
          The insertion point is inside a word: place the cursor between words, or select the word and replace it.
        </p>
      ) : null}
      {alreadyFiled ? <p className="muted small">Filed. To file another, select other words or choose another kind{kind === "amendment" ? " or wording" : ""}.</p> : null}
      <div className="row-actions">
        <button type="submit" className="button primary" disabled={!selection || busy || alreadyFiled || splitsWord}>
          Submit
        </button>
        {chairOnly ? (
          <button type="button" className="link-button" onClick={() => setOpen(false)}>
            Close
          </button>
        ) : sheet ? (
          <button type="button" className="button subtle" onClick={() => setClosedFor(where)}>
            Close
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** Where an insertion goes: the words on each side of the cursor, the point between them marked. */
function InsertionPoint({ before, after }: { before: string; after: string }) {
  const around = aroundCursor(before, after);
  return (
    <span className="insertion-point">
      <span className="sr-only">insertion point, between: </span>
      <span className="muted">{around.before}</span>
      <span className="caret-mark" aria-hidden="true">
        ‸
      </span>
      <span className="sr-only"> and </span>
      <span className="muted">{around.after}</span>
    </span>
  );
}

