import { createHash } from "node:crypto";
import path from "node:path";
import type Database from "better-sqlite3";

/** prev_hash of a document's first row. */
export const GENESIS_HASH = "0".repeat(64);

export interface LogEntry {
  documentId: string;
  userId: string | null;
  delegationId: string | null;
  data: Uint8Array;
}

export interface StoredUpdate {
  id: number;
  documentId: string;
  seq: number;
  userId: string | null;
  delegationId: string | null;
  createdAt: number;
  data: Buffer;
  prevHash: string;
  hash: string;
}

/**
 * The hash of a log row: SHA-256 over the previous row's hash, the row's metadata and its
 * update bytes, so altering, removing or reordering any row breaks the chain after it.
 */
export function rowHash(prevHash: string, row: Omit<StoredUpdate, "id" | "prevHash" | "hash">): string {
  const meta = JSON.stringify([row.documentId, row.seq, row.userId, row.delegationId, row.createdAt]);
  return createHash("sha256").update(prevHash).update("\n").update(meta).update("\n").update(row.data).digest("hex");
}

interface Head {
  seq: number;
  hash: string;
}

/**
 * Append-only, hash-chained log of applied Yjs updates plus the snapshot cache. Uses
 * prepared statements directly: this is the hot path of every keystroke.
 */
export class UpdateLog {
  private readonly headStmt;
  private readonly insertStmt;
  private readonly snapshotGet;
  private readonly snapshotPut;
  private readonly updatesBetween;
  private readonly appendTx;

  constructor(private readonly sqlite: Database.Database) {
    this.headStmt = sqlite.prepare<[string], Head>(
      "SELECT seq, hash FROM doc_updates WHERE document_id = ? ORDER BY seq DESC LIMIT 1",
    );
    this.insertStmt = sqlite.prepare(
      `INSERT INTO doc_updates (document_id, seq, user_id, delegation_id, created_at, data, prev_hash, hash)
       VALUES (@documentId, @seq, @userId, @delegationId, @createdAt, @data, @prevHash, @hash)`,
    );
    this.snapshotGet = sqlite.prepare<[string], { state: Buffer; upto_seq: number }>(
      "SELECT state, upto_seq FROM doc_snapshots WHERE document_id = ?",
    );
    this.snapshotPut = sqlite.prepare(
      `INSERT INTO doc_snapshots (document_id, state, upto_seq, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(document_id) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq, updated_at = excluded.updated_at
       WHERE excluded.upto_seq > doc_snapshots.upto_seq`,
    );
    this.updatesBetween = sqlite.prepare<[string, number, number], { seq: number; data: Buffer }>(
      "SELECT seq, data FROM doc_updates WHERE document_id = ? AND seq > ? AND seq <= ? ORDER BY seq",
    );
    this.appendTx = sqlite.transaction((entries: readonly LogEntry[]): number[] => {
      const heads = new Map<string, Head>();
      const seqs: number[] = [];
      const createdAt = Date.now();
      for (const entry of entries) {
        const head = heads.get(entry.documentId) ??
          this.headStmt.get(entry.documentId) ?? { seq: 0, hash: GENESIS_HASH };
        const row = {
          documentId: entry.documentId,
          seq: head.seq + 1,
          userId: entry.userId,
          delegationId: entry.delegationId,
          createdAt,
          data: Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength),
        };
        const hash = rowHash(head.hash, row);
        this.insertStmt.run({ ...row, prevHash: head.hash, hash });
        heads.set(entry.documentId, { seq: row.seq, hash });
        seqs.push(row.seq);
      }
      return seqs;
    });
  }

  /** Appends entries in ONE transaction (group commit); returns their sequence numbers. */
  append(entries: readonly LogEntry[]): number[] {
    if (entries.length === 0) return [];
    return this.appendTx.immediate(entries);
  }

  /** The cached snapshot and every update logged after it (up to `uptoSeq`, when given). */
  load(documentId: string, uptoSeq = Number.MAX_SAFE_INTEGER): { snapshot: Uint8Array | null; snapshotSeq: number; updates: { seq: number; data: Uint8Array }[] } {
    const snap = this.snapshotGet.get(documentId);
    const snapshotSeq = snap?.upto_seq ?? 0;
    const updates = this.updatesBetween.all(documentId, snapshotSeq, uptoSeq);
    return { snapshot: snap ? new Uint8Array(snap.state) : null, snapshotSeq, updates };
  }

  /** Every logged update of a document, in order (replay, audit). */
  allUpdates(documentId: string): { seq: number; data: Uint8Array }[] {
    return this.updatesBetween.all(documentId, 0, Number.MAX_SAFE_INTEGER);
  }

  lastSeq(documentId: string): number {
    return this.headStmt.get(documentId)?.seq ?? 0;
  }

  /** The database file (null for an in-memory database). */
  get file(): string | null {
    return this.sqlite.memory ? null : path.resolve(this.sqlite.name);
  }

  /**
   * Replaces the snapshot cache (caller has checked `state` equals a replay), unless the
   * stored one already reaches `uptoSeq` or further (two snapshots built concurrently).
   */
  putSnapshot(documentId: string, state: Uint8Array, uptoSeq: number): void {
    this.snapshotPut.run(documentId, Buffer.from(state), uptoSeq, Date.now());
  }
}
