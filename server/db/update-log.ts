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
  return createHash("sha256").update(`${prevHash}\n${meta}\n`).update(row.data).digest("hex");
}

interface Head {
  seq: number;
  hash: string;
}

/**
 * Append-only, hash-chained log of applied Yjs updates plus the snapshot cache. Uses
 * prepared statements directly: this is the hot path of every keystroke.
 *
 * The head of each document's chain (its last seq and hash) is kept in memory once read,
 * so a keystroke costs one INSERT, not a lookup as well. The log's unique (document, seq)
 * index keeps that safe: if anything else appended to a document meanwhile, the INSERT
 * fails on the seq, nothing is stored, and the head is read again on the next append.
 */
export class UpdateLog {
  private readonly headStmt;
  private readonly insertStmt;
  private readonly snapshotGet;
  private readonly snapshotPut;
  private readonly updatesBetween;
  private readonly appendTx;
  private readonly ownersStmt;
  private readonly ownerStmt;
  private readonly claimStmt;
  /** Each document's last stored row, as committed (filled on first append). */
  private readonly heads = new Map<string, Head>();

  constructor(private readonly sqlite: Database.Database) {
    this.headStmt = sqlite.prepare<[string], Head>(
      "SELECT seq, hash FROM doc_updates WHERE document_id = ? ORDER BY seq DESC LIMIT 1",
    );
    this.insertStmt = sqlite.prepare<[string, number, string | null, string | null, number, Buffer, string, string]>(
      `INSERT INTO doc_updates (document_id, seq, user_id, delegation_id, created_at, data, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
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
    this.ownersStmt = sqlite.prepare<[string, string], { client_id: number; user_id: string }>(
      "SELECT client_id, user_id FROM doc_clients WHERE document_id = ? AND client_id IN (SELECT value FROM json_each(?))",
    );
    this.ownerStmt = sqlite.prepare<[string, number], { user_id: string }>("SELECT user_id FROM doc_clients WHERE document_id = ? AND client_id = ?");
    this.claimStmt = sqlite.prepare<[string, number, string, number]>(
      "INSERT INTO doc_clients (document_id, client_id, user_id, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
    );
    this.appendTx = sqlite.transaction((entries: readonly LogEntry[], heads: Map<string, Head>): number[] => {
      const createdAt = Date.now();
      return entries.map((entry) => this.insert(entry, heads, createdAt));
    });
  }

  /**
   * Appends entries in ONE transaction (group commit); returns their sequence numbers. One
   * entry (a keystroke alone in its tick) is one INSERT, its own transaction.
   */
  append(entries: readonly LogEntry[]): number[] {
    if (entries.length === 0) return [];
    // The heads move only once the rows are committed.
    const heads = new Map<string, Head>();
    try {
      const seqs = entries.length === 1 ? [this.insert(entries[0]!, heads, Date.now())] : this.appendTx.immediate(entries, heads);
      for (const [documentId, head] of heads) this.heads.set(documentId, head);
      return seqs;
    } catch (err) {
      for (const entry of entries) this.heads.delete(entry.documentId);
      throw err;
    }
  }

  /** Inserts one row after `heads`' (or the committed) head of its document; `heads` moves on. */
  private insert(entry: LogEntry, heads: Map<string, Head>, createdAt: number): number {
    const { documentId, userId, delegationId } = entry;
    const head = heads.get(documentId) ?? this.headOf(documentId);
    const seq = head.seq + 1;
    const data = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    const hash = rowHash(head.hash, { documentId, seq, userId, delegationId, createdAt, data });
    this.insertStmt.run(documentId, seq, userId, delegationId, createdAt, data, head.hash, hash);
    heads.set(documentId, { seq, hash });
    return seq;
  }

  private headOf(documentId: string): Head {
    let head = this.heads.get(documentId);
    if (!head) {
      head = this.headStmt.get(documentId) ?? { seq: 0, hash: GENESIS_HASH };
      this.heads.set(documentId, head);
    }
    return head;
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

  /** Who writes under each of `clientIds` in a document, for those recorded. */
  clientOwners(documentId: string, clientIds: Iterable<number>): Map<number, string> {
    return new Map(this.ownersStmt.all(documentId, JSON.stringify([...clientIds])).map((r) => [r.client_id, r.user_id]));
  }

  /** Who writes under `clientId` in a document, if recorded. */
  clientOwner(documentId: string, clientId: number): string | undefined {
    return this.ownerStmt.get(documentId, clientId)?.user_id;
  }

  /** Records `userId` as the writer under `clientId` (the first claim stands). */
  claimClient(documentId: string, clientId: number, userId: string): void {
    this.claimStmt.run(documentId, clientId, userId, Date.now());
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
