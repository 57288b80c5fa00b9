"use client";

import { sentence } from "@/lib/format/sentence";
import { clipWords } from "@/lib/format/clip";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AnnotationView } from "@/server/negotiation/views";
import type { EditingMode } from "@/server/collab/types";
import type { DecidedPiece, DocumentDetails, LiveEvent, SuggestionsDecided } from "@/server/events";
import { missedSuggestionDecisions } from "./event-notices";
import { resumeBudget, sessionStillValid } from "./session-resume";
import { statusWord } from "@/lib/negotiation/types";

/** The chair restored a version: which, where the text before it went, the change that did it. */
export type RestoredEvent = Omit<Extract<LiveEvent, { type: "restored" }>, "type">;

export interface NegotiationData {
  annotations: AnnotationView[];
  statuses: Record<string, string>;
  mode: EditingMode;
  /** The document's title, symbol, date, place and original language, as the chair last set them. */
  details?: DocumentDetails | null;
  /** A delegate's: the chair's newest decisions on its delegation's tracked changes, oldest first. */
  decided?: SuggestionsDecided[];
  /** The newest negotiation event of the document the read includes. */
  seq?: number;
}

export interface ApiResult<T = unknown> {
  ok: boolean;
  data?: T;
  message?: string;
}

/** Calls the negotiation API; errors come back as a message for the UI, never thrown. */
export async function api<T>(url: string, method: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await res.json().catch(() => ({}))) as T & { message?: string };
    return res.ok ? { ok: true, data } : { ok: false, message: data.message ?? `Request failed (${res.status})` };
  } catch {
    return { ok: false, message: "The server cannot be reached." };
  }
}

/** The seq of an annotation's latest negotiation event: a read of it is only as new as that. */
function lastSeq(a: AnnotationView): number {
  let seq = 0;
  for (const h of a.history) seq = Math.max(seq, h.seq);
  return seq;
}

/**
 * The list with `a` in it, unless the list holds a newer state of that annotation. Two reads
 * of one annotation can answer out of order (the refresh an event started, and the response
 * to the chair's next action): the older must not overwrite the newer, or a decision taken
 * back (U) would vanish from the queue again and the next key decide another item.
 */
export function upsert(list: AnnotationView[], a: AnnotationView): AnnotationView[] {
  const i = list.findIndex((x) => x.id === a.id);
  if (i < 0) return [...list, a];
  if (lastSeq(list[i]!) > lastSeq(a)) return list;
  const next = list.slice();
  next[i] = a;
  return next;
}

/** A whole list read: as it came, except where the list held holds a newer state of an annotation (see upsert). */
export function mergeReload(held: readonly AnnotationView[], read: AnnotationView[]): AnnotationView[] {
  const newer = new Map(held.map((a) => [a.id, a]));
  return read.map((a) => {
    const mine = newer.get(a.id);
    return mine && lastSeq(mine) > lastSeq(a) ? mine : a;
  });
}

/** The event stream: positions and statuses arrive live only while it is "live". */
export type LiveState = "connecting" | "live" | "reconnecting" | "stopped";

/**
 * Annotations, paragraph statuses and the editing mode of a document, kept live through
 * the server's event stream (no polling, no reload).
 */
export interface NegotiationListeners {
  /** The server undid a change of this user's (the stream carries only their own). */
  onReverted?: (reason: string, lost: string) => void;
  /** The chair decided on a position of this delegation's, or one it co-sponsors, or took the decision back: what to tell. */
  onDecided?: (text: string, annotationId: string) => void;
  /** The chair accepted or rejected tracked changes (every window hears it; each picks its own). */
  onSuggestionsDecided?: (event: SuggestionsDecided) => void;
  /** The person signed in: an event stream ended with the session resumes only for the same person. */
  userId?: string;
  /** Decisions on this delegation's tracked changes taken while this browser was away (missedSuggestionDecisions). */
  onSuggestionsMissed?: (events: SuggestionsDecided[]) => void;
  /** A delegation withdrew its tracked change. */
  onSuggestionWithdrawn?: (pieces: DecidedPiece[]) => void;
  /** The chair restored a version as the live text (told to everyone). */
  onRestored?: (event: RestoredEvent) => void;
  /** The viewer's delegation (delegates), for onDecided. */
  delegationId?: string | null;
}

