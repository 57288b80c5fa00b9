import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { applyAwarenessUpdate } from "y-protocols/awareness";
import { CloseCode } from "../../lib/protocol/close-codes";
import { isPlenaryError, PlenaryError } from "../../lib/errors";
import type { LogEntry, UpdateLog } from "../db/update-log";
import { log } from "../log";
import { sanitizeAwareness } from "./awareness";
import { decodeMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from "./protocol";
import { Room } from "./room";
import * as Y from "yjs";
import type { Conn, EditingMode, Identity } from "./types";
import { policyFor } from "./policy";
import { checkOrigin, parseCollabPath, refuseUpgrade } from "./upgrade";
import { CollabLimits, remoteAddress, type CollabLimitOptions, type Lease } from "./limits";
import type { TrustedProxies } from "../client-address";
import { Compactor } from "./compactor";

/**
 * Updates ahead of their dependencies one connection may send (each is dropped and answered
 * with a sync step 1; one found only after applying costs a rebuild of the doc from the log):
 * a reconnecting client sends a few; past this the connection is closed 4400.
 */
export const MAX_RESYNCS_PER_CONNECTION = 50;
const DEFAULT_PING_INTERVAL_MS = 30_000;
const DEFAULT_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export interface CollabOptions {
  updateLog: UpdateLog;
  /** Who is behind this request (session cookie), or null. */
  authenticate(req: IncomingMessage): Promise<{ userId: string; sessionId: string } | null>;
  /** The caller's identity on a document, or null when they hold no role on it. */
  identify(documentId: string, userId: string, sessionId: string): Identity | null;
  /** Of these session ids, the ones still valid (signed-out sessions close their sockets). */
  liveSessions(sessionIds: string[]): Set<string>;
  /** The document's editing mode when its room loads. */
  editingMode(documentId: string): EditingMode;
  /**
   * Ids of the paragraphs the chair marked agreed (or agreed ad referendum) when the room
   * loads: closed to delegates' drafting. Changed through CollabServer.setAgreed. Default: none.
   */
  agreedParagraphs?(documentId: string): Iterable<string>;
  /**
   * True while editors may relay other people's edits the server lacks (for a day after the
   * database was restored from a backup): see Room, claimable.
   */
  acceptsRelays?(): boolean;
  /**
   * A client's change broke the editing rules and was reverted (record it, tell its author).
   * `lost`: the words it typed, so that they can be told back to them.
   */
  onReverted(documentId: string, identity: Identity, reason: string, lost: string): void;
  allowedOrigins: ReadonlySet<string>;
  maxMessageBytes: number;
  maxAwarenessBytes: number;
  /** Snapshot after this many logged updates. */
  snapshotEvery: number;
  /**
   * Builds the snapshots of open rooms off the event loop. Default: a worker thread reading
   * the update log's file; null: in-process (an in-memory database).
   */
  compactor?: Compactor | null;
  /**
   * Boot the compaction worker with the server (the app) instead of on the first snapshot
   * due (tests, which mostly never take one): see Compactor.prestart.
   */
  startCompactor?: boolean;
  /** Unload a room this long after its last connection closed. */
  idleUnloadMs: number;
  sessionSweepMs: number;
  /**
   * Every socket is pinged this often; one that answered nothing (no pong, no message) since
   * the previous ping is dropped: a laptop closed or a network gone without a goodbye leaves a
   * half-open socket that would otherwise hold its room, its counters and its backlog. Default 30 s.
   */
  pingIntervalMs?: number;
  /**
   * A socket with more than this many bytes still waiting to be sent to it, beyond its largest
   * message so far, is dropped (its client reconnects and syncs what it missed): a reader that
   * stopped reading must not make the server hold the room's traffic for it, and a client still
   * reading a big document's first sync must not be dropped by the next keystroke. Default 8 MiB.
   */
  maxBufferedBytes?: number;
  /** Messages per second one connection may send (bursts up to twice that). */
  maxMessagesPerSecond: number;
  /** Per-user, per-address and presence limits (server/collab/limits.ts); a field left out is off. */
  limits?: Partial<CollabLimitOptions>;
  /** Reverse proxies whose X-Forwarded-For names the client for the per-address limits (none: the socket's peer). */
  trustedProxies?: TrustedProxies;
}

/** The y-websocket endpoint: authorization at the upgrade, read-only roles, vetting, durable log. */
export class CollabServer {
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, Room>();
  private readonly sweep: NodeJS.Timeout;
  private readonly heartbeat: NodeJS.Timeout;
  private closing = false;
  /** Vetted updates waiting for this tick's group commit (flush). */
  private pending: Pending[] = [];
  private readonly pendingRooms = new Set<Room>();
  private flushScheduled = false;
  readonly limits: CollabLimits;
  private readonly leases = new WeakMap<WebSocket, Lease>();
  private readonly compactor: Compactor | null;

  constructor(private readonly opts: CollabOptions) {
    this.limits = new CollabLimits(opts.limits);
    const file = opts.updateLog.file;
    this.compactor = opts.compactor !== undefined ? opts.compactor : file ? new Compactor(file) : null;
    if (opts.startCompactor) this.compactor?.prestart();
    this.wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes });
    this.sweep = setInterval(() => this.closeEndedSessions(), opts.sessionSweepMs);
    this.sweep.unref();
    this.heartbeat = setInterval(() => this.ping(), opts.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS);
    this.heartbeat.unref();
  }

  /** Handles an HTTP upgrade for `/collab/<id>`; refuses with an HTTP status before any document byte. */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const address = remoteAddress(req, this.opts.trustedProxies);
    let authenticated = false;
    try {
      if (this.closing) throw new PlenaryError("internal", "server shutting down");
      this.limits.screen(address, req);
      const documentId = parseCollabPath(req.url);
      checkOrigin(req, this.opts.allowedOrigins);
      const who = await this.opts.authenticate(req);
      if (!who) throw new PlenaryError("unauthenticated", "sign in first");
      authenticated = true;
      const identity = this.opts.identify(documentId, who.userId, who.sessionId);
      if (!identity) throw new PlenaryError("forbidden", "no role on this document");
      this.limits.admit(address, who.userId, documentId);
      if (socket.destroyed) return;
      const room = this.room(documentId);
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        // Counted from here (synchronously after admit) until the socket closes.
        const lease = this.limits.acquire(address, identity.userId, documentId);
        this.leases.set(ws, lease);
        ws.once("close", () => this.limits.release(lease));
        this.onConnection(ws, room, identity);
      });
    } catch (err) {
      // Refusals before a valid session count against the address; past the limit: 429.
      if (!authenticated && isPlenaryError(err) && err.status < 500) err = this.limits.refusedUnauthenticated(address) ?? err;
      const status = isPlenaryError(err) ? err.status : 500;
      if (!isPlenaryError(err)) log.error("upgrade failed", { err, url: req.url });
      refuseUpgrade(socket, status, isPlenaryError(err) ? err.message : "internal error");
    }
  }

  private room(documentId: string): Room {
    let room = this.rooms.get(documentId);
    if (!room) {
      room = new Room(documentId, this.opts.updateLog, this.opts.editingMode(documentId));
      room.agreed = new Set(this.opts.agreedParagraphs?.(documentId) ?? []);
      this.watch(room);
      this.rooms.set(documentId, room);
    }
    if (room.unloadTimer) {
      clearTimeout(room.unloadTimer);
      room.unloadTimer = null;
    }
    return room;
  }

  /** Presence is relayed at once (it is not stored); each change encoded once for all. */
  private watch(room: Room): void {
    room.awareness.on("update", ({ added, updated, removed }: AwarenessChange) => {
      const changed = [...added, ...updated, ...removed];
      const message = encodeAwareness(room.awareness, changed);
      for (const conn of room.conns) send(conn, message);
    });
  }

  private onConnection(ws: WebSocket, room: Room, identity: Identity): void {
    const conn: Conn = {
      ws,
      documentId: room.documentId,
      identity,
      readOnly: identity.role === "observer",
      awarenessIds: new Set(),
      tokens: this.opts.maxMessagesPerSecond * 2,
      refilledAt: Date.now(),
      resyncs: 0,
      onSendError: (err) => {
        if (err) ws.terminate();
      },
      alive: true,
      maxBufferedBytes: this.opts.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES,
      largestSent: 0,
    };
    room.conns.add(conn);
    ws.on("error", (err) => log.warn("socket error", { err, documentId: room.documentId }));
    ws.on("pong", () => (conn.alive = true));
    ws.on("message", (data, isBinary) => this.onMessage(room, conn, data, isBinary));
    ws.on("close", () => this.onClose(room, conn));
    send(conn, encodeSyncStep1(room.doc));
    const states = [...room.awareness.getStates().keys()];
    if (states.length) send(conn, encodeAwareness(room.awareness, states));
  }

  /** Token bucket: refills at the configured rate; an empty bucket closes the socket (4429). */
  private overRate(conn: Conn): boolean {
    const now = Date.now();
    const rate = this.opts.maxMessagesPerSecond;
    conn.tokens = Math.min(rate * 2, conn.tokens + ((now - conn.refilledAt) / 1000) * rate);
    conn.refilledAt = now;
    conn.tokens -= 1;
    return conn.tokens < 0;
  }

  private onMessage(room: Room, conn: Conn, data: RawData, isBinary: boolean): void {
    // A socket the server is closing (refused, rate-limited, role revoked) is heard no more.
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    conn.alive = true;
    if (this.overRate(conn)) {
      log.warn("rate limit; closing connection", { documentId: room.documentId, userId: conn.identity.userId });
      conn.ws.close(CloseCode.RateLimited, "too many messages");
      return;
    }
    if (this.limited(conn, this.limits.userMessage(conn.identity.userId))) return;
    try {
      if (!isBinary) throw new PlenaryError("bad_request", "text frames are not part of the protocol");
      const bytes = toBytes(data);
      const msg = decodeMessage(bytes);
      switch (msg.kind) {
        case "sync-step1":
          // The doc may hold vetted updates not stored yet: store them before sending any.
          if (room.hasUnstored) this.flush();
          if (room.broken) return;
          send(conn, encodeSyncStep2(room.doc, msg.stateVector));
          return;
        case "update":
          if (!conn.readOnly) this.applyUpdate(room, conn, msg.update, msg.step === "step2" && (this.opts.acceptsRelays?.() ?? false));
          return;
        case "awareness":
          if (this.limited(conn, this.limits.awarenessMessage(this.leases.get(conn.ws)!))) return;
          this.applyAwareness(room, conn, msg.update);
          return;
        case "query-awareness":
          send(conn, encodeAwareness(room.awareness, [...room.awareness.getStates().keys()]));
      }
    } catch (err) {
      if (isPlenaryError(err) && err.code === "conflict" && ++conn.resyncs <= MAX_RESYNCS_PER_CONNECTION) {
        // An update that depends on edits the server lacks (typed while reconnecting, or
        // lost in flight by a crash) is dropped, nothing stored, and the client is asked
        // for its state: its sync step 2 carries those edits and the dropped one. Closing
        // instead (4400) would make y-websocket give up for good and lose them.
        send(conn, encodeSyncStep1(room.doc));
        return;
      }
      if (room.broken) {
        this.discard(room, err);
        return;
      }
      const code = isPlenaryError(err) && err.code === "internal" ? CloseCode.StorageFailed : CloseCode.BadMessage;
      log.warn("message refused; closing connection", {
        documentId: room.documentId,
        userId: conn.identity.userId,
        reason: err instanceof Error ? err.message : String(err),
        cause: err instanceof Error ? String(err.cause ?? "") : undefined,
      });
      conn.ws.close(code, reasonOf(err));
    }
  }

  /** Closes the socket with 4429 when a limit gave a reason (server/collab/limits.ts). */
  private limited(conn: Conn, reason: string | null): boolean {
    if (reason === null) return false;
    log.warn("rate limit; closing connection", { documentId: conn.documentId, userId: conn.identity.userId, reason });
    conn.ws.close(CloseCode.RateLimited, reason);
    return true;
  }

  /**
   * Vet now (applied to the room's doc, see Room.vet); store and broadcast at the end of the
   * tick (group commit, see flush). A refused update leaves the doc as it was, this tick's
   * vetted updates included.
   */
  private applyUpdate(room: Room, conn: Conn, update: Uint8Array, relay = false): void {
    const { effective, revert, violation } = room.vet(update, policyFor(conn, room.mode, room.agreed), conn.identity.userId, relay);
    if (!effective) return;
    const { userId, delegationId } = conn.identity;
    const entries: LogEntry[] = [{ documentId: room.documentId, userId, delegationId, data: effective }];
    // A reverted change is kept in the record, followed by the server's undo of it (or the
    // server's edit that marks again what a chair's edit stripped of its tracked-change mark).
    if (revert) entries.push({ documentId: room.documentId, userId: null, delegationId: null, data: revert });
    this.pending.push({ room, conn, entries, effective, revert, violation, update });
    this.pendingRooms.add(room);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /**
   * Group commit: every update vetted during this tick, of every room, is stored in ONE
   * SQLite transaction; only after it commits are they broadcast (stored before
   * broadcast). A room with several updates sends them merged, so each client gets one
   * message, encoded once. If the commit fails nothing is broadcast: the rooms' docs go
   * back to what the log holds and the senders' sockets are closed with 4500 (their
   * clients resend on reconnect).
   */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    this.pendingRooms.clear();
    let seqs: number[];
    try {
      seqs = this.opts.updateLog.append(batch.flatMap((p) => p.entries));
    } catch (err) {
      for (const room of new Set(batch.map((p) => p.room))) room.rollBack();
      for (const p of batch) {
        log.warn("message refused; closing connection", {
          documentId: p.room.documentId,
          userId: p.conn.identity.userId,
          reason: "could not store the update",
          cause: err instanceof Error ? err.message : String(err),
        });
        p.conn.ws.close(CloseCode.StorageFailed, "could not store the update");
      }
      for (const room of new Set(batch.map((p) => p.room))) if (room.broken) this.discard(room, err);
      return;
    }
    const byRoom = new Map<Room, { items: Pending[]; seq: number }>();
    let at = 0;
    for (const p of batch) {
      at += p.entries.length;
      const group = byRoom.get(p.room) ?? { items: [], seq: 0 };
      group.items.push(p);
      group.seq = seqs[at - 1]!;
      byRoom.set(p.room, group);
    }
    for (const [room, { items, seq }] of byRoom) {
      room.stored(seq);
      // Runs outside any message handler: an error here must not take the process down.
      try {
        if (items.length === 1) {
          const p = items[0]!;
          if (p.revert) broadcast(room, Y.mergeUpdates([p.effective, p.revert]), null);
          // Sent back to its sender too when the server's copy holds deletions it lacks.
          else broadcast(room, p.effective, deletesBeyond(p.effective, p.update) ? null : p.conn);
        } else {
          broadcast(room, Y.mergeUpdates(items.flatMap((p) => (p.revert ? [p.effective, p.revert] : [p.effective]))), null);
        }
        for (const p of items) if (p.revert && p.violation) this.opts.onReverted(room.documentId, p.conn.identity, p.violation, insertedText(p.effective));
      } catch (err) {
        log.error("broadcasting stored updates failed", { err, documentId: room.documentId });
      }
      this.compactSoon(room);
    }
  }

  /**
   * Refreshes a hot room's snapshot once `snapshotEvery` updates were logged since the last
   * one: built from the log by the compaction worker, stored here if it holds what the doc
   * held when asked (its state vector, taken now: the doc equals the log after the commit).
   * In-process when the worker is unavailable. After a failure, the next try waits for as
   * many updates again.
   */
  private compactSoon(room: Room): void {
    if (room.compacting || room.updatesSinceSnapshot < this.opts.snapshotEvery * (1 + room.failedCompactions)) return;
    if (!room.compactable) return;
    if (!this.compactor?.available) {
      room.failedCompactions = this.compact(room) ? 0 : room.failedCompactions + 1;
      return;
    }
    const uptoSeq = room.lastSeq;
    const stateVector = Y.encodeStateVector(room.doc);
    room.compacting = true;
    this.compactor
      .build(room.documentId, uptoSeq)
      .then((built) => {
        const taken = this.closing || room.acceptSnapshot(uptoSeq, built, stateVector);
        room.failedCompactions = taken ? 0 : room.failedCompactions + 1;
      })
      .catch((err: unknown) => {
        room.failedCompactions += 1;
        log.error("snapshot failed; the log still holds every update", { err, documentId: room.documentId });
      })
      .finally(() => {
        room.compacting = false;
      });
  }

  /**
   * A server-side edit of the text (accepting an amendment or suggestions): made on the
   * doc, stored with its attribution, then broadcast to every client. Returns false when
   * the edit changed nothing.
   */
  applyServerChange(documentId: string, edit: (doc: Y.Doc) => void, attribution: { userId: string; delegationId: string | null }): boolean {
    return this.withRoom(documentId, (room) => {
      const effective = room.serverChange(edit);
      if (!effective) return false;
      let seq: number;
      try {
        [seq] = this.opts.updateLog.append([{ documentId, ...attribution, data: effective }]) as [number];
      } catch (err) {
        // If the rebuild fails too, the room is marked broken and withRoom drops it.
        room.rollBack();
        throw new PlenaryError("internal", "could not store the update", { cause: err });
      }
      room.stored(seq);
      broadcast(room, effective, null);
      return true;
    });
  }

  /** Opens or closes a paragraph to delegates' drafting in an open room (the caller stores the status). */
  setAgreed(documentId: string, blockId: string, agreed: boolean): void {
    const room = this.rooms.get(documentId);
    if (!room) return;
    if (agreed) room.agreed.add(blockId);
    else room.agreed.delete(blockId);
  }

  /** Changes the editing mode of an open room (the documents table is updated by the caller). */
  setMode(documentId: string, mode: EditingMode): void {
    const room = this.rooms.get(documentId);
    if (room) room.mode = mode;
  }

  private applyAwareness(room: Room, conn: Conn, update: Uint8Array): void {
    const clean = sanitizeAwareness(update, conn, (id) => ownerOf(room, id), this.opts.maxAwarenessBytes, (id) => room.heldByOther(id, conn.identity.userId), (id) => resumedClock(room, id, conn.identity.userId));
    if (clean) applyAwarenessUpdate(room.awareness, clean, conn);
    // A stock editor's presence id is its Yjs client id: held for this person before they type.
    if (!conn.readOnly) for (const id of conn.awarenessIds) room.claim(id, conn.identity.userId);
  }

  /** Drops the sockets that answered nothing since the last ping (half-open: no close will come), pings the rest. */
  private ping(): void {
    for (const room of this.rooms.values()) {
      for (const conn of room.conns) {
        if (conn.ws.readyState !== conn.ws.OPEN) continue;
        if (!conn.alive) {
          log.warn("no answer to ping; dropping connection", { documentId: room.documentId, userId: conn.identity.userId });
          conn.ws.terminate();
          continue;
        }
        conn.alive = false;
        conn.ws.ping();
      }
    }
  }

  private onClose(room: Room, conn: Conn): void {
    room.dropConn(conn);
    // A discarded room is no longer the document's room (a new one may have been loaded).
    if (room.conns.size > 0 || this.closing || this.rooms.get(room.documentId) !== room) return;
    room.unloadTimer = setTimeout(() => this.unload(room), this.opts.idleUnloadMs);
    room.unloadTimer.unref();
  }

  /**
   * Drops a room whose doc could not be rebuilt from the log (Room.broken): what it holds
   * beyond the log is never served. This tick's vetted updates of other rooms are stored
   * first; its sockets are closed 4500, so their clients reconnect and the room is loaded
   * again from the log. The rest of the server carries on.
   */
  private discard(room: Room, err: unknown): void {
    log.error("document could not be rebuilt from the log; closing its sockets", { documentId: room.documentId, err });
    this.pending = this.pending.filter((p) => p.room !== room);
    this.pendingRooms.delete(room);
    this.flush();
    for (const conn of room.conns) conn.ws.close(CloseCode.StorageFailed, "document reloading");
    if (this.rooms.get(room.documentId) === room) this.rooms.delete(room.documentId);
    if (room.unloadTimer) clearTimeout(room.unloadTimer);
    room.destroy();
  }

  private compact(room: Room): boolean {
    try {
      return room.compact();
    } catch (err) {
      log.error("snapshot failed; the log still holds every update", { err, documentId: room.documentId });
      return false;
    }
  }

  private unload(room: Room): void {
    this.flush();
    if (room.conns.size > 0 || this.rooms.get(room.documentId) !== room) return;
    this.compact(room);
    room.destroy();
    this.rooms.delete(room.documentId);
  }

  /** Closes a person's sockets (on one document, or all): role revoked, signed out. */
  closeUserSockets(userId: string, documentId: string | null, code: number, reason: string): number {
    let closed = 0;
    for (const room of this.rooms.values()) {
      if (documentId && room.documentId !== documentId) continue;
      for (const conn of room.conns) {
        if (conn.identity.userId !== userId) continue;
        conn.ws.close(code, reason);
        closed += 1;
      }
    }
    return closed;
  }

  private closeEndedSessions(): void {
    const ids = new Set<string>();
    for (const room of this.rooms.values()) for (const c of room.conns) ids.add(c.identity.sessionId);
    // Called even with no sockets: the same sweep ends other live channels (event streams).
    const live = this.opts.liveSessions([...ids]);
    for (const room of this.rooms.values()) {
      for (const conn of room.conns) {
        if (!live.has(conn.identity.sessionId)) conn.ws.close(CloseCode.Unauthenticated, "session ended");
      }
    }
  }

  /** A document's room if it is open, its doc equal to the log (for rendering the paragraph model). */
  openRoom(documentId: string): Room | undefined {
    if (this.rooms.get(documentId)?.hasUnstored) this.flush();
    // Read again: a flush that failed may have dropped the room (see discard).
    return this.rooms.get(documentId);
  }

  /**
   * Loads a room without a connection (HTTP readers, server edits), its doc equal to the
   * log (vetted updates not stored yet are stored first); unloaded again when idle.
   */
  withRoom<T>(documentId: string, fn: (room: Room) => T): T {
    if (this.rooms.get(documentId)?.hasUnstored) this.flush();
    // After the flush: a flush that failed may have dropped the room, then it loads again from the log.
    const room = this.room(documentId);
    try {
      return fn(room);
    } catch (err) {
      // A server edit that could neither be stored nor undone (Room.broken): never serve that doc.
      if (room.broken) this.discard(room, err);
      throw err;
    } finally {
      if (this.rooms.get(documentId) === room && room.conns.size === 0 && !room.unloadTimer) {
        room.unloadTimer = setTimeout(() => this.unload(room), this.opts.idleUnloadMs);
        room.unloadTimer.unref();
      }
    }
  }

  /** For the health route: open rooms, sockets, and the compaction workers started / snapshots they built. */
  stats(): { rooms: number; connections: number; compaction: { workersStarted: number; snapshotsBuilt: number } | null } {
    let connections = 0;
    for (const room of this.rooms.values()) connections += room.conns.size;
    const compaction = this.compactor ? { workersStarted: this.compactor.started, snapshotsBuilt: this.compactor.built } : null;
    return { rooms: this.rooms.size, connections, compaction };
  }

  /** Graceful stop: snapshot every room, close sockets with 1001, so clients reconnect. */
  async close(): Promise<void> {
    this.closing = true;
    this.flush();
    clearInterval(this.sweep);
    clearInterval(this.heartbeat);
    for (const room of this.rooms.values()) {
      if (room.unloadTimer) clearTimeout(room.unloadTimer);
      this.compact(room);
      for (const conn of room.conns) conn.ws.close(CloseCode.GoingAway, "server restarting");
    }
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await this.compactor?.close();
    for (const room of this.rooms.values()) room.destroy();
    this.rooms.clear();
  }
}

