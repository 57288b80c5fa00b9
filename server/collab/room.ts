import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { Awareness, removeAwarenessStates } from "y-protocols/awareness";
import { isPlenaryError, PlenaryError } from "../../lib/errors";
import type { UpdateLog } from "../db/update-log";
import type { Conn, EditingMode } from "./types";
import { log } from "../log";
import { findLostMarks, restoreMarks, type LostMark } from "./suggestion-marks";
import { schemaViolation } from "./schema-check";
import { docFromUpdates, FRAGMENT, hasPending, snapshotFromLog, textOf, type BuiltSnapshot } from "./snapshot";

/** Origin of client updates being vetted (tracked by the revert UndoManager). */
const VET = Symbol("vet");
/** Origin of the server's own edits (accepting amendments and suggestions, reverts). */
export const SERVER_ORIGIN = Symbol("server");

/**
 * A rule on a client's change: `refuse` breaks it whatever it does (a delegate under the
 * chair's pen); `compare` looks at the text before and after it (open drafting) and names
 * the rule it breaks, or returns null.
 */
export type Policy = { refuse: string } | { compare: (before: Y.Doc, after: Y.Doc) => string | null };

export interface Vetted {
  /** What the update changed (null: nothing new). */
  effective: Uint8Array | null;
  /**
   * The server's edit stored and sent right after `effective`: its undo when it broke the
   * policy (`violation` says why), or marks it stripped from a delegate's typing, restored.
   */
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

/**
 * True when the update starts some client's structs past what the doc holds (it was made
 * after edits the server lacks): checked before applying, so the common case of a client
 * typing while it reconnects costs no rebuild. Other missing dependencies are found after
 * applying (pending structs). An update Yjs cannot even parse is refused here.
 */
function aheadOf(doc: Y.Doc, update: Uint8Array): boolean {
  const single = firstStructs(update);
  if (single) return single.clock > Y.getState(doc.store, single.client);
  let from: Map<number, number>;
  try {
    from = Y.parseUpdateMeta(update).from;
  } catch (err) {
    throw new PlenaryError("bad_request", "update refused: Yjs could not read it", { cause: err });
  }
  for (const [client, clock] of from) if (clock > Y.getState(doc.store, client)) return true;
  return false;
}

/**
 * Where the structs of an update from ONE client start (a keystroke): read from the
 * update's header (Yjs v1: number of clients, then the client's struct count, id and first
 * clock) without decoding the structs. Null for anything else, which is parsed in full.
 */
function firstStructs(update: Uint8Array): { client: number; clock: number } | null {
  try {
    const decoder = decoding.createDecoder(update);
    if (decoding.readVarUint(decoder) !== 1) return null;
    decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    return { client, clock };
  } catch {
    return null;
  }
}

/**
 * One open document: its Y.Doc, presence, and the connections. The doc holds every stored
 * update plus the ones vetted this tick and waiting for the group commit (`unstored`):
 * an incoming update is vetted by applying it to the doc itself, and when Yjs refuses it,
 * parks part of it (pending structs) or it writes outside the text, the doc is rebuilt from
 * the log plus the unstored updates (Yjs can apply part of a corrupt update before
 * throwing). Nothing is broadcast before it is stored: the caller sends `effective` after
 * the commit, and flushes before it lets anyone read the doc.
 */
export class Room {
  doc: Y.Doc;
  readonly awareness: Awareness;
  readonly conns = new Set<Conn>();
  /** Editing mode, cached from the documents table; changed through CollabServer.setMode. */
  mode: EditingMode;
  /** Paragraphs closed to delegates' drafting (agreed), cached; changed through CollabServer.setAgreed. */
  agreed: Set<string> = new Set();
  /** Vetted updates applied to `doc`, not yet stored (the group commit stores them). */
  private unstored: Uint8Array[] = [];
  /**
   * A copy of the doc as it was before the update being vetted, for policies that compare
   * before and after (open drafting). Built on a first such update, then kept in step.
   */
  private beforeDoc: Y.Doc | null = null;
  lastSeq: number;
  private snapshotSeq: number;
  unloadTimer: NodeJS.Timeout | null = null;
  /**
   * The doc could not be rebuilt from the log after a refused update (the database failed
   * to read): it may hold part of that update, so it must not be served nor compacted. The
   * server closes the room's sockets and drops it; the next connection reloads it.
   */
  broken = false;
  /**
   * Who writes under each Yjs client id (see vet): those with structs in the doc, read at
   * load; any other (an editor that has only shown presence) read from the database when
   * first asked about. Every page load of a writer adds an id, so a long negotiation's
   * record is not all held in memory.
   */
  private readonly owners: Map<number, string>;
  /** The client ids the server's own edits were made under (each rebuilt doc has its own). */
  private readonly serverClients = new Set<number>();
  /** A snapshot of this room is being built by the compaction worker. */
  compacting = false;
  /** Snapshots of this room that failed in a row (each next try waits longer). */
  failedCompactions = 0;

