"use client";

import { addNotice, addRevert, type Notice } from "./notices";
import { lostTypingNotice, pendingMissed, restoreNotice, statusSetNotice, suggestionDecisionNotice, suggestionWithdrawnNotice } from "./event-notices";
import { OwnTyping } from "@/lib/editor/own-typing";
import { OwnChanges } from "./own-changes";
import { revertExplanation } from "@/lib/negotiation/reverts";
import { sentence } from "@/lib/format/sentence";
import { CLOSED_TO_DRAFTING } from "@/lib/negotiation/types";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Editor } from "@tiptap/react";
import type { DocumentView } from "@/server/services";
import type { DelegationRef } from "@/server/negotiation/views";
import type { SuggestionsDecided } from "@/server/events";
import type { ParagraphStatus } from "@/lib/negotiation/types";
import { CollabEditor } from "./collab-editor";
import { PresenceList } from "./presence-list";
import { useCollab } from "./use-collab";
import { usePresence } from "./use-presence";
import { api, useNegotiation } from "./use-negotiation";
import { useNegotiationPlugins } from "./use-negotiation-plugins";
import { AnnotationComposer } from "./annotation-composer";
import { AnnotationList } from "./annotation-list";
import { ParagraphOverview } from "./paragraph-overview";
import { ReviewPanel } from "./review-panel";
import { outline, paragraphText, useEditorOutline } from "./use-editor-outline";
import { useStructureStatus } from "./use-structure-status";
import { DocumentHeader } from "./document-header";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { GotoDialog } from "./goto-dialog";
import { useDraftingNotices } from "./use-drafting-notices";
import { useSuggestions } from "./use-suggestions";
import { useTextNavigation } from "./use-text-navigation";
import { useWorkspaceKeys } from "./use-workspace-keys";
import { PanelTabs, type PanelTab } from "./panel-tabs";
import { SessionCard } from "./session-card";
import { SideNotices } from "./side-notices";

type Meta = Omit<DocumentView, "paragraphs">;

const ROLE_LABEL = { chair: "Chair", delegate: "Delegate", observer: "Observer (read only)" } as const;

