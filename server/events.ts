import { PlenaryError } from "../lib/errors";

/** A piece of a tracked change as the events tell it (its words cut to a quotable length). */
export interface DecidedPiece {
  id: string;
  type: "insertion" | "deletion";
  /** The delegation's code, as the mark carries it. */
  delegation: string;
  blockId: string;
  text: string;
}

/**
 * The chair's decision on tracked changes, as a delegation is told of it: live, or on coming
 * back (`seq`: the negotiation event that recorded it, which a browser remembers as seen).
 */
/** What the header shows of a document and its exports print, as the chair sets it. */
export interface DocumentDetails {
  title: string;
  symbol: string | null;
  date: string | null;
  place: string | null;
  originalLanguage: string | null;
}

export interface SuggestionsDecided {
  seq: number;
  decision: "accepted" | "rejected";
  reason: string | null;
  pieces: DecidedPiece[];
}

/** A change pushed to every open window of a document (server-sent events). */
export type LiveEvent =
  | { type: "annotation"; annotationId: string }
  | { type: "paragraph-status"; blockId: string; status: string }
  | { type: "mode"; mode: "chairs_pen" | "open_drafting" }
  /** The chair edited the document's title, symbol, date, place or original language. */
  | { type: "details"; details: DocumentDetails }
  | { type: "reverted"; userId: string; reason: string; lost: string }
  /**
   * The chair restored `version` as the live text; the text before it was saved as `saved`.
   * `change`: the first struct the restore inserted (null when it inserted nothing).
   */
  | { type: "restored"; version: string; saved: string; change: { client: number; clock: number } | null }
  /** The chair accepted or rejected tracked changes: one, a paragraph's, a delegation's, all. */
  | ({ type: "suggestions-decided" } & SuggestionsDecided)
  /** A delegation withdrew its own tracked change. */
  | { type: "suggestion-withdrawn"; pieces: DecidedPiece[] }
  | { type: "closed"; reason: string };

interface Subscriber {
  documentId: string;
  userId: string;
  sessionId: string;
  send(event: LiveEvent): void;
  close(): void;
}

/**
 * Fan-out of negotiation changes to subscribed windows, per document. One person holds at
 * most `perUser` streams at once (every document together): each is an open HTTP response
 * with a heartbeat, so an unbounded number would be unbounded memory.
 */
export class EventBus {
  private readonly subs = new Set<Subscriber>();
  private readonly perUser = new Map<string, number>();

  constructor(private readonly limitPerUser = Infinity) {}

  /** Throws `rate_limited` when the person already holds as many streams as allowed. */
  assertCanSubscribe(userId: string): void {
    if ((this.perUser.get(userId) ?? 0) >= this.limitPerUser) {
      throw new PlenaryError("rate_limited", `too many open windows (limit ${this.limitPerUser}); close one and reload`);
    }
  }

  subscribe(sub: Subscriber): () => void {
    this.assertCanSubscribe(sub.userId);
    this.subs.add(sub);
    this.perUser.set(sub.userId, (this.perUser.get(sub.userId) ?? 0) + 1);
    return () => this.remove(sub);
  }

  /** Streams one person holds now. */
  streamsOf(userId: string): number {
    return this.perUser.get(userId) ?? 0;
  }

  private remove(sub: Subscriber): void {
    if (!this.subs.delete(sub)) return;
    const left = (this.perUser.get(sub.userId) ?? 1) - 1;
    if (left > 0) this.perUser.set(sub.userId, left);
    else this.perUser.delete(sub.userId);
  }

  publish(documentId: string, event: LiveEvent): void {
    for (const sub of this.subs) if (sub.documentId === documentId) sub.send(event);
  }

  /** Ends a person's streams (role revoked, signed out). */
  closeUser(userId: string, documentId: string | null, reason: string): void {
    for (const sub of [...this.subs]) {
      if (sub.userId !== userId || (documentId && sub.documentId !== documentId)) continue;
      sub.send({ type: "closed", reason });
      sub.close();
      this.remove(sub);
    }
  }

  /** Ends streams whose session is no longer valid. */
  sessionIds(): string[] {
    return [...new Set([...this.subs].map((s) => s.sessionId))];
  }

  closeSessionsNotIn(live: Set<string>): void {
    for (const sub of [...this.subs]) {
      if (live.has(sub.sessionId)) continue;
      sub.send({ type: "closed", reason: "session ended" });
      sub.close();
      this.remove(sub);
    }
  }

  closeAll(): void {
    for (const sub of this.subs) sub.close();
    this.subs.clear();
    this.perUser.clear();
  }
}