const DECIDED: Record<string, string> = { accepted: "accepted", rejected: "rejected", resolved: "resolved" };

/** " replacing “Invite” with “Encourage”", " deleting “all”", " inserting “and civil society”" ("" when unknown). */
function amendmentWords(a: AnnotationView): string {
  const quote = `“${clipWords(a.quote ?? "", 60)}”`;
  const proposed = `“${clipWords(a.proposedText ?? "", 60)}”`;
  if (a.op === "replace" && a.quote) return ` replacing ${quote} with ${proposed}`;
  if (a.op === "delete" && a.quote) return ` deleting ${quote}`;
  if (a.op === "insert" && a.proposedText) return ` inserting ${proposed}`;
  return "";
}

/** The chair's verb for a decision: an accepted objection is upheld (the text is not changed by it). */
function decided(a: AnnotationView): string | undefined {
  return DECIDED[a.status] ? statusWord(a.kind, a.status) : undefined;
}

/**
 * "The chair rejected your objection on OP2: “not now”." for a position that just left
 * "open"; "The chair took back its decision on …" for one that went back to "open" (the
 * chair's U), which replaces the decision's notice (see addNotice); for a co-sponsor, also
 * its author's withdrawal of it.
 */
export function decisionNotice(before: AnnotationView | undefined, after: AnnotationView, delegationId: string | null | undefined): string | null {
  if (!delegationId || !before) return null;
  const reopened = before.status !== "open" && decided(before) !== undefined && after.status === "open";
  if (before.status !== "open" && !reopened) return null;
  const own = after.author.delegation?.id === delegationId;
  if (!own && !after.cosponsors.some((c) => c.id === delegationId)) return null;
  if (after.status === "withdrawn" && !own) {
    const author = after.author.delegation?.name ?? after.author.userName;
    return sentence(`${author} withdrew its ${after.kind}${after.paragraph ? ` on ${after.paragraph}` : ""}, which your delegation co-sponsored`);
  }
  const where = after.paragraph ? ` on ${after.paragraph}` : "";
  // An amendment is named by what it does: a delegation may have several in one paragraph.
  const kind = after.kind === "amendment" ? `amendment${amendmentWords(after)}` : after.kind;
  const what = own ? `your ${kind}${where}` : `${after.author.delegation?.name ?? after.author.userName}'s ${kind}${where}, which your delegation co-sponsors`;
  if (reopened) return `The chair took back its decision on ${what}: it is open again.`;
  const verb = decided(after);
  if (!verb) return null;
  const reason = after.status === "rejected" ? after.history.at(-1)?.reason : null;
  return sentence(`The chair ${verb} ${what}${reason ? `: “${reason}”` : ""}`);
}

/**
 * What the chair decided on this delegation's positions (and those it co-sponsors) after
 * `since` (the last event this browser showed it): the notices it missed while away (a
 * laptop asleep, a reload). One notice each, or, past two, one that counts them.
 */
export function missedDecisions(list: readonly AnnotationView[], delegationId: string | null | undefined, since: number): string[] {
  const told: string[] = [];
  for (const a of list) {
    const last = a.history.at(-1);
    // Its last event a decision (the history's actions are the statuses they leave).
    if (!last || last.seq <= since || !DECIDED[last.action]) continue;
    const text = decisionNotice({ ...a, status: "open" }, a, delegationId);
    if (text) told.push(text);
  }
  if (told.length <= 2) return told;
  return [`While you were away, the chair decided ${told.length} positions of your delegation (or that it co-sponsors). Untick “Open only” in Positions to read them.`];
}

/** The newest event a list of positions shows (0 for none). */
export function newestSeq(list: readonly AnnotationView[]): number {
  let seq = 0;
  for (const a of list) seq = Math.max(seq, lastSeq(a));
  return seq;
}

/** What a fresh read of a position tells (decisionNotice), unless the list holds a newer state of it: an older read answering late tells nothing. */
export function readNotice(held: AnnotationView | undefined, read: AnnotationView, delegationId: string | null | undefined): string | null {
  return held && lastSeq(held) > lastSeq(read) ? null : decisionNotice(held, read, delegationId);
}

