"use client";

import { addNotice, addRevert, type Notice } from "./notices";
import { lostTypingNotice, restoreNotice, statusSetNotice, suggestionDecisionNotice, suggestionWithdrawnNotice } from "./event-notices";
import { OwnTyping } from "@/lib/editor/own-typing";
import { OwnChanges } from "./own-changes";
import { typesCharacter } from "./character-key";
import { revertExplanation } from "@/lib/negotiation/reverts";
import { sentence } from "@/lib/format/sentence";
import { CLOSED_TO_DRAFTING } from "@/lib/negotiation/types";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Editor } from "@tiptap/react";
import type { DocumentView } from "@/server/services";
import type { DelegationRef } from "@/server/negotiation/views";
import type { ParagraphStatus } from "@/lib/negotiation/types";
import { listSuggestions, type Suggestion } from "@/lib/negotiation/suggestions";
import { CollabEditor } from "./collab-editor";
import { ConnectionStatus, LiveUpdatesStatus } from "./connection-status";
import { PresenceList } from "./presence-list";
import { useCollab } from "./use-collab";
import { usePresence } from "./use-presence";
import { api, useNegotiation } from "./use-negotiation";
import { NegotiationDecorations, refreshNegotiation, type NegotiationState } from "./negotiation-decorations";
import { SuggestMode, type SuggestState } from "./suggest-mode";
import { AnnotationComposer } from "./annotation-composer";
import { AnnotationList } from "./annotation-list";
import { ParagraphOverview } from "./paragraph-overview";
import { ReviewPanel } from "./review-panel";
import { outline, useEditorOutline } from "./use-editor-outline";
import { useStructureStatus } from "./use-structure-status";
import { DocumentHeader } from "./document-header";
import { ModeSwitch } from "./mode-switch";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { GotoDialog } from "./goto-dialog";

type Meta = Omit<DocumentView, "paragraphs">;
type Tab = "annotations" | "paragraphs" | "review" | "people";

const ROLE_LABEL = { chair: "Chair", delegate: "Delegate", observer: "Observer (read only)" } as const;

