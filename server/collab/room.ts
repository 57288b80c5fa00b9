import * as Y from "yjs";
import { Awareness, removeAwarenessStates } from "y-protocols/awareness";
import { PlenaryError } from "../../lib/errors";
import type { UpdateLog } from "../db/update-log";
import type { Conn } from "./types";
import { log } from "../log";

/** True when Yjs parked part of an update waiting for missing structs. */
function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

function docFromUpdates(snapshot: Uint8Array | null, updates: readonly { data: Uint8Array }[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const u of updates) Y.applyUpdate(doc, u.data);
  });
  return doc;
}

/**
 * One open document: the live Y.Doc, a shadow copy that vets every incoming update first
 * (Yjs can apply part of a corrupt update before throwing), presence, and the connections.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly conns = new Set<Conn>();
  private shadow: Y.Doc;
  lastSeq: number;
  private snapshotSeq: number;
  unloadTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly documentId: string,
    private readonly updateLog: UpdateLog,
  ) {
    const loaded = updateLog.load(documentId);
    this.doc = docFromUpdates(loaded.snapshot, loaded.updates);
    this.shadow = docFromUpdates(loaded.snapshot, loaded.updates);
    if (hasPending(this.doc)) {
      log.warn("room loaded with pending structs", { documentId });
    }
    this.lastSeq = loaded.updates.at(-1)?.seq ?? loaded.snapshotSeq;
    this.snapshotSeq = loaded.snapshotSeq;
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
  }

  /** Updates logged since the cached snapshot. */
  get updatesSinceSnapshot(): number {
    return this.lastSeq - this.snapshotSeq;
  }

  /**
   * Vets an update on the shadow doc and returns the part that is new to the document
   * (null when it changes nothing). Throws `bad_request` for an update Yjs refuses or one
   * that leaves pending structs; the live doc is untouched either way.
   */
  vet(update: Uint8Array): Uint8Array | null {
    let effective: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      effective = effective ? Y.mergeUpdates([effective, u]) : u;
    };
    this.shadow.on("update", capture);
    try {
      Y.applyUpdate(this.shadow, update);
    } catch (err) {
      this.rebuildShadow();
      throw new PlenaryError("bad_request", "update refused: Yjs could not apply it", { cause: err });
    } finally {
      this.shadow.off("update", capture);
    }
    if (hasPending(this.shadow)) {
      this.rebuildShadow();
      throw new PlenaryError("bad_request", "update refused: it depends on content the document does not have");
    }
    return effective;
  }

  /** Applies a vetted, already stored update to the live doc (broadcast happens on its event). */
  apply(update: Uint8Array, origin: unknown, seq: number): void {
    Y.applyUpdate(this.doc, update, origin);
    this.lastSeq = seq;
  }

  /** Re-syncs the shadow with the live doc after a refused or unstored update. */
  rebuildShadow(): void {
    this.shadow.destroy();
    this.shadow = new Y.Doc();
    Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc));
  }

  /**
   * Refreshes the snapshot cache if it is behind: the merged state replaces the old snapshot
   * only after a replay of snapshot + log gives the same document.
   */
  compact(): boolean {
    if (this.lastSeq === this.snapshotSeq) return false;
    const state = Y.encodeStateAsUpdate(this.doc);
    const replay = docFromUpdates(...this.replayInputs());
    const fromState = docFromUpdates(state, []);
    const same =
      Buffer.compare(Y.encodeStateVector(replay), Y.encodeStateVector(fromState)) === 0 &&
      replay.getXmlFragment("default").toString() === fromState.getXmlFragment("default").toString() &&
      !hasPending(replay);
    replay.destroy();
    fromState.destroy();
    if (!same) {
      log.error("snapshot differs from replay; keeping the old snapshot", { documentId: this.documentId });
      return false;
    }
    this.updateLog.putSnapshot(this.documentId, state, this.lastSeq);
    this.snapshotSeq = this.lastSeq;
    return true;
  }

  private replayInputs(): [Uint8Array | null, { data: Uint8Array }[]] {
    const loaded = this.updateLog.load(this.documentId);
    const upto = loaded.updates.filter((u) => u.seq <= this.lastSeq);
    return [loaded.snapshot, upto];
  }

  /** Removes a closed connection's presence. */
  dropConn(conn: Conn): void {
    this.conns.delete(conn);
    const ids = [...conn.awarenessIds].filter((id) => this.awareness.getStates().has(id));
    if (ids.length) removeAwarenessStates(this.awareness, ids, "server");
  }

  destroy(): void {
    this.awareness.destroy();
    this.shadow.destroy();
    this.doc.destroy();
  }
}
