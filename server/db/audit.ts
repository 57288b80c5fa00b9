import type Database from "better-sqlite3";
import { eventHash, toStoredEvent } from "./event-log";
import { GENESIS_HASH, rowHash, type StoredUpdate } from "./update-log";

export interface ChainProblem {
  /** Which record: the update log or the negotiation events. */
  table: "doc_updates" | "negotiation_events";
  documentId: string;
  /** doc_updates.id of the first row where the chain breaks. */
  rowId: number;
  seq: number;
  reason: "altered" | "removed" | "reordered";
  detail: string;
}

export interface AuditReport {
  documents: number;
  rows: number;
  problems: ChainProblem[];
}

interface RawRow {
  id: number;
  document_id: string;
  seq: number;
  user_id: string | null;
  delegation_id: string | null;
  created_at: number;
  data: Buffer;
  prev_hash: string;
  hash: string;
}

function toStored(r: RawRow): StoredUpdate {
  return {
    id: r.id,
    documentId: r.document_id,
    seq: r.seq,
    userId: r.user_id,
    delegationId: r.delegation_id,
    createdAt: r.created_at,
    data: r.data,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

interface ChainRow {
  id: number;
  documentId: string;
  seq: number;
  prevHash: string;
  hash: string;
}

type Problem = Omit<ChainProblem, "table">;

/** Checks one document's rows, in insertion order; returns the first break or null. */
function verifyDocument<R extends ChainRow>(rows: R[], hashOf: (prev: string, row: R) => string, snapshotSeq?: number): Problem | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  const present = new Set(rows.map((r) => r.seq));
  for (const row of rows) {
    const base = { documentId: row.documentId, rowId: row.id, seq: row.seq };
    if (row.seq < expectedSeq) {
      return { ...base, reason: "reordered", detail: `seq ${row.seq} stored after seq ${expectedSeq - 1}` };
    }
    if (row.seq > expectedSeq) {
      // The expected row exists later in insertion order: rows were swapped, not removed.
      return present.has(expectedSeq)
        ? { ...base, reason: "reordered", detail: `seq ${row.seq} stored before seq ${expectedSeq}` }
        : { ...base, reason: "removed", detail: `seq ${expectedSeq}..${row.seq - 1} missing before this row` };
    }
    if (row.prevHash !== prev) {
      return { ...base, reason: "reordered", detail: "prev_hash does not match the previous row's hash" };
    }
    const recomputed = hashOf(prev, row);
    if (recomputed !== row.hash) {
      return { ...base, reason: "altered", detail: "stored hash does not match the row's content" };
    }
    prev = row.hash;
    expectedSeq += 1;
  }
  const last = rows.at(-1);
  if (snapshotSeq !== undefined && snapshotSeq > expectedSeq - 1) {
    return {
      documentId: last?.documentId ?? "",
      rowId: last?.id ?? 0,
      seq: expectedSeq,
      reason: "removed",
      detail: `snapshot covers seq ${snapshotSeq} but the log ends at ${expectedSeq - 1}`,
    };
  }
  return null;
}

/**
 * Recomputes every document's hash chain and names the first altered, removed or
 * reordered row of each broken chain.
 */
export function verifyAuditChains(sqlite: Database.Database): AuditReport {
  const docIds = sqlite
    .prepare<[], { document_id: string }>(
      "SELECT document_id FROM doc_updates UNION SELECT document_id FROM doc_snapshots",
    )
    .all()
    .map((r) => r.document_id);
  const rowsStmt = sqlite.prepare<[string], RawRow>("SELECT * FROM doc_updates WHERE document_id = ? ORDER BY id");
  const snapStmt = sqlite.prepare<[string], { upto_seq: number }>(
    "SELECT upto_seq FROM doc_snapshots WHERE document_id = ?",
  );
  const problems: ChainProblem[] = [];
  let rows = 0;
  for (const documentId of docIds) {
    const docRows = rowsStmt.all(documentId).map(toStored);
    rows += docRows.length;
    const problem = verifyDocument(docRows, rowHash, snapStmt.get(documentId)?.upto_seq);
    if (problem) problems.push({ ...problem, documentId, table: "doc_updates" });
  }
  const eventDocs = sqlite
    .prepare<[], { document_id: string }>("SELECT DISTINCT document_id FROM negotiation_events")
    .all()
    .map((r) => r.document_id);
  const eventsStmt = sqlite.prepare<[string], Parameters<typeof toStoredEvent>[0]>(
    "SELECT * FROM negotiation_events WHERE document_id = ? ORDER BY id",
  );
  for (const documentId of eventDocs) {
    const events = eventsStmt.all(documentId).map(toStoredEvent);
    rows += events.length;
    const problem = verifyDocument(events, eventHash);
    if (problem) problems.push({ ...problem, documentId, table: "negotiation_events" });
  }
  return { documents: new Set([...docIds, ...eventDocs]).size, rows, problems };
}