/** The document page: the live text with its negotiation, panels, and who is online. */
export function DocumentWorkspace({ document: doc, user, delegations }: { document: Meta; user: { name: string }; delegations: DelegationRef[] }) {
  const { collab, state, endedReason } = useCollab(doc.id);
  const users = usePresence(collab?.provider ?? null);
  // Told to a delegate: the chair opened or closed the text, decided on one of their positions,
  // typing went nowhere, the server undid a change (a warning).
  const [notices, setNotices] = useState<Notice[]>([]);
  const tell = useCallback((text: string, warn = false) => setNotices((list) => addNotice(list, { text, warn, at: Date.now() })), []);
  // What this window typed lately, to quote the words a restore swept away.
  const ownTyping = useRef<OwnTyping | null>(null);
  const editorRef = useRef<Editor | null>(null);
  // A paragraph's number in the text as the editor has it now (the outline state may lag behind a change just applied).
  const numberNow = (blockId: string) => {
    const ed = editorRef.current;
    return (ed && !ed.isDestroyed ? outline(ed).find((p) => p.id === blockId)?.number : null) ?? undefined;
  };
  const isChair = doc.role === "chair";
  const delegateCode = doc.role === "delegate" ? (doc.delegation?.code ?? null) : null;
  const negotiation = useNegotiation(doc.id, doc.editingMode, {
    // Edits typed offline come back as a burst of reverts: the first one says why, the words
    // of all of them are quoted.
    onReverted: (reason, lost) => setNotices((list) => addRevert(list, reason, lost, Date.now(), revertExplanation)),
    onDecided: (text) => tell(text),
    onSuggestionsDecided: (event) => {
      const told = delegateCode && suggestionDecisionNotice(event, delegateCode, numberNow);
      if (told) tell(told);
    },
    onSuggestionWithdrawn: (pieces) => {
      const told = isChair && suggestionWithdrawnNotice(pieces, (code) => delegations.find((d) => d.code === code)?.name ?? code, numberNow);
      if (told) tell(told);
    },
    onRestored: ({ version, saved, change }) => {
      tell(restoreNotice(version, saved));
      // The stream and the text arrive on two connections: the restore's change may come second.
      if (!change || !ownTyping.current) return;
      void ownTyping.current.whenArrived(change, 10_000).then((lost) => {
        const told = lost && lostTypingNotice(version, lost, numberNow);
        if (told) tell(told, true);
      });
    },
    delegationId: doc.role === "delegate" ? (doc.delegation?.id ?? null) : null,
  });
  const [editor, setEditor] = useState<Editor | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>(doc.role === "chair" ? "review" : "annotations");
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [gotoOpen, setGotoOpen] = useState(false);
  const roleText = [ROLE_LABEL[doc.role], doc.delegation && !user.name.includes(doc.delegation.name) ? doc.delegation.name : null].filter(Boolean).join(" · ");
  const { paragraphs, selection } = useEditorOutline(editor);
  editorRef.current = editor;
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);

  const openDrafting = negotiation.mode === "open_drafting";
  const editable = isChair || (doc.role === "delegate" && openDrafting);

  // A delegate is told when the chair opens or closes the text (the header saying so may be
  // scrolled away), and when typing goes nowhere because the chair holds the pen.
  const shownMode = useRef(negotiation.mode);
  useEffect(() => {
    if (doc.role !== "delegate" || shownMode.current === negotiation.mode) return;
    shownMode.current = negotiation.mode;
    tell(
      negotiation.mode === "open_drafting"
        ? "The chair opened the text for drafting: what you type now is a tracked suggestion of your delegation."
        : "The chair holds the pen again: typing in the text is off; select words to propose an amendment.",
    );
  }, [doc.role, negotiation.mode, tell]);
  // The read-only text takes no focus: keys go to the page, with the selection in the text.
  const textRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (doc.role === "chair" || (doc.role === "delegate" && openDrafting)) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      // "?" opens the shortcuts and Space scrolls: not typing.
      if (event.key === "?" || event.key === " ") return;
      if (!(event.key.length === 1 || event.key === "Backspace" || event.key === "Delete" || event.key === "Enter")) return;
      // Keys in a field or on a button are not typing in the text (as for "?" below).
      if ((event.target as HTMLElement).closest("input, textarea, select, button, [contenteditable=true]")) return;
      const anchor = window.getSelection()?.anchorNode ?? null;
      if (anchor && textRef.current?.contains(anchor)) {
        tell(
          doc.role === "observer"
            ? "You follow this document as an observer: the text cannot be changed from here."
            : "The chair holds the pen: your typing is not part of the text. Select words and propose an amendment instead.",
          true,
        );
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [doc.role, openDrafting, tell]);
  const color = doc.role === "delegate" && doc.delegation ? doc.delegation.color : isChair ? "#1d4ed8" : "#6b7280";

  // Plugins read the latest state through refs: no editor re-creation on every change.
  const negotiationRef = useRef<NegotiationState>({ doc: null, annotations: [], statuses: {}, selectedId: null });
  negotiationRef.current = { doc: collab?.doc ?? null, annotations: negotiation.annotations, statuses: negotiation.statuses, selectedId };
  const suggestRef = useRef<SuggestState>({ enabled: false, delegation: null });
  suggestRef.current = {
    enabled: doc.role === "delegate" && openDrafting,
    delegation: delegateCode,
    closed: (blockId) => {
      const status = negotiation.statuses[blockId];
      return status && CLOSED_TO_DRAFTING.has(status) ? (paragraphs.find((p) => p.id === blockId)?.number ?? "this paragraph") : null;
    },
    onClosed: (paragraph) => tell(`${paragraph} is agreed: it is closed to drafting. Ask the chair to reopen it, or file a position on it.`, true),
    onRefused: (why) => tell(why, true),
  };

  const extensions = useMemo(
    () => [
      NegotiationDecorations.configure({ getState: () => negotiationRef.current }),
      SuggestMode.configure({ getState: () => suggestRef.current }),
    ],
    [],
  );

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(refreshNegotiation(editor.state.tr));
  }, [editor, negotiation.annotations, negotiation.statuses, selectedId]);

  useEffect(() => {
    if (!collab?.doc) return;
    const own = new OwnTyping(collab.doc);
    ownTyping.current = own;
    return () => {
      own.destroy();
      ownTyping.current = null;
    };
  }, [collab]);

  useEffect(() => {
    const ydoc = collab?.doc;
    if (!ydoc) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        setSuggestions(listSuggestions(ydoc));
      }, 150);
    };
    ydoc.on("update", update);
    update();
    return () => {
      ydoc.off("update", update);
      if (timer) clearTimeout(timer);
    };
  }, [collab]);

  const order = useMemo(() => new Map(paragraphs.map((p, i) => [p.id, i])), [paragraphs]);

  const jumpTo = useCallback(
    (blockId: string) => {
      if (!editor) return;
      let target: number | null = null;
      editor.state.doc.forEach((node, offset) => {
        if (node.attrs.id === blockId && target === null) target = offset + 1;
      });
      if (target === null) return;
      editor.commands.setTextSelection(target);
      const dom = editor.view.nodeDOM(target - 1);
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: "center", behavior: "smooth" });
    },
    [editor],
  );

  /** Into the text, at a paragraph's start (null: where the caret was): Go to paragraph, Esc from the review. */
  const enterText = useCallback(
    (blockId: string | null) => {
      if (blockId) jumpTo(blockId);
      if (!editor || editor.isDestroyed) return;
      if (editor.isEditable) editor.view.focus();
      else if (blockId) {
        // Read-only text takes no focus: the page's caret goes to the paragraph's start, so
        // selecting words there (for a position) or reading on starts from it.
        const dom = editor.view.dom.querySelector(`[data-id="${CSS.escape(blockId)}"]`);
        if (dom) window.getSelection()?.collapse(dom, 0);
      }
    },
    [editor, jumpTo],
  );

  const focusItem = useCallback(
    (blockId: string, annotationId: string | null) => {
      setSelectedId(annotationId);
      jumpTo(blockId);
    },
    [jumpTo],
  );

  /** `told`: say it when it worked too (the status keys, whose effect is otherwise only a margin mark). */
  const setStatus = useCallback(
    (blockId: string, status: ParagraphStatus, told = false) =>
      void api(`${negotiation.base}/paragraphs/${blockId}/status`, "PUT", { status }).then((res) => {
        const number = paragraphs.find((p) => p.id === blockId)?.number;
        // E.g. "agreed" while tracked changes wait in the paragraph: said, not swallowed.
        if (!res.ok) tell(sentence(`${number ?? "The paragraph"}: ${res.message ?? "the status could not be set"}`), true);
        else if (told) tell(statusSetNotice(number, status));
      }),
    [negotiation.base, paragraphs, tell],
  );

  useStructureStatus(editor, isChair, negotiationRef, setStatus, tell);

  // The chair's status keys on the paragraph under the cursor: Alt+Shift+O/B/R/A.
  useEffect(() => {
    if (!editor || !isChair) return;
    const keys: Record<string, ParagraphStatus> = { O: "open", B: "bracketed", R: "agreed_ad_ref", A: "agreed" };
    const handleKey = (event: KeyboardEvent) => {
      // AltGr+Shift+A types "Ą" on a Polish keyboard (Windows reports Ctrl+Alt+Shift): not a status.
      if (typesCharacter(event)) return;
      const status = event.altKey && event.shiftKey ? keys[event.code.replace("Key", "")] : undefined;
      const blockId = editor.state.selection.$from.parent.attrs.id;
      if (!status || typeof blockId !== "string") return;
      event.preventDefault();
      setStatus(blockId, status, true);
    };
    const dom = editor.view.dom;
    dom.addEventListener("keydown", handleKey);
    return () => dom.removeEventListener("keydown", handleKey);
  }, [editor, isChair, setStatus]);

  // "?" outside the text lists the shortcuts; Alt+Shift+V takes the chair to the review queue.
  useEffect(() => {
    const handleKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key === "?" && !target.closest("input, textarea, select, [contenteditable=true]")) {
        event.preventDefault();
        setShortcutsOpen(true);
      } else if (event.altKey && event.shiftKey && event.code === "KeyG" && !typesCharacter(event)) {
        event.preventDefault();
        setGotoOpen(true);
      } else if (isChair && event.altKey && event.shiftKey && event.code === "KeyV" && !typesCharacter(event)) {
        event.preventDefault();
        // Out of the text at once: a J typed right after the shortcut must not land in it.
        const review = document.querySelector<HTMLElement>('[data-testid="review"]');
        if (review) review.focus();
        else (document.activeElement as HTMLElement | null)?.blur();
        setTab("review");
        // After the panel has rendered.
        requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="review"]')?.focus());
      }
    };
    window.addEventListener("keydown", handleKey);
    return () => window.removeEventListener("keydown", handleKey);
  }, [isChair]);

  const decideSuggestions = useCallback((body: Record<string, unknown>) => api(`${negotiation.base}/suggestions/decision`, "POST", body), [negotiation.base]);

  const handleSelect = useCallback(
    (id: string) => {
      setSelectedId(id);
      const a = negotiation.annotations.find((x) => x.id === id);
      if (a) jumpTo(a.blockId);
    },
    [negotiation.annotations, jumpTo],
  );

  const tabs: { id: Tab; label: string }[] = [
    ...(isChair ? [{ id: "review" as const, label: "Review" }] : []),
    { id: "annotations", label: `Positions (${negotiation.annotations.filter((a) => a.status === "open").length})` },
    { id: "paragraphs", label: "Paragraphs" },
    { id: "people", label: `Online (${users.length})` },
  ];

  // The WAI-ARIA tabs pattern: one tab in the Tab order, arrows / Home / End move between them.
  const onTabKey = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((t) => t.id === tab);
    const to = e.key === "ArrowRight" ? at + 1 : e.key === "ArrowLeft" ? at - 1 : e.key === "Home" ? 0 : e.key === "End" ? tabs.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  // Tracked changes are drawn in their delegation's colour (marks carry only the code).
  const delegationStyles = delegations
    .map((d) => `.suggestion[data-delegation="${d.code}"]{color:${d.color};text-decoration-color:${d.color}}`)
    .join("");

  return (
    <div className="workspace">
      <style>{delegationStyles}</style>
      <div className="workspace-main">
        <DocumentHeader doc={doc} mode={negotiation.mode} />
        {endedReason ? (
          <p className="error" role="alert">
            {endedReason}
          </p>
        ) : null}
        {doc.role === "delegate" && !openDrafting ? (
          <p className="hint">The chair holds the pen: select words and propose an amendment, or object, support or comment.</p>
        ) : null}
        {doc.role === "observer" ? (
          <p className="hint">You follow this negotiation as an observer: the text and the positions are read-only for you.</p>
        ) : null}
        {doc.role === "delegate" && openDrafting ? (
          <p className="hint">Open drafting: your typing and deletions are tracked as suggestions of {doc.delegation?.name}.</p>
        ) : null}
        {collab ? (
          <div ref={textRef}>
            <CollabEditor
              collab={collab}
              user={{ name: user.name, color }}
              editable={editable}
              isChair={isChair}
              label={`Text of ${doc.title}${editable ? "" : " (read only)"}`}
              extensions={extensions}
              onReady={setEditor}
            />
          </div>
        ) : (
          <p className="muted">Loading the text…</p>
        )}
      </div>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} isChair={isChair} canEdit={editable} />
      <GotoDialog
        open={gotoOpen}
        onClose={() => setGotoOpen(false)}
        paragraphs={paragraphs}
        onGo={(blockId) => {
          setGotoOpen(false);
          enterText(blockId);
        }}
      />
      <aside className="workspace-side" aria-label="Negotiation">
        {/* One compact card: at 1280×720 the review queue below needs the height. */}
        <section className="panel-section session-card" aria-labelledby="you-h">
          <h2 id="you-h" className="sr-only">
            You
          </h2>
          <div className="session-row">
            <ConnectionStatus state={state} />
            <button type="button" className="link-button small shortcuts-link" onClick={() => setShortcutsOpen(true)}>
              Keyboard shortcuts (?)
            </button>
          </div>
          <div className="session-row">
            <button type="button" className="link-button small shortcuts-link" onClick={() => setGotoOpen(true)}>
              Go to paragraph (Alt+Shift+G)
            </button>
          </div>
          <LiveUpdatesStatus state={negotiation.live} />
          <div className="session-row">
            <p>
              <span className="dot" style={{ background: color }} aria-hidden="true" /> {user.name}
              {/* The role and delegation, unless the account's name says them already ("Delegate of Albania"). */}
              {roleText && !user.name.toLowerCase().startsWith(roleText.toLowerCase()) ? <span className="muted"> · {roleText}</span> : null}
            </p>
            {isChair ? (
              <Link href={`/documents/${doc.id}/participants`} className="small">
                Manage participants
              </Link>
            ) : null}
          </div>
          {isChair ? <ModeSwitch mode={negotiation.mode} onChange={(mode) => void api(`${negotiation.base}/mode`, "PUT", { mode })} /> : null}
        </section>
        {/* Newest first; "mode-notice" is the newest (what tests and the eye look at first). */}
        <div className="side-notices" role="status">
          {notices.map((n, k) => (
            <div key={n.id} className={`${n.warn ? "warning" : "notice"} side-notice`} data-testid={k === 0 ? "mode-notice" : "older-notice"}>
              <p>{n.text}</p>
              <button type="button" className="link-button small" aria-label={`Dismiss: ${n.text.slice(0, 60)}`} onClick={() => setNotices((list) => list.filter((x) => x.id !== n.id))}>
                Dismiss
              </button>
            </div>
          ))}
        </div>
        <AnnotationComposer
          selection={selection}
          canCreate={doc.role === "delegate" || isChair}
          chairOnly={isChair}
          onCreate={(input) => negotiation.mutate("/annotations", "POST", input)}
        />
        <div className="tabs" role="tablist" aria-label="Panels" onKeyDown={onTabKey}>
          {tabs.map((t) => (
            <button
              key={t.id}
              id={`tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              aria-controls="side-panel"
              tabIndex={tab === t.id ? 0 : -1}
              className="tab"
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="side-panel" aria-labelledby={`tab-${tab}`} className="tabpanel">
          {tab === "review" && isChair ? (
            <ReviewPanel
              paragraphs={paragraphs}
              annotations={negotiation.annotations}
              suggestions={suggestions}
              delegations={delegations}
              mutate={negotiation.mutate}
              decideSuggestions={decideSuggestions}
              onFocusItem={focusItem}
              onLeave={enterText}
            />
          ) : null}
          {tab === "annotations" && delegateCode ? (
            <OwnChanges
              suggestions={suggestions}
              code={delegateCode}
              numberOf={(blockId) => paragraphs.find((p) => p.id === blockId)?.number ?? "the paragraph"}
              onJump={jumpTo}
              withdraw={(id) => api(`${negotiation.base}/suggestions/withdraw`, "POST", { id })}
            />
          ) : null}
          {tab === "annotations" ? (
            <AnnotationList
              annotations={negotiation.annotations}
              order={order}
              delegations={delegations}
              viewer={{ role: doc.role, delegationId: doc.delegation?.id ?? null }}
              selectedId={selectedId}
              onSelect={handleSelect}
              mutate={negotiation.mutate}
            />
          ) : null}
          {tab === "paragraphs" ? (
            <ParagraphOverview
              paragraphs={paragraphs}
              statuses={negotiation.statuses}
              annotations={negotiation.annotations}
              suggestions={suggestions}
              delegations={delegations}
              isChair={isChair}
              onStatus={setStatus}
              onJump={jumpTo}
            />
          ) : null}
          {tab === "people" ? <PresenceList users={users} /> : null}
        </div>
      </aside>
    </div>
  );
}