  constructor(
    readonly documentId: string,
    private readonly updateLog: UpdateLog,
    mode: EditingMode,
  ) {
    this.mode = mode;
    const loaded = updateLog.load(documentId);
    this.doc = docFromUpdates(loaded.snapshot, loaded.updates);
    this.serverClients.add(this.doc.clientID);
    this.owners = updateLog.clientOwners(documentId, this.doc.store.clients.keys());
    if (hasPending(this.doc)) {
      log.warn("room loaded with pending structs", { documentId });
    }
    this.lastSeq = loaded.updates.at(-1)?.seq ?? loaded.snapshotSeq;
    this.snapshotSeq = loaded.snapshotSeq;
    // Presence is not part of the text: its own doc, so rebuilding `doc` leaves it alone.
    this.awareness = new Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
  }

  /** Updates logged since the cached snapshot. */
  get updatesSinceSnapshot(): number {
    return this.lastSeq - this.snapshotSeq;
  }

  /** True while vetted updates wait for the group commit (the doc is ahead of the log). */
  get hasUnstored(): boolean {
    return this.unstored.length > 0;
  }

  /**
   * The client ids an update writes structs under that `writer` does not hold yet. Throws
   * `bad_request` when one is held by someone else or is the server's: Yjs takes a struct's
   * client id on trust, and structs slipped in under another person's id, at their next
   * clock, make that person's own concurrent edits collide with them (lost, or never stored
   * while their window shows them).
   */
  private claimable(update: Uint8Array, writer: string): number[] {
    const single = firstStructs(update);
    let meta: { to: Map<number, number> } | null = null;
    const readMeta = () => {
      try {
        return (meta ??= Y.parseUpdateMeta(update));
      } catch (err) {
        throw new PlenaryError("bad_request", "update refused: Yjs could not read it", { cause: err });
      }
    };
    const fresh: number[] = [];
    for (const client of single ? [single.client] : readMeta().to.keys()) {
      // Structs the server holds already (a sync step relays what others wrote) are not writes.
      const state = Y.getState(this.doc.store, client);
      if (!(single && single.clock >= state) && (readMeta().to.get(client) ?? 0) <= state) continue;
      if (this.heldByOther(client, writer)) {
        throw new PlenaryError("bad_request", "update refused: it writes under another participant's editor (Yjs client id)");
      }
      // Only an update of ONE client's new structs (a keystroke, a reconnecting editor's own
      // edits) claims its id: a sync step may carry other people's edits the server lost (a
      // backup restored), which are checked but not claimed.
      if (single && this.ownerOf(client) === undefined) fresh.push(client);
    }
    return fresh;
  }

  /** True when `client` is held by someone other than `writer`, or by the server's own edits. */
  heldByOther(client: number, writer: string): boolean {
    const owner = this.ownerOf(client);
    return this.serverClients.has(client) || (owner !== undefined && owner !== writer);
  }

  /**
   * Records `writer` as the one who writes under `client`, unless someone (or the server)
   * already does: from their first stored structs, or from their editor's presence (its
   * awareness id is its Yjs client id), so a new participant's id is theirs before they type.
   */
  claim(client: number, writer: string): void {
    if (this.serverClients.has(client) || this.ownerOf(client) !== undefined) return;
    // The record protects the id; it is not part of the text. If it cannot be written (a full
    // disk, a locked database), the edit goes on unclaimed and the next one tries again.
    try {
      this.updateLog.claimClient(this.documentId, client, writer);
    } catch (err) {
      log.warn("could not record whose editor a client id is", { documentId: this.documentId, client, err });
      return;
    }
    this.owners.set(client, writer);
  }

  /** True when `client` is recorded as `writer`'s editor. */
  heldBy(client: number, writer: string): boolean {
    return this.ownerOf(client) === writer;
  }

  /** Who writes under `client`, if anyone is recorded (a database read the first time for an id without structs here). */
  private ownerOf(client: number): string | undefined {
    let owner = this.owners.get(client);
    if (owner === undefined) {
      owner = this.updateLog.clientOwner(this.documentId, client);
      if (owner !== undefined) this.owners.set(client, owner);
    }
    return owner;
  }