/** A vetted client update waiting for the group commit. */
interface Pending {
  room: Room;
  conn: Conn;
  entries: LogEntry[];
  effective: Uint8Array;
  revert: Uint8Array | null;
  violation: string | null;
  /** The update as the client sent it (to tell what the server's vetting added to it). */
  update: Uint8Array;
}

/**
 * True when `effective` deletes something `sent` does not: Yjs's formatting cleanup, run
 * while the server applied a client's update, removes redundant format markers, and only
 * the server's copy of the change holds those deletions. The sender must get them too, or
 * it keeps markers everyone else deleted (its state vector is the same, so no resync would
 * ever repair it).
 */
function deletesBeyond(effective: Uint8Array, sent: Uint8Array): boolean {
  // The common case (a keystroke, nothing cleaned up): the server's copy is the same bytes.
  if (effective === sent || (effective.byteLength === sent.byteLength && Buffer.compare(effective, sent) === 0)) return false;
  const ours = Y.decodeUpdate(effective).ds.clients;
  if (ours.size === 0) return false;
  const theirs = Y.decodeUpdate(sent).ds.clients;
  for (const [client, items] of ours) {
    const other = [...(theirs.get(client) ?? [])].sort((a, b) => a.clock - b.clock);
    for (const item of items) {
      let from = item.clock;
      const end = item.clock + item.len;
      for (const o of other) {
        if (o.clock > from) break;
        if (o.clock + o.len > from) from = o.clock + o.len;
        if (from >= end) break;
      }
      if (from < end) return true;
    }
  }
  return false;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * The room's presence clock for `clientId` when it is `userId`'s editor coming back: the room
 * removed its presence (the socket closed) and counted one past its clock. Undefined otherwise.
 */
function resumedClock(room: Room, clientId: number, userId: string): number | undefined {
  if (room.awareness.states.has(clientId) || !room.heldBy(clientId, userId)) return undefined;
  return room.awareness.meta.get(clientId)?.clock;
}

function ownerOf(room: Room, clientId: number): Conn | undefined {
  for (const conn of room.conns) if (conn.awarenessIds.has(clientId)) return conn;
  return undefined;
}

/**
 * Sends a stored update to every connection of the room but `except`: encoded once, and
 * wrapped as a Buffer once (ws would wrap a Uint8Array again for every recipient).
 */
function broadcast(room: Room, update: Uint8Array, except: Conn | null): void {
  const message = encodeUpdate(update);
  const bytes = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  for (const conn of room.conns) if (conn !== except) send(conn, bytes);
}

function send(conn: Conn, message: Uint8Array): void {
  const ws = conn.ws;
  if (ws.readyState !== ws.OPEN) return;
  const waiting = ws.bufferedAmount;
  if (waiting > conn.maxBufferedBytes + conn.largestSent) {
    // No close frame: it would wait behind the backlog. The client reconnects and syncs.
    log.warn("reader too far behind; dropping connection", { documentId: conn.documentId, userId: conn.identity.userId, waitingBytes: waiting });
    ws.terminate();
    return;
  }
  if (message.byteLength > conn.largestSent) conn.largestSent = message.byteLength;
  ws.send(message, conn.onSendError);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Close reasons are limited to 123 bytes. */
function reasonOf(err: unknown): string {
  const text = isPlenaryError(err) ? err.message : "internal error";
  return text.slice(0, 120);
}

/** The characters an update inserts (its strings, in order): what a reverted change typed. */
export function insertedText(update: Uint8Array): string {
  let text = "";
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) text += struct.content.str;
  }
  return text;
}