/** The document page: the live text with its negotiation, panels, and who is online. */
export function DocumentWorkspace({
  document: doc,
  user,
  delegations,
  latestVersion = null,
}: {
  document: Meta;
  user: { id: string; name: string };
  delegations: DelegationRef[];
  /** The newest saved version: the export menu offers the live text with tracked changes against it. */
  latestVersion?: { id: string; label: string } | null;
}) {
  const { collab, state, endedReason } = useCollab(doc.id, user.id);
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
  // Decisions on the delegation's tracked changes taken while it was away, until the text is in;
  // kept in the browser meanwhile (the marker of what was seen has moved past them already).
  const missedChanges = useRef<SuggestionsDecided[]>([]);
  const missedKey = `plenary:missed-changes:${doc.id}:${doc.delegation?.id ?? ""}`;
  const keepMissed = (events: SuggestionsDecided[]) => {
    try {
      if (events.length) window.localStorage.setItem(missedKey, JSON.stringify(events));
      else window.localStorage.removeItem(missedKey);
    } catch {
      // Not kept: a page closed before the text is in tells them no more.
    }
  };
  const syncedRef = useRef(false);
  syncedRef.current = state === "synced";
  const tellMissedChanges = () => {
    if (!syncedRef.current || !editorRef.current || !delegateCode || missedChanges.current.length === 0) return;
    for (const event of missedChanges.current.splice(0)) {
      const told = suggestionDecisionNotice(event, delegateCode, numberNow, true);
      if (told) tell(told);
    }
    keepMissed([]);
  };
  const negotiation = useNegotiation(doc.id, doc.editingMode, {
    // Edits typed offline come back as a burst of reverts: the first one says why, the words
    // of all of them are quoted.
    onReverted: (reason, lost) => setNotices((list) => addRevert(list, reason, lost, Date.now(), revertExplanation)),
    // A decision taken back replaces the decision's notice: the delegation is not left reading both.
    onDecided: (text, annotationId) => setNotices((list) => addNotice(list, { text, warn: false, at: Date.now(), key: `decision:${annotationId}` })),
    onSuggestionsDecided: (event) => {
      const told = delegateCode && suggestionDecisionNotice(event, delegateCode, numberNow);
      if (told) tell(told);
    },
    // Told once the text is in, so that they name their paragraphs.
    onSuggestionsMissed: (events) => {
      missedChanges.current = pendingMissed(null, [...missedChanges.current, ...events]);
      keepMissed(missedChanges.current);
      tellMissedChanges();
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
    userId: user.id,
  });
  const [editor, setEditor] = useState<Editor | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [tab, setTab] = useState<PanelTab>(doc.role === "chair" ? "review" : "annotations");
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [gotoOpen, setGotoOpen] = useState(false);
  const roleText = [ROLE_LABEL[doc.role], doc.delegation && !user.name.includes(doc.delegation.name) ? doc.delegation.name : null].filter(Boolean).join(" · ");
  const paragraphs = useEditorOutline(editor);
  editorRef.current = editor;
  // Missed decisions wait for the text (tellMissedChanges reads refs); those a page closed too soon left are told too.
  useEffect(() => {
    if (!delegateCode) return;
    let stored: string | null = null;
    try {
      stored = window.localStorage.getItem(missedKey);
    } catch {
      // Nothing kept.
    }
    missedChanges.current = pendingMissed(stored, missedChanges.current);
    tellMissedChanges();
    // Once per document and delegation: tellMissedChanges and the key follow them.
  }, [missedKey, delegateCode]);
  useEffect(tellMissedChanges, [state, editor]);
  // Read by setStatus when the server answers, so that a renumbering does not make it (and the overview's 300 rows) new.
  const paragraphsRef = useRef(paragraphs);
  paragraphsRef.current = paragraphs;

  const openDrafting = negotiation.mode === "open_drafting";
  const openPositions = negotiation.annotations.filter((a) => a.status === "open").length;
  // Once the server has ended the session (signed out, role revoked), nothing typed would be sent: the text is read only.
  const editable = state !== "ended" && (isChair || (doc.role === "delegate" && openDrafting));

  const textRef = useRef<HTMLDivElement>(null);
  useDraftingNotices(doc.role, negotiation.mode, textRef, tell);
  const color = doc.role === "delegate" && doc.delegation ? doc.delegation.color : isChair ? "#1d4ed8" : "#6b7280";

  const { extensions, negotiationRef } = useNegotiationPlugins(
    editor,
    { doc: collab?.doc ?? null, annotations: negotiation.annotations, statuses: negotiation.statuses, selectedId },
    {
      enabled: doc.role === "delegate" && openDrafting,
      delegation: delegateCode,
      nameOf: (code) => delegations.find((d) => d.code === code)?.name ?? code,
      closed: (blockId) => {
        const status = negotiation.statuses[blockId];
        return status && CLOSED_TO_DRAFTING.has(status) ? (paragraphs.find((p) => p.id === blockId)?.number ?? "this paragraph") : null;
      },
      onClosed: (paragraph) => tell(`${paragraph} is agreed: it is closed to drafting. Ask the chair to reopen it, or file a position on it.`, true),
      onRefused: (why) => tell(why, true),
    },
  );

  useEffect(() => {
    if (!collab?.doc) return;
    const own = new OwnTyping(collab.doc);
    ownTyping.current = own;
    return () => {
      own.destroy();
      ownTyping.current = null;
    };
  }, [collab]);

  const suggestions = useSuggestions(collab);

  const order = useMemo(() => new Map(paragraphs.map((p, i) => [p.id, i])), [paragraphs]);

  const { jumpTo, enterText } = useTextNavigation(editor);

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
        const number = paragraphsRef.current.find((p) => p.id === blockId)?.number;
        // E.g. "agreed" while tracked changes wait in the paragraph: said, not swallowed.
        if (!res.ok) tell(sentence(`${number ?? "The paragraph"}: ${res.message ?? "the status could not be set"}`), true);
        else if (told) tell(statusSetNotice(number, status));
      }),
    [negotiation.base, tell],
  );

  useStructureStatus(editor, isChair, negotiationRef, setStatus, tell);

  useWorkspaceKeys(editor, isChair, setStatus, { setShortcutsOpen, setGotoOpen, setTab });

  // Kept for the page's life: each row of the paragraph overview is memoised on its callbacks.
  const textOf = useCallback((blockId: string) => paragraphText(editorRef.current, blockId), []);

  const decideSuggestions = useCallback((body: Record<string, unknown>) => api(`${negotiation.base}/suggestions/decision`, "POST", body), [negotiation.base]);

  const handleSelect = useCallback(
    (id: string) => {
      setSelectedId(id);
      const a = negotiation.annotations.find((x) => x.id === id);
      if (a) jumpTo(a.blockId);
    },
    [negotiation.annotations, jumpTo],
  );

  // Tracked changes are drawn in their delegation's colour (marks carry only the code).
  const delegationStyles = delegations
    .map((d) => `.suggestion[data-delegation="${d.code}"]{color:${d.color};text-decoration-color:${d.color}}`)
    .join("");

  return (
    <div className="workspace">
      <style>{delegationStyles}</style>
      <div className="workspace-main">
        <DocumentHeader
          doc={{ ...doc, ...negotiation.details }}
          mode={negotiation.mode}
          latestVersion={latestVersion}
          onDetailsSaved={isChair ? negotiation.setDetails : undefined}
          hint={
            doc.role === "observer"
              ? "You follow this negotiation as an observer: the text and the positions are read-only for you."
              : doc.role === "delegate"
                ? openDrafting
                  ? `Open drafting: your typing and deletions are tracked as suggestions of ${doc.delegation?.name}.`
                  : "The chair holds the pen: select words and propose an amendment, or object, support or comment."
                : null
          }
        />
        {/* One column (a phone): the panel is below the whole text; this takes the reader there. */}
        <a className="jump-to-panel" href="#negotiation">
          {isChair ? "Review queue and positions" : `Positions (${openPositions} open)`} ↓
        </a>
        {endedReason ? (
          <p className="error" role="alert">
            {endedReason}
          </p>
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
      <aside className="workspace-side" aria-label="Negotiation" id="negotiation" tabIndex={-1}>
        <SessionCard
          state={state}
          live={negotiation.live}
          color={color}
          userName={user.name}
          roleText={roleText}
          isChair={isChair}
          documentId={doc.id}
          mode={negotiation.mode}
          onModeChange={(mode) => void api(`${negotiation.base}/mode`, "PUT", { mode })}
          onShortcuts={() => setShortcutsOpen(true)}
          onGoto={() => setGotoOpen(true)}
        />
        <SideNotices notices={notices} onDismiss={(id) => setNotices((list) => list.filter((x) => x.id !== id))} />
        <AnnotationComposer
          editor={editor}
          canCreate={doc.role === "delegate" || isChair}
          chairOnly={isChair}
          onCreate={(input) => negotiation.mutate("/annotations", "POST", input)}
          onFiledFromSheet={(text) => tell(text)}
        />
        <PanelTabs tab={tab} onChange={setTab} isChair={isChair} openPositions={openPositions} online={users.length} />
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
              textOf={textOf}
            />
          ) : null}
          {tab === "people" ? <PresenceList users={users} /> : null}
        </div>
      </aside>
    </div>
  );
}
