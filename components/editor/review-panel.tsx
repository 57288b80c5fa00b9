"use client";

import { sentence } from "@/lib/format/sentence";
import { useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { currentIndex, itemAnnouncement } from "./review-selection";
import { decisionMessage, largeAcceptQuestion, type ReviewedKind } from "./review-messages";
import { describeItem, itemChange, itemSummary, reviewItems, upholds, type ReviewItem } from "./review-items";
import { ReviewItemRow } from "./review-item-row";
import { scrollWithin } from "./scroll-within";
import { ReviewHead, type ReviewMessage } from "./review-head";
import type { AnnotationView, DelegationRef } from "@/server/negotiation/views";
import { countChanges, type Suggestion } from "@/lib/negotiation/suggestions";
import { involvedDelegations } from "./delegation-filter";
import type { ParagraphRow } from "./paragraph-overview";
import type { ApiResult } from "./use-negotiation";
import type { Shortcut } from "./shortcut";
import { REVIEW_QUEUE_KEYS } from "./shortcut-keys";

/** U with no decision to take back (the last one changed the text, or was taken back already). */
const NOTHING_TO_UNDO = "Nothing to undo: U takes back the last decision that left the text as it was. An accepted amendment or a decided tracked change is in the text: edit the text instead.";

/**
 * The chair's review: every open amendment, objection, reservation and tracked suggestion,
 * grouped by paragraph in text order. Keys: J / K next and previous, A accept, R reject
 * (with a reason), S resolve.
 */
export function ReviewPanel({
  paragraphs,
  annotations,
  suggestions,
  delegations,
  mutate,
  decideSuggestions,
  onFocusItem,
  onLeave,
}: {
  paragraphs: readonly ParagraphRow[];
  annotations: readonly AnnotationView[];
  suggestions: readonly Suggestion[];
  delegations: readonly DelegationRef[];
  mutate: (path: string, method: string, body?: unknown) => Promise<ApiResult>;
  decideSuggestions: (body: Record<string, unknown>) => Promise<ApiResult>;
  onFocusItem: (blockId: string, annotationId: string | null) => void;
  /** Escape: back to the text, at the current item's paragraph (null: none). */
  onLeave?: (blockId: string | null) => void;
}) {
  const [delegation, setDelegation] = useState("");
  const [kind, setKind] = useState("");
  // The current item is remembered by its key, never by its place: items filed or decided
  // meanwhile by others move places, and A must decide the item the chair is looking at.
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  // The chair moved, decided or opened a reject form: from then on the current item is kept put.
  const [engaged, setEngaged] = useState(false);
  const lastIndex = useRef(0);
  const reviewRef = useRef<HTMLDivElement>(null);
  // The item whose reject form is open: bound to that item, so a form never moves to another
  // one (the item withdrawn or decided meanwhile closes it instead).
  const [rejectingKey, setRejectingKey] = useState<string | null>(null);
  const [message, setMessage] = useState<ReviewMessage | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const byCode = useMemo(() => new Map(delegations.map((d) => [d.code, d])), [delegations]);
  const filterable = useMemo(() => involvedDelegations(delegations, annotations, suggestions, delegation), [delegations, annotations, suggestions, delegation]);

  const items: ReviewItem[] = useMemo(() => {
    const code = delegations.find((d) => d.id === delegation)?.code;
    return reviewItems(paragraphs, annotations, suggestions, { delegation, code, kind });
  }, [paragraphs, annotations, suggestions, delegation, kind, delegations]);

  const index = currentIndex(items.map((item) => item.key), currentKey, lastIndex.current, engaged);
  const current: ReviewItem | undefined = items[index];
  useEffect(() => {
    lastIndex.current = index;
    if (current && current.key !== currentKey) setCurrentKey(current.key);
  }, [index, current, currentKey]);
  const numberOf = (blockId: string) => paragraphs.find((p) => p.id === blockId)?.number ?? "¶";

  // Moving through the review shows the item in the text (not on first render: the chair
  // may be typing elsewhere).
  const moved = useRef(false);
  const currentId = current?.key;
  const rejecting = rejectingKey !== null && rejectingKey === currentId;
  // The item being rejected left the queue (withdrawn, decided elsewhere): the form closes.
  useEffect(() => {
    if (rejectingKey !== null && !items.some((item) => item.key === rejectingKey)) {
      setRejectingKey(null);
      setMessage({ ok: false, text: "The item you were rejecting left the queue (withdrawn or decided meanwhile); nothing was decided." });
    }
  }, [items, rejectingKey]);
  const currentBlock = current?.blockId;
  const currentAnnotation = current?.kind === "annotation" ? current.a.id : null;
  useEffect(() => {
    if (!moved.current || !currentBlock) return;
    onFocusItem(currentBlock, currentAnnotation);
  }, [currentId, currentBlock, currentAnnotation, onFocusItem]);

  // Said to screen readers when J / K or a decision makes another item current (not on
  // first render, nor when others' items arrive: the chair did not move).
  const [announcement, setAnnouncement] = useState("");
  const announceNext = useRef(false);
  const total = items.length;
  const said = current ? itemSummary(current, numberOf, byCode) : undefined;
  const saidText = itemAnnouncement(index, total, said);
  useEffect(() => {
    if (!announceNext.current) return;
    announceNext.current = false;
    setAnnouncement(saidText);
  }, [currentId, total, saidText]);

  /** The chair acted (moved, decided, took a decision back): the current item is kept put from now on, and the next one is said. */
  function acted() {
    setEngaged(true);
    announceNext.current = true;
  }

  function go(to: (i: number) => number) {
    moved.current = true;
    acted();
    const next = items[Math.max(0, Math.min(to(index), items.length - 1))];
    if (next) setCurrentKey(next.key);
  }

  /** Back to the queue's keys after a decision or a closed form (the form held the focus). */
  function refocus() {
    reviewRef.current?.focus({ preventScroll: true });
  }

  async function decide(decision: "accept" | "reject" | "resolve", reason?: string) {
    if (!current) return;
    // A reason is for the item it was typed on: not another one that took its place.
    if (decision === "reject" && current.key !== rejectingKey) return;
    // A large change is asked about first: once in the text, no key takes it back.
    const question = decision === "accept" ? largeAcceptQuestion(describeItem(current, numberOf, byCode), itemChange(current)) : null;
    if (question && !window.confirm(question)) return;
    acted();
    const res =
      current.kind === "annotation"
        ? await mutate(`/annotations/${current.a.id}/decision`, "POST", { decision, reason })
        : await decideSuggestions({ decision: decision === "resolve" ? "accept" : decision, id: current.s.id, reason });
    // A decision that left the text alone can be taken back (an accepted amendment and a
    // decided tracked change are in the text: undone by editing it).
    const undo = current.kind === "annotation" && !(decision === "accept" && current.a.kind === "amendment") ? current.a.id : null;
    const kind: ReviewedKind = current.kind === "suggestion" ? "suggestion" : current.a.kind;
    const text = decisionMessage(decision, kind, describeItem(current, numberOf, byCode), numberOf(current.blockId));
    setMessage(res.ok ? { ok: true, text, undo } : { ok: false, text: res.message ?? "Failed." });
    // Nothing left the queue: the next item to become current is not the decision's doing.
    if (!res.ok) announceNext.current = false;
    setRejectingKey(null);
    refocus();
  }

  /** The form is bound to the item: an item arriving above it must not take its place. */
  function startReject(key: string) {
    setEngaged(true);
    setRejectingKey(key);
  }

  function cancelReject() {
    setRejectingKey(null);
    refocus();
  }

  async function acceptAllIn(blockId: string) {
    const count = countChanges(suggestions, (x) => x.blockId === blockId);
    acted();
    const res = await decideSuggestions({ decision: "accept", blockId });
    setMessage(res.ok ? { ok: true, text: sentence(`Accepted ${count} tracked change${count === 1 ? "" : "s"} in ${numberOf(blockId)}`) } : { ok: false, text: res.message ?? "Failed." });
    refocus();
  }

  /** Every tracked change of the filtered delegation at once: asked first, then counted. */
  async function bulk(decision: "accept" | "reject") {
    const d = delegations.find((x) => x.id === delegation);
    if (!d) return;
    const count = countChanges(suggestions, (x) => x.delegation === d.code);
    if (!window.confirm(`${decision === "accept" ? "Accept" : "Reject"} all ${count} tracked change${count === 1 ? "" : "s"} of ${d.name}?`)) return;
    acted();
    const res = await decideSuggestions({ decision, delegation: d.code });
    setMessage(res.ok ? { ok: true, text: `${decision === "accept" ? "Accepted" : "Rejected"} ${count} tracked change${count === 1 ? "" : "s"} of ${d.name}.` } : { ok: false, text: res.message ?? "Failed." });
  }

  async function reopen(annotationId: string) {
    const res = await mutate(`/annotations/${annotationId}/reopen`, "POST");
    setMessage(res.ok ? { ok: true, text: "Decision taken back: the position is open again." } : { ok: false, text: res.message ?? "Failed." });
    // The reopened item is current again (mutate put it back in the list in this same
    // render), so the next key decides it, not the item that had taken its place.
    if (res.ok) {
      moved.current = true;
      acted();
      setCurrentKey(`a-${annotationId}`);
    }
    refocus();
  }

  /**
   * Coming into the queue from elsewhere (Alt+Shift+V, Tab, a click) shows its current item in
   * the text, so what A would decide is on screen before any J / K.
   */
  function entered(event: FocusEvent<HTMLDivElement>) {
    if (event.currentTarget.contains(event.relatedTarget as Node | null) || !currentBlock) return;
    moved.current = true;
    onFocusItem(currentBlock, currentAnnotation);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    // Plain keys only: Ctrl+A, Ctrl+S, Alt+Shift+A (paragraph status) and the like are not decisions.
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    if (rejecting && event.key === "Escape") {
      event.preventDefault();
      cancelReject();
      return;
    }
    if (rejecting || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName) || target.isContentEditable) return;
    if (event.key === "Escape" && onLeave) {
      event.preventDefault();
      onLeave(current?.blockId ?? null);
      return;
    }
    const is = (shortcut: Shortcut) => event.key.toLowerCase() === shortcut.key.toLowerCase();
    const q = REVIEW_QUEUE_KEYS;
    if (is(q.next) || event.key === "ArrowDown") go((i) => i + 1);
    else if (is(q.previous) || event.key === "ArrowUp") go((i) => i - 1);
    else if (is(q.accept)) void decide("accept");
    else if (is(q.reject) && current) startReject(current.key);
    else if (is(q.resolve) && current?.kind === "annotation") void decide("resolve");
    else if (is(q.undo)) {
      if (message?.undo) void reopen(message.undo);
      // Said, not silent: U after a decision on a tracked change did nothing.
      else setMessage({ ok: false, text: NOTHING_TO_UNDO });
    }
    else return;
    event.preventDefault();
  }

  // The current item stays in view as J / K move through a long queue. Unless the queue has the
  // focus only the queue's own box scrolls: in one column (a narrow window, or zoomed to 200%)
  // that would be the page, and the chair was taken past the text to the queue on opening the
  // document, and again, from the words being read or typed, whenever an item arrived.
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!list || !item) return;
    if (reviewRef.current?.contains(document.activeElement)) item.scrollIntoView({ block: "nearest" });
    else scrollWithin(list, item);
  }, [currentId, items.length]);

  // The reason is typed with the item in view: its heading too, not only the form that the
  // reason's focus scrolled to (at 1366 x 768, under a decision's message, the heading went
  // out of the queue's box above it). Only when the whole item fits.
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!rejectingKey || !list || !item || item.offsetHeight > list.clientHeight) return;
    scrollWithin(list, item);
  }, [rejectingKey]);

  return (
    <>
      {/* Outside the queue's box: its own status line (the last decision) stays the one status in it. */}
      <p className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="review-announcement">
        {announcement}
      </p>
      <div className="review" tabIndex={0} onKeyDown={handleKeyDown} onFocus={entered} ref={reviewRef} aria-label="Review: J/K move, A accept, R reject, S resolve, U undo, Esc back to the text" data-testid="review">
        {/* The filters, the count and the last decision stay in view while the queue scrolls. */}
        <ReviewHead
          delegations={filterable}
          delegation={delegation}
          onDelegation={setDelegation}
          kind={kind}
          onKind={setKind}
          index={index}
          total={items.length}
          resolvable={current?.kind !== "suggestion"}
          upholds={upholds(current)}
          message={message}
          onUndo={(annotationId) => void reopen(annotationId)}
          onBulk={(decision) => void bulk(decision)}
        />
        <ol className="review-list" ref={listRef}>
          {items.map((item, i) => (
            <ReviewItemRow
              key={item.key}
              item={item}
              active={item === current}
              rejecting={rejecting}
              byCode={byCode}
              numberOf={numberOf}
              onSelect={() => go(() => i)}
              onAccept={() => void decide("accept")}
              onStartReject={() => startReject(item.key)}
              onReject={(reason) => void decide("reject", reason)}
              onCancelReject={cancelReject}
              onAcceptAllIn={() => void acceptAllIn(item.blockId)}
              onResolve={() => void decide("resolve")}
              onNext={() => go((x) => x + 1)}
            />
          ))}
        </ol>
      </div>
    </>
  );
}
