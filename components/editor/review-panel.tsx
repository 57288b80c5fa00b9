"use client";

import { sentence } from "@/lib/format/sentence";
import { DelegationFilter } from "./delegation-filter";
import { Fragment, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { RejectForm } from "./reject-form";
import { currentIndex, itemAnnouncement, type ItemSummary } from "./review-selection";
import { decisionMessage, largeAcceptQuestion, type ReviewedKind } from "./review-messages";
import type { AnnotationView, DelegationRef } from "@/server/negotiation/views";
import { countChanges, piecesById, type Suggestion } from "@/lib/negotiation/suggestions";
import type { ParagraphRow } from "./paragraph-overview";
import type { ApiResult } from "./use-negotiation";

type Item =
  | { key: string; kind: "annotation"; blockId: string; a: AnnotationView }
  /** `pieces`: every piece of the tracked change (one id), in text order; `s` is the first. */
  | { key: string; kind: "suggestion"; blockId: string; s: Suggestion; pieces: Suggestion[] };

const REVIEWED: ReadonlySet<string> = new Set(["amendment", "objection", "reservation"]);

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
  const [message, setMessage] = useState<{ ok: boolean; text: string; undo?: string | null } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const byCode = useMemo(() => new Map(delegations.map((d) => [d.code, d])), [delegations]);

  const items: Item[] = useMemo(() => {
    const code = delegations.find((d) => d.id === delegation)?.code;
    const out: Item[] = [];
    // A tracked change may be drawn in several pieces with one id (another delegation typed
    // inside it, or the chair split its paragraph): one item, listed at its first piece, as
    // a decision on it decides every piece.
    const shown = new Set(paragraphs.map((p) => p.id));
    const pieces = piecesById(suggestions.filter((s) => shown.has(s.blockId)));
    const listed = new Set<string>();
    for (const p of paragraphs) {
      for (const a of annotations) {
        if (a.blockId !== p.id || a.status !== "open" || !REVIEWED.has(a.kind)) continue;
        if (delegation && a.author.delegation?.id !== delegation && !a.cosponsors.some((c) => c.id === delegation)) continue;
        if (kind && kind !== a.kind) continue;
        out.push({ key: `a-${a.id}`, kind: "annotation", blockId: p.id, a });
      }
      for (const s of suggestions) {
        if (s.blockId !== p.id || (code && s.delegation !== code) || (kind && kind !== "suggestion") || listed.has(s.id)) continue;
        listed.add(s.id);
        out.push({ key: `s-${s.id}`, kind: "suggestion", blockId: p.id, s, pieces: pieces.get(s.id) ?? [s] });
      }
    }
    return out;
  }, [paragraphs, annotations, suggestions, delegation, kind, delegations]);

  const index = currentIndex(items.map((item) => item.key), currentKey, lastIndex.current, engaged);
  const current: Item | undefined = items[index];
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
  const said = current ? summary(current) : undefined;
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

  /** The item as the live region says it. */
  function summary(item: Item): ItemSummary {
    if (item.kind === "annotation") {
      const n = item.a.cosponsors.length;
      return {
        paragraph: numberOf(item.blockId),
        what: `${item.a.kind}${n ? ` (+${n} co-sponsor${n === 1 ? "" : "s"})` : ""}`,
        who: item.a.author.delegation?.name ?? item.a.author.userName,
        words: `${item.a.quote}${item.a.proposedText ? ` → ${item.a.proposedText}` : ""}`,
      };
    }
    return {
      paragraph: [...new Set(item.pieces.map((x) => numberOf(x.blockId)))].join(" and "),
      what: `tracked ${item.s.type}`,
      who: byCode.get(item.s.delegation)?.name ?? item.s.delegation,
      words: item.pieces.map((x) => x.text).join(" … "),
    };
  }

  /** What accepting the item would insert into the text and delete from it (positions other than amendments: nothing). */
  function changeOf(item: Item): { inserted: string; deleted: string } {
    if (item.kind === "suggestion") {
      const text = item.pieces.map((x) => x.text).join("");
      return item.s.type === "insertion" ? { inserted: text, deleted: "" } : { inserted: "", deleted: text };
    }
    if (item.a.kind !== "amendment") return { inserted: "", deleted: "" };
    return { inserted: item.a.op === "delete" ? "" : (item.a.proposedText ?? ""), deleted: item.a.op === "insert" ? "" : item.a.quote };
  }

  /** "Belarus's amendment to PP3", "Albania's tracked insertion in PP8": what a decision was on. */
  function describe(item: Item): string {
    if (item.kind === "annotation") {
      const who = item.a.author.delegation?.name ?? item.a.author.userName;
      const more = item.a.cosponsors.length ? ` (+${item.a.cosponsors.length})` : "";
      return `${who}'s ${item.a.kind}${more} on ${numberOf(item.blockId)}`;
    }
    const where = [...new Set(item.pieces.map((x) => numberOf(x.blockId)))].join(" and ");
    const parts = item.pieces.length > 1 ? ` (${item.pieces.length} pieces)` : "";
    return `${byCode.get(item.s.delegation)?.name ?? item.s.delegation}'s tracked ${item.s.type}${parts} in ${where}`;
  }

  async function decide(decision: "accept" | "reject" | "resolve", reason?: string) {
    if (!current) return;
    // A reason is for the item it was typed on: not another one that took its place.
    if (decision === "reject" && current.key !== rejectingKey) return;
    // A large change is asked about first: once in the text, no key takes it back.
    const question = decision === "accept" ? largeAcceptQuestion(describe(current), changeOf(current)) : null;
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
    const text = decisionMessage(decision, kind, describe(current), numberOf(current.blockId));
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
    const k = event.key.toLowerCase();
    if (k === "j" || event.key === "ArrowDown") go((i) => i + 1);
    else if (k === "k" || event.key === "ArrowUp") go((i) => i - 1);
    else if (k === "a") void decide("accept");
    else if (k === "r" && current) startReject(current.key);
    else if (k === "s" && current?.kind === "annotation") void decide("resolve");
    else if (k === "u" && message?.undo) void reopen(message.undo);
    else return;
    event.preventDefault();
  }

  // The current item stays in view as J / K move through a long queue.
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: "nearest" });
  }, [currentId, items.length]);

  return (
    <>
      {/* Outside the queue's box: its own status line (the last decision) stays the one status in it. */}
      <p className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="review-announcement">
        {announcement}
      </p>
      <div className="review" tabIndex={0} onKeyDown={handleKeyDown} ref={reviewRef} aria-label="Review: J/K move, A accept, R reject, S resolve, U undo, Esc back to the text" data-testid="review">
        {/* The filters, the count and the last decision stay in view while the queue scrolls. */}
        <div className="review-head">
          <div className="filters">
            <DelegationFilter value={delegation} onChange={setDelegation} delegations={delegations} label="Review delegation" />
            <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label="Review kind">
              <option value="">All kinds</option>
              <option value="amendment">Amendments</option>
              <option value="suggestion">Tracked changes</option>
              <option value="objection">Objections</option>
              <option value="reservation">Reservations</option>
            </select>
          </div>
          <p className="muted small">
            {items.length ? `${index + 1} of ${items.length}` : "Nothing left to review."} · J/K move · A accept · R reject{current?.kind === "suggestion" ? "" : " · S resolve"}
          </p>
          {message ? (
            <p className={message.ok ? "notice" : "error"} role="status">
              {message.text}
              {message.undo ? (
                <>
                  {" "}
                  <button type="button" className="link-button" onClick={() => void reopen(message.undo!)}>
                    Undo (U)
                  </button>
                </>
              ) : null}
            </p>
          ) : null}
          {delegation ? (
            <div className="bulk">
              <button type="button" className="button small" onClick={() => void bulk("accept")}>
                Accept all tracked changes of this delegation
              </button>
              <button type="button" className="button small" onClick={() => void bulk("reject")}>
                Reject all of them
              </button>
            </div>
          ) : null}
        </div>
        <ol className="review-list" ref={listRef}>
          {items.map((item, i) => {
            const active = item === current;
            const who = item.kind === "annotation" ? item.a.author.delegation : (byCode.get(item.s.delegation) ?? null);
            return (
              <li key={item.key} className={active ? "is-current" : ""} aria-current={active ? "true" : undefined} style={{ borderLeftColor: who?.color }}>
                <button type="button" className="link-button review-item" onClick={() => go(() => i)}>
                  <span className="para-ref">{numberOf(item.blockId)}</span>{" "}
                  {item.kind === "annotation" ? (
                    <>
                      <strong>{item.a.kind}</strong> · {who?.name ?? item.a.author.userName}
                      {item.a.cosponsors.length ? ` +${item.a.cosponsors.length}` : ""}: <q>{item.a.quote || "(insertion point)"}</q>
                      {item.a.proposedText ? <> → <ins>{item.a.proposedText}</ins></> : null}
                    </>
                  ) : (
                    <>
                      <strong>tracked {item.s.type}</strong> · {who?.name ?? item.s.delegation}
                      {item.pieces.length > 1 ? ` (${item.pieces.length} pieces, decided together)` : ""}:{" "}
                      {item.pieces.map((piece, n) => (
                        <Fragment key={n}>
                          {n > 0 ? <span className="muted">{piece.blockId === item.pieces[n - 1]!.blockId ? " … " : ` … ${numberOf(piece.blockId)} `}</span> : null}
                          {piece.text.trim() === "" ? (
                            <span className="muted">({piece.text.length === 1 ? "a space" : `${piece.text.length} spaces`})</span>
                          ) : piece.type === "insertion" ? (
                            <ins>{piece.text}</ins>
                          ) : (
                            <del>{piece.text}</del>
                          )}
                        </Fragment>
                      ))}
                    </>
                  )}
                </button>
                {active ? (
                  <div className="ann-actions">
                    <button type="button" className="button small primary" onClick={() => decide("accept")}>
                      Accept (A)
                    </button>
                    <button type="button" className="button small" onClick={() => startReject(item.key)} aria-expanded={rejecting}>
                      Reject… (R)
                    </button>
                    {item.kind === "suggestion" ? (
                      <button type="button" className="button small subtle" onClick={() => void acceptAllIn(item.blockId)}>
                        Accept all in {numberOf(item.blockId)}
                      </button>
                    ) : null}
                    <button type="button" className="button small subtle" onClick={() => go((x) => x + 1)}>
                      Next (J)
                    </button>
                  </div>
                ) : null}
                {active && rejecting ? <RejectForm label="Reason" onReject={(reason) => void decide("reject", reason)} onCancel={cancelReject} /> : null}
              </li>
            );
          })}
        </ol>
      </div>
    </>
  );
}
