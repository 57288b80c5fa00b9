import * as Y from "yjs";
import type { UpdateLog } from "../db/update-log";

/** The shared type that holds the document text; nothing else may have content. */
export const FRAGMENT = "default";

export function docFromUpdates(snapshot: Uint8Array | null, updates: readonly { data: Uint8Array }[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const u of updates) Y.applyUpdate(doc, u.data);
  });
  return doc;
}

/** True when Yjs parked part of an update waiting for missing structs. */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** The text as Yjs renders it. */
export function textOf(doc: Y.Doc): string {
  return doc.getXmlFragment(FRAGMENT).toString();
}

/** A snapshot built from the log, or why none can be. */
export type BuiltSnapshot = { state: Uint8Array; stateVector: Uint8Array } | { refused: string };

/**
 * The snapshot that stands for a stored snapshot plus the log rows after it: the merged
 * state of their replay, built from the log itself (the record), and used only if it
 * loads back to the same document. Runs in the compaction worker for open rooms
 * (server/collab/compactor.ts) and in-process when a room closes.
 */
export function buildSnapshot(snapshot: Uint8Array | null, updates: readonly { data: Uint8Array }[]): BuiltSnapshot {
  const replay = docFromUpdates(snapshot, updates);
  try {
    if (hasPending(replay)) return { refused: "the log replays with pending structs" };
    const state = Y.encodeStateAsUpdate(replay);
    const stateVector = Y.encodeStateVector(replay);
    const reloaded = docFromUpdates(state, []);
    try {
      const same = Buffer.compare(stateVector, Y.encodeStateVector(reloaded)) === 0 && textOf(replay) === textOf(reloaded);
      return same ? { state, stateVector } : { refused: "the merged state does not load back to the same document" };
    } finally {
      reloaded.destroy();
    }
  } finally {
    replay.destroy();
  }
}

/**
 * The snapshot of a document's log up to `uptoSeq` (see buildSnapshot), read from
 * `updateLog`; null when the stored snapshot reaches that far already. The one way both the
 * compaction worker and a closing room build a snapshot.
 */
export function snapshotFromLog(updateLog: UpdateLog, documentId: string, uptoSeq: number): BuiltSnapshot | null {
  const loaded = updateLog.load(documentId, uptoSeq);
  return loaded.snapshotSeq >= uptoSeq ? null : buildSnapshot(loaded.snapshot, loaded.updates);
}
