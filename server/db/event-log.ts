import { createHash } from "node:crypto";
import { wellFormed } from "../../lib/validation/text";
import type Database from "better-sqlite3";
import { GENESIS_HASH } from "./update-log";

export interface NewEvent {
  documentId: string;
  action: string;
  annotationId?: string | null;
  blockId?: string | null;
  userId: string | null;
  delegationId: string | null;
  reason?: string | null;
  payload?: unknown;
}

export interface StoredEvent {
  id: number;
  documentId: string;
  seq: number;
  action: string;
  annotationId: string | null;
  blockId: string | null;
  userId: string | null;
  delegationId: string | null;
  reason: string | null;
  payload: string;
  createdAt: number;
  prevHash: string;
  hash: string;
}

/** Hash of an event row, chained to the previous row of its document. */
export function eventHash(prevHash: string, e: Omit<StoredEvent, "id" | "prevHash" | "hash">): string {
  const fields = [e.documentId, e.seq, e.action, e.annotationId, e.blockId, e.userId, e.delegationId, e.reason, e.payload, e.createdAt];
  return createHash("sha256").update(prevHash).update("\n").update(JSON.stringify(fields)).digest("hex");
}

interface RawEvent {
  id: number;
  document_id: string;
  seq: number;
  action: string;
  annotation_id: string | null;
  block_id: string | null;
  user_id: string | null;
  delegation_id: string | null;
  reason: string | null;
  payload: string;
  created_at: number;
  prev_hash: string;
  hash: string;
}

export function toStoredEvent(r: RawEvent): StoredEvent {
  return {
    id: r.id,
    documentId: r.document_id,
    seq: r.seq,
    action: r.action,
    annotationId: r.annotation_id,
    blockId: r.block_id,
    userId: r.user_id,
    delegationId: r.delegation_id,
    reason: r.reason,
    payload: r.payload,
    createdAt: r.created_at,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Append-only, hash-chained record of negotiation acts (the annotation history). */
export class EventLog {
  private readonly head;
  private readonly insert;
  private readonly byAnnotation;
  private readonly byDocument;
  private readonly suggestionDecisions;
  private readonly allOfDocument;
  private readonly versionSaved;

  constructor(private readonly sqlite: Database.Database) {
    this.head = sqlite.prepare<[string], { seq: number; hash: string }>(
      "SELECT seq, hash FROM negotiation_events WHERE document_id = ? ORDER BY seq DESC LIMIT 1",
    );
    this.insert = sqlite.prepare(
      `INSERT INTO negotiation_events (document_id, seq, action, annotation_id, block_id, user_id, delegation_id, reason, payload, created_at, prev_hash, hash)
       VALUES (@documentId, @seq, @action, @annotationId, @blockId, @userId, @delegationId, @reason, @payload, @createdAt, @prevHash, @hash)`,
    );
    this.byAnnotation = sqlite.prepare<[string], RawEvent>("SELECT * FROM negotiation_events WHERE annotation_id = ? ORDER BY seq");
    this.allOfDocument = sqlite.prepare<[string], RawEvent>("SELECT * FROM negotiation_events WHERE document_id = ? ORDER BY seq");
    this.versionSaved = sqlite.prepare<[string, string], { seq: number }>(
      "SELECT seq FROM negotiation_events WHERE document_id = ? AND action = 'version_saved' AND json_extract(payload, '$.versionId') = ?",
    );
    this.byDocument = sqlite.prepare<[string, number], RawEvent>(
      "SELECT * FROM negotiation_events WHERE document_id = ? ORDER BY seq DESC LIMIT ?",
    );
    this.suggestionDecisions = sqlite.prepare<[string, string, number], RawEvent>(
      `SELECT * FROM negotiation_events e WHERE document_id = ? AND action IN ('suggestion_accepted', 'suggestion_rejected')
         AND EXISTS (SELECT 1 FROM json_each(e.payload, '$.suggestions') WHERE json_extract(value, '$.delegation') = ?)
       ORDER BY seq DESC LIMIT ?`,
    );
  }

  /** Appends one event (call inside the transaction that makes the change it records). */
  append(e: NewEvent): StoredEvent {
    const head = this.head.get(e.documentId) ?? { seq: 0, hash: GENESIS_HASH };
    const row = {
      documentId: e.documentId,
      seq: head.seq + 1,
      action: e.action,
      annotationId: e.annotationId ?? null,
      blockId: e.blockId ?? null,
      userId: e.userId,
      delegationId: e.delegationId,
      // As SQLite will store them: a lone surrogate would be stored as U+FFFD and no longer match the hash.
      reason: e.reason == null ? null : wellFormed(e.reason),
      payload: wellFormed(JSON.stringify(e.payload ?? {})),
      createdAt: Date.now(),
    };
    const hash = eventHash(head.hash, row);
    const info = this.insert.run({ ...row, prevHash: head.hash, hash });
    return { ...row, id: Number(info.lastInsertRowid), prevHash: head.hash, hash };
  }

  forAnnotation(annotationId: string): StoredEvent[] {
    return this.byAnnotation.all(annotationId).map(toStoredEvent);
  }

  /** Every event of a document, oldest first. */
  forDocument(documentId: string): StoredEvent[] {
    return this.allOfDocument.all(documentId).map(toStoredEvent);
  }

  /** The seq of the event that recorded a version's save: the events before it are the history the version saw. */
  versionSavedAt(documentId: string, versionId: string): number | null {
    return this.versionSaved.get(documentId, versionId)?.seq ?? null;
  }

  /** The seq of a document's newest event (0 for none). */
  newestSeq(documentId: string): number {
    return this.head.get(documentId)?.seq ?? 0;
  }

  /** The chair's newest decisions on tracked changes of one delegation (its code), newest first. */
  recentSuggestionDecisions(documentId: string, code: string, limit: number): StoredEvent[] {
    return this.suggestionDecisions.all(documentId, code, limit).map(toStoredEvent);
  }

  recent(documentId: string, limit = 200): StoredEvent[] {
    return this.byDocument.all(documentId, limit).map(toStoredEvent);
  }
}