  /**
   * Vets an update by applying it to the doc. Throws `conflict` for an update that depends
   * on structs the server lacks, `bad_request` for one Yjs refuses or one that writes
   * outside the `default` fragment; the doc is as before either way. `policy` names a rule
   * the change breaks; then the change is undone and the undo returned as `revert`, to be
   * stored and broadcast with it.
   */
  vet(update: Uint8Array, policy: Policy | null = null, writer: string | null = null, relay = false): Vetted {
    // A relay (a sync step in the day after a restore: see CollabOptions.acceptsRelays) may
    // carry anyone's edits the backup lacked: neither checked nor claimed.
    const clients = writer === null || relay ? [] : this.claimable(update, writer);
    if (aheadOf(this.doc, update)) {
      // Not hostile as such: a client that types while reconnecting sends its new edit
      // before the sync step 2 that carries what the server lacks (the caller resyncs).
      throw new PlenaryError("conflict", "update depends on content the server does not have yet");
    }
    const before = policy && "compare" in policy ? this.before : null;
    // The text before the update, to check a revert: read now only when no before-copy keeps it
    // (in open drafting that copy is the text before, so it is read only if a revert happens).
    const beforeText = policy && !before ? textOf(this.doc) : null;
    const undo = policy ? new Y.UndoManager(this.doc.getXmlFragment(FRAGMENT), { trackedOrigins: new Set([VET]), captureTimeout: 0 }) : null;
    // The chair's edits are not checked, but may strip a delegate's concurrent typing of its
    // tracked-change mark (see findLostMarks): found while Yjs still holds the deleted markers.
    const lost: LostMark[] = [];
    const doc = this.doc;
    const watch = policy
      ? null
      : (tr: Y.Transaction) => {
          if (tr.origin === VET) lost.push(...findLostMarks(tr));
        };
    if (watch) doc.on("afterTransaction", watch);
    // What the update adds that no editor can show (see schemaViolation), from anyone.
    let unfit: string | null = null;
    const fit = (tr: Y.Transaction) => {
      if (tr.origin === VET) unfit ??= schemaViolation(tr);
    };
    doc.on("afterTransaction", fit);
    try {
      const effective = this.capture(() => Y.applyUpdate(this.doc, update, VET), "update refused: Yjs could not apply it");
      if (hasPending(this.doc)) {
        this.restore();
        throw new PlenaryError("conflict", "update depends on content the server does not have yet");
      }
      if (writesOutsideText(this.doc)) {
        this.restore();
        throw new PlenaryError("bad_request", "update refused: it writes outside the document text");
      }
      if (unfit) {
        this.restore();
        throw new PlenaryError("bad_request", `update refused: it adds ${unfit}`);
      }
      // The writer's editor is theirs from now on (recorded once per client id).
      if (effective && writer !== null) for (const client of clients) this.claim(client, writer);
      const violation = effective && policy ? ("refuse" in policy ? policy.refuse : policy.compare(before!, this.doc)) : null;
      if (effective && lost.length) {
        // Marked again as the delegation's, stored and sent with the chair's edit.
        const repair = this.capture(() => this.doc.transact(() => restoreMarks(lost), SERVER_ORIGIN), "could not mark a tracked change again");
        this.keep(repair ? [effective, repair] : [effective]);
        return { effective, revert: repair, violation: null };
      }
      if (!effective || !violation || !undo) {
        if (effective) this.keep([effective]);
        return { effective, revert: null, violation: null };
      }
      const revert = this.capture(() => undo.undo(), "could not revert the update");
      if (!revert || textOf(this.doc) !== (beforeText ?? textOf(before!))) {
        this.restore();
        throw new PlenaryError("bad_request", `update refused: ${violation}`);
      }
      this.keep([effective, revert]);
      return { effective, revert, violation };
    } finally {
      if (watch) doc.off("afterTransaction", watch);
      doc.off("afterTransaction", fit);
      undo?.destroy();
    }
  }

  /** Runs a server-side edit on the doc and returns its update (null: nothing changed); stored by the caller. */
  serverChange(edit: (doc: Y.Doc) => void): Uint8Array | null {
    const effective = this.capture(() => this.doc.transact(() => edit(this.doc), SERVER_ORIGIN), "server edit failed");
    if (effective) this.keep([effective]);
    return effective;
  }

