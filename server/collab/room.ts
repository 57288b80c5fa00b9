import * as Y from "yjs";
import { Awareness, removeAwarenessStates } from "y-protocols/awareness";
import { isPlenaryError, PlenaryError } from "../../lib/errors";
import type { UpdateLog } from "../db/update-log";
import type { Conn, EditingMode } from "./types";
import { log } from "../log";

const FRAGMENT = "default";
/** Origin of vetted client updates on the shadow (tracked by the revert UndoManager). */
const VET = Symbol("vet");
/** Origin of the server's own edits (accepting amendments and suggestions, reverts). */
export const SERVER_ORIGIN = Symbol("server");

/** A rule check on a client's change: null when allowed, else why not. */
export type Policy = (before: Y.Doc, after: Y.Doc) => string | null;

export interface Vetted {
  /** What the update changed (null: nothing new). */
  effective: Uint8Array | null;
  /** The undo of `effective` when it broke the policy. */
  revert: Uint8Array | null;
  violation: string | null;
}

/** True when a root type other than the text fragment has content (hostile clients). */
function writesOutsideText(doc: Y.Doc): boolean {
  for (const [name, type] of doc.share) {
    if (name !== FRAGMENT && (type._start !== null || type._map.size > 0)) return true;
  }
  return false;
}

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
  /** Editing mode, cached from the documents table; changed through CollabServer.setMode. */
  mode: EditingMode;
  /** Built on first use (a room only read from never needs one): see `shadow`. */
  private shadowDoc: Y.Doc | null = null;
  lastSeq: number;
  private snapshotSeq: number;
  unloadTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly documentId: string,
    private readonly updateLog: UpdateLog,
    mode: EditingMode,
  ) {
    this.mode = mode;
    const loaded = updateLog.load(documentId);
    this.doc = docFromUpdates(loaded.snapshot, loaded.updates);
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
   * Vets an update on the shadow doc. Throws `bad_request` for an update Yjs refuses, one
   * that leaves pending structs, or one that writes outside the `default` fragment; the live
   * doc is untouched either way. `policy` (run with the live doc as "before" and the shadow
   * as "after") names a rule the change breaks; then the change is undone on the shadow and
   * the undo is returned as `revert`, to be stored and broadcast with it.
   */
  vet(update: Uint8Array, policy: Policy | null = null): Vetted {
    const undo = policy ? new Y.UndoManager(this.shadow.getXmlFragment(FRAGMENT), { trackedOrigins: new Set([VET]), captureTimeout: 0 }) : null;
    try {
      const effective = this.captureShadow(() => Y.applyUpdate(this.shadow, update, VET), "update refused: Yjs could not apply it");
      if (hasPending(this.shadow)) {
        this.rebuildShadow();
        // Not hostile as such: a client that types while reconnecting sends its new edit
        // before the sync step 2 that carries what the server lacks (the caller resyncs).
        throw new PlenaryError("conflict", "update depends on content the server does not have yet");
      }
      if (writesOutsideText(this.shadow)) {
        this.rebuildShadow();
        throw new PlenaryError("bad_request", "update refused: it writes outside the document text");
      }
      const violation = effective && policy ? policy(this.doc, this.shadow) : null;
      if (!effective || !violation || !undo) return { effective, revert: null, violation: null };
      const revert = this.captureShadow(() => undo.undo(), "could not revert the update");
      if (!revert || this.shadow.getXmlFragment(FRAGMENT).toString() !== this.doc.getXmlFragment(FRAGMENT).toString()) {
        this.rebuildShadow();
        throw new PlenaryError("bad_request", `update refused: ${violation}`);
      }
      return { effective, revert, violation };
    } finally {
      undo?.destroy();
    }
  }

  /** Runs a server-side edit on the shadow and returns its update (null: nothing changed). */
  serverChange(edit: (doc: Y.Doc) => void): Uint8Array | null {
    return this.captureShadow(() => this.shadow.transact(() => edit(this.shadow), SERVER_ORIGIN), "server edit failed");
  }

  /**
   * The shadow copy of the live doc, built from its state when first needed (opening a
   * room costs one replay of snapshot + log, not two) and after every rebuildShadow.
   */
  private get shadow(): Y.Doc {
    if (!this.shadowDoc) {
      this.shadowDoc = new Y.Doc();
      Y.applyUpdate(this.shadowDoc, Y.encodeStateAsUpdate(this.doc));
    }
    return this.shadowDoc;
  }

  /** Runs `fn` on the shadow and returns the merged updates it produced. */
  private captureShadow(fn: () => void, failure: string): Uint8Array | null {
    const captured: Uint8Array[] = [];
    const capture = (u: Uint8Array) => captured.push(u);
    const shadow = this.shadow;
    shadow.on("update", capture);
    try {
      fn();
    } catch (err) {
      this.rebuildShadow();
      if (isPlenaryError(err)) throw err;
      throw new PlenaryError("bad_request", failure, { cause: err });
    } finally {
      shadow.off("update", capture);
    }
    if (captured.length === 0) return null;
    return captured.length === 1 ? captured[0]! : Y.mergeUpdates(captured);
  }

  /** Applies a vetted, already stored update to the live doc (broadcast happens on its event). */
  apply(update: Uint8Array, origin: unknown, seq: number): void {
    Y.applyUpdate(this.doc, update, origin);
    this.lastSeq = seq;
  }

  /**
   * Applies several vetted, stored updates in ONE transaction: the live doc emits a single
   * update event, so the room's clients get one merged message for all of them.
   */
  applyBatch(updates: readonly Uint8Array[], origin: unknown, seq: number): void {
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update);
    }, origin);
    this.lastSeq = seq;
  }

  /** Re-syncs the shadow with the live doc after a refused or unstored update. */
  rebuildShadow(): void {
    this.shadowDoc?.destroy();
    this.shadowDoc = null;
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
      replay.getXmlFragment(FRAGMENT).toString() === fromState.getXmlFragment(FRAGMENT).toString() &&
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
    this.shadowDoc?.destroy();
    this.doc.destroy();
  }
}