/** localStorage, where a browser allows it (a private window may refuse it: nothing is told then). */
function readSeen(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeSeen(key: string, seq: number): void {
  try {
    const stored = window.localStorage.getItem(key);
    if (stored === null || Number(stored) < seq) window.localStorage.setItem(key, String(seq));
  } catch {
    // Not stored: the next visit tells nothing missed.
  }
}

export function useNegotiation(documentId: string, initialMode: EditingMode, listeners: NegotiationListeners = {}) {
  const [data, setData] = useState<NegotiationData>({ annotations: [], statuses: {}, mode: initialMode });
  const [live, setLive] = useState<LiveState>("connecting");
  const base = `/api/documents/${documentId}`;
  const baseRef = useRef(base);
  baseRef.current = base;
  const listenersRef = useRef(listeners);
  listenersRef.current = listeners;
  // The list as last rendered: a refreshed annotation is compared with it (decided just now?).
  const annotationsRef = useRef(data.annotations);
  annotationsRef.current = data.annotations;

  // The newest event this browser has shown the delegation, per document: on a later visit,
  // the decisions taken since are told (they were told live only to an open window).
  const seenKey = `plenary:seen:${documentId}:${listeners.delegationId ?? ""}`;
  const seenKeyRef = useRef(seenKey);
  seenKeyRef.current = seenKey;
  // Every whole read (the page opening, the event stream back after a sleep or a network
  // drop) tells what was decided since: a decision told live moved "seen" past it already.
  // Decisions on tracked changes told live in this window: a read answering after one is not to tell it again.
  const toldLive = useRef(new Set<number>());
  const reload = useCallback(async (): Promise<boolean> => {
    // "Since" as it stood when the read was asked for: a decision told live while it is on
    // its way moves the marker past the ones the read is to tell.
    const stored = readSeen(seenKeyRef.current);
    const res = await api<NegotiationData>(`${baseRef.current}/annotations`, "GET");
    const read = res.ok ? res.data : undefined;
    if (!read) return false;
    const delegationId = listenersRef.current.delegationId;
    // A first visit from this browser tells nothing (it has no "since").
    if (delegationId && stored !== null) {
      const seen = Number(stored);
      for (const text of missedDecisions(read.annotations, delegationId, seen)) listenersRef.current.onDecided?.(text, `missed:${text}`);
      const missed = missedSuggestionDecisions((read.decided ?? []).filter((d) => !toldLive.current.has(d.seq)), seen);
      if (missed.length) listenersRef.current.onSuggestionsMissed?.(missed);
    }
    // Seen: the document's newest event as read, though none of it was this delegation's.
    if (delegationId) writeSeen(seenKeyRef.current, Math.max(read.seq ?? 0, newestSeq(read.annotations)));
    setData((d) => ({ ...read, annotations: mergeReload(d.annotations, read.annotations) }));
    return true;
  }, []);
  useEffect(() => {
    const newest = newestSeq(data.annotations);
    if (newest > 0 && listeners.delegationId) writeSeen(seenKey, newest);
  }, [data.annotations, seenKey, listeners.delegationId]);

  // A read that fails (the network dropped while the event stream still stood) is not lost:
  // the whole list is read again once the network is back, which tells what it missed.
  const retry = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reloadLater = useCallback(() => {
    if (retry.current) return;
    retry.current = setTimeout(() => {
      retry.current = null;
      void reload().then((ok) => {
        if (!ok) reloadLater();
      });
    }, 2000);
  }, [reload]);

  const refreshOne = useCallback(async (annotationId: string) => {
    const res = await api<AnnotationView>(`${baseRef.current}/annotations/${annotationId}`, "GET");
    if (!res.ok) reloadLater();
    if (res.ok && res.data) {
      const a = res.data;
      // A read that answers after a newer one (the decision's, after the chair's U that took
      // it back) tells nothing: upsert keeps the newer state, and so must the notices.
      const told = readNotice(annotationsRef.current.find((x) => x.id === a.id), a, listenersRef.current.delegationId);
      if (told) listenersRef.current.onDecided?.(told, a.id);
      // Known at once to the next read's comparison, before React renders.
      annotationsRef.current = upsert(annotationsRef.current, a);
      setData((d) => ({ ...d, annotations: upsert(d.annotations, a) }));
    }
  }, [reloadLater]);
  useEffect(
    () => () => {
      if (retry.current) clearTimeout(retry.current);
    },
    [],
  );

  // The event stream, opened again (a new number) when it ended with a session this browser has renewed.
  const [stream, setStream] = useState(0);
  const mayResume = useRef(resumeBudget());
  useEffect(() => {
    const source = new EventSource(`${base}/events`);
    source.addEventListener("ready", () => {
      setLive("live");
      void reload();
    });
    source.addEventListener("annotation", (e) => {
      const { annotationId } = JSON.parse((e as MessageEvent<string>).data) as { annotationId: string };
      void refreshOne(annotationId);
    });
    source.addEventListener("paragraph-status", (e) => {
      const { blockId, status } = JSON.parse((e as MessageEvent<string>).data) as { blockId: string; status: string };
      setData((d) => ({ ...d, statuses: { ...d.statuses, [blockId]: status } }));
    });
    source.addEventListener("mode", (e) => {
      const { mode } = JSON.parse((e as MessageEvent<string>).data) as { mode: EditingMode };
      setData((d) => ({ ...d, mode }));
    });
    source.addEventListener("details", (e) => {
      const { details } = JSON.parse((e as MessageEvent<string>).data) as { details: DocumentDetails };
      setData((d) => ({ ...d, details }));
    });
    source.addEventListener("reverted", (e) => {
      const { reason, lost } = JSON.parse((e as MessageEvent<string>).data) as { reason: string; lost?: string };
      listenersRef.current.onReverted?.(reason, lost ?? "");
    });
    source.addEventListener("suggestions-decided", (e) => {
      const event = JSON.parse((e as MessageEvent<string>).data) as SuggestionsDecided;
      // Told live: neither a read on its way nor a later visit tells it again.
      toldLive.current.add(event.seq);
      if (listenersRef.current.delegationId) writeSeen(seenKeyRef.current, event.seq);
      listenersRef.current.onSuggestionsDecided?.(event);
    });
    source.addEventListener("suggestion-withdrawn", (e) => {
      const { pieces } = JSON.parse((e as MessageEvent<string>).data) as { pieces: DecidedPiece[] };
      listenersRef.current.onSuggestionWithdrawn?.(pieces);
    });
    source.addEventListener("restored", (e) => {
      listenersRef.current.onRestored?.(JSON.parse((e as MessageEvent<string>).data) as RestoredEvent);
    });
    source.addEventListener("closed", (e) => {
      source.close();
      // Ended with its session, while this browser holds a newer one of the same person (the
      // password changed in another tab): opened again, and the whole list read, which tells
      // what it missed. A role changed or revoked ends it.
      const { reason } = JSON.parse((e as MessageEvent<string>).data) as { reason: string };
      const userId = listenersRef.current.userId;
      if (reason !== "session ended" || !userId || !mayResume.current()) return setLive("stopped");
      setLive("reconnecting");
      void sessionStillValid(userId).then((valid) => (valid ? setStream((n) => n + 1) : setLive("stopped")));
    });
    // EventSource retries by itself after a network error, never after a refusal (4xx).
    source.onerror = () => setLive(source.readyState === EventSource.CLOSED ? "stopped" : "reconnecting");
    return () => source.close();
  }, [base, reload, refreshOne, stream]);

  const mutate = useCallback(
    async (path: string, method: string, body?: unknown): Promise<ApiResult<AnnotationView>> => {
      const res = await api<AnnotationView>(`${baseRef.current}${path}`, method, body);
      if (res.ok && res.data && "id" in res.data) {
        const a = res.data;
        setData((d) => ({ ...d, annotations: upsert(d.annotations, a) }));
      }
      return res;
    },
    [],
  );

  /** Details the chair just saved, shown before their event comes back. */
  const setDetails = useCallback((details: DocumentDetails) => setData((d) => ({ ...d, details })), []);

  return { ...data, live, reload, mutate, base, setDetails };
}
