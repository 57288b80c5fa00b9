/** A change pushed to every open window of a document (server-sent events). */
export type LiveEvent =
  | { type: "annotation"; annotationId: string }
  | { type: "paragraph-status"; blockId: string; status: string }
  | { type: "mode"; mode: "chairs_pen" | "open_drafting" }
  | { type: "reverted"; userId: string; reason: string }
  | { type: "closed"; reason: string };

interface Subscriber {
  documentId: string;
  userId: string;
  sessionId: string;
  send(event: LiveEvent): void;
  close(): void;
}

/** Fan-out of negotiation changes to subscribed windows, per document. */
export class EventBus {
  private readonly subs = new Set<Subscriber>();

  subscribe(sub: Subscriber): () => void {
    this.subs.add(sub);
    return () => this.subs.delete(sub);
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
      this.subs.delete(sub);
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
      this.subs.delete(sub);
    }
  }

  closeAll(): void {
    for (const sub of this.subs) sub.close();
    this.subs.clear();
  }
}