  /** The unstored updates were stored, the last of them as `seq`. */
  stored(seq: number): void {
    this.unstored = [];
    this.lastSeq = seq;
  }

  /**
   * The unstored updates could not be stored: the doc goes back to what the log holds. When
   * even that fails the room is marked `broken` (the caller drops it) instead of throwing.
   */
  rollBack(): void {
    this.unstored = [];
    try {
      this.restore();
    } catch {
      // restore() marked the room broken.
    }
  }

  /** Applies vetted updates to the before-copy too (it must equal the doc between updates). */
  private keep(updates: Uint8Array[]): void {
    this.unstored.push(...updates);
    if (this.beforeDoc) for (const u of updates) Y.applyUpdate(this.beforeDoc, u);
  }

  private get before(): Y.Doc {
    if (!this.beforeDoc) {
      this.beforeDoc = new Y.Doc();
      Y.applyUpdate(this.beforeDoc, Y.encodeStateAsUpdate(this.doc));
    }
    return this.beforeDoc;
  }

  /** Rebuilds the doc from the log plus the unstored updates (after a refused update). */
  private restore(): void {
    let doc: Y.Doc;
    try {
      const loaded = this.updateLog.load(this.documentId);
      doc = docFromUpdates(loaded.snapshot, [...loaded.updates, ...this.unstored.map((data) => ({ data }))]);
    } catch (err) {
      this.broken = true;
      throw new PlenaryError("internal", "could not reload the document", { cause: err });
    }
    this.doc.destroy();
    this.doc = doc;
    this.serverClients.add(doc.clientID);
    this.beforeDoc?.destroy();
    this.beforeDoc = null;
  }

  /** Runs `fn` on the doc and returns the merged updates it produced. */
  private capture(fn: () => void, failure: string): Uint8Array | null {
    const captured: Uint8Array[] = [];
    const capture = (u: Uint8Array) => captured.push(u);
    const doc = this.doc;
    doc.on("update", capture);
    try {
      fn();
    } catch (err) {
      this.restore();
      if (isPlenaryError(err)) throw err;
      throw new PlenaryError("bad_request", failure, { cause: err });
    } finally {
      doc.off("update", capture);
    }
    if (captured.length === 0) return null;
    return captured.length === 1 ? captured[0]! : Y.mergeUpdates(captured);
  }

  /**
   * True when a snapshot can be taken now: the log has rows past the snapshot and the doc
   * equals the log (nothing waits for the group commit).
   */
  get compactable(): boolean {
    return this.lastSeq > this.snapshotSeq && !this.hasUnstored && !this.broken;
  }

  /** Refreshes the snapshot cache in-process (a room closing); see snapshotFromLog. */
  compact(): boolean {
    if (!this.compactable) return false;
    const uptoSeq = this.lastSeq;
    return this.acceptSnapshot(uptoSeq, snapshotFromLog(this.updateLog, this.documentId, uptoSeq), Y.encodeStateVector(this.doc));
  }

  /**
   * Stores a snapshot built from the log up to `uptoSeq` (in-process or by the compaction
   * worker) if it holds what the open doc held at `uptoSeq` (`stateVector`, taken then);
   * otherwise keeps the old one and says why in the log. `built` null: a snapshot reaching
   * `uptoSeq` is stored already, nothing to do. Throws when the database fails.
   */
  acceptSnapshot(uptoSeq: number, built: BuiltSnapshot | null, stateVector: Uint8Array): boolean {
    if (built === null) {
      this.snapshotSeq = Math.max(this.snapshotSeq, uptoSeq);
      return true;
    }
    if ("refused" in built || Buffer.compare(built.stateVector, stateVector) !== 0) {
      const reason = "refused" in built ? built.refused : "the log differs from the open document";
      log.error("snapshot not taken; the log still holds every update", { documentId: this.documentId, uptoSeq, reason });
      return false;
    }
    this.updateLog.putSnapshot(this.documentId, built.state, uptoSeq);
    this.snapshotSeq = Math.max(this.snapshotSeq, uptoSeq);
    return true;
  }

  /** Removes a closed connection's presence. */
  dropConn(conn: Conn): void {
    this.conns.delete(conn);
    const ids = [...conn.awarenessIds].filter((id) => this.awareness.getStates().has(id));
    if (ids.length) removeAwarenessStates(this.awareness, ids, "server");
  }

  destroy(): void {
    this.awareness.destroy();
    this.beforeDoc?.destroy();
    this.doc.destroy();
  }
}
