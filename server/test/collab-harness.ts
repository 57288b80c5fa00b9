import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { newId } from "../../lib/ids";
import { documentSchema } from "../../lib/editor/schema";
import { writeBlocks } from "../../lib/model/ydoc";
import type { Block } from "../../lib/model/types";
import type { Role } from "../../lib/roles";
import { CollabServer, type CollabOptions } from "../collab";
import type { Identity } from "../collab/types";
import { openDatabase, type Database_ } from "../db/client";
import { UpdateLog } from "../db/update-log";
import { tempDir } from "./temp-dir";
import { tokenIdentities } from "./token-identity";

/**
 * A real collaboration server (real SQLite file, real `ws`, port 0) without Next. Who is
 * behind a socket comes from a `token` cookie mapped to an identity, standing in for the
 * session lookup that the e2e tests exercise for real.
 */
export async function startCollabHarness(overrides: Partial<CollabOptions> = {}) {
  const tmp = tempDir();
  const database: Database_ = openDatabase(tmp.dir);
  const updateLog = new UpdateLog(database.sqlite);
  const people = new Map<string, Identity>();
  const roles = new Map<string, Role>();
  const dead = new Set<string>();
  const modes = new Map<string, "chairs_pen" | "open_drafting">();
  const agreed = new Set<string>();
  const reverted: { documentId: string; userId: string; reason: string; lost: string }[] = [];

  const collab = new CollabServer({
    updateLog,
    ...tokenIdentities(people, (documentId, userId) => roles.get(`${documentId}:${userId}`)),
    liveSessions: (ids) => new Set(ids.filter((id) => !dead.has(id))),
    editingMode: (documentId) => modes.get(documentId) ?? "chairs_pen",
    agreedParagraphs: (documentId) => [...agreed].filter((k) => k.startsWith(`${documentId}:`)).map((k) => k.slice(documentId.length + 1)),
    onReverted: (documentId, identity, reason, lost) => reverted.push({ documentId, userId: identity.userId, reason, lost }),
    allowedOrigins: new Set(),
    maxMessageBytes: 1024 * 1024,
    maxAwarenessBytes: 4096,
    snapshotEvery: 50,
    idleUnloadMs: 50,
    sessionSweepMs: 100,
    maxMessagesPerSecond: 100_000,
    ...overrides,
  });
  const server = http.createServer((_req, res) => res.end());
  server.on("upgrade", (req, socket, head) => {
    socket.on("error", () => {});
    void collab.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  /** A document, optionally with initial blocks (stored as its first log row, as the seed does). */
  function createDocument(blocks: Block[] = []): string {
    const id = newId();
    database.sqlite.prepare("INSERT INTO documents (id, title) VALUES (?, ?)").run(id, "Test");
    if (blocks.length) {
      const doc = new Y.Doc();
      writeBlocks(doc, documentSchema(), blocks);
      updateLog.append([{ documentId: id, userId: "seed", delegationId: null, data: Y.encodeStateAsUpdate(doc) }]);
      doc.destroy();
    }
    return id;
  }

  function person(name: string, delegation: string | null = null): { token: string; userId: string } {
    const token = newId();
    const userId = `user-${name}`;
    people.set(token, {
      userId,
      sessionId: `session-${name}`,
      name,
      role: "delegate",
      delegationId: delegation,
      delegationCode: delegation,
      delegationName: delegation,
      color: "#123456",
    });
    return { token, userId };
  }

  function grant(documentId: string, userId: string, role: Role): void {
    roles.set(`${documentId}:${userId}`, role);
  }

  /** A stock y-websocket client authenticated by cookie. */
  function provider(documentId: string, token: string, doc = new Y.Doc()): WebsocketProvider {
    return cookieProvider(port, documentId, token, doc);
  }

  /** A raw socket (for sending bytes no well-behaved client would). */
  function raw(documentId: string, token: string | null, headers: Record<string, string> = {}): WebSocket {
    return new WebSocket(`ws://127.0.0.1:${port}/collab/${documentId}`, {
      headers: { ...(token ? { cookie: `token=${token}` } : {}), ...headers },
    });
  }

  function logCount(documentId: string): number {
    return updateLog.lastSeq(documentId);
  }

  async function close(): Promise<void> {
    await collab.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    database.close();
    tmp.cleanup();
  }

  function setMode(documentId: string, mode: "chairs_pen" | "open_drafting"): void {
    modes.set(documentId, mode);
    collab.setMode(documentId, mode);
  }

  /** Marks a paragraph agreed (closed to delegates' drafting) or open again, as the chair's status does. */
  function setAgreed(documentId: string, blockId: string, on: boolean): void {
    if (on) agreed.add(`${documentId}:${blockId}`);
    else agreed.delete(`${documentId}:${blockId}`);
    collab.setAgreed(documentId, blockId, on);
  }

  return { port, collab, updateLog, database, createDocument, person, grant, provider, raw, logCount, setMode, setAgreed, reverted, endSession: (s: string) => dead.add(s), close };
}

export type CollabHarness = Awaited<ReturnType<typeof startCollabHarness>>;

/**
 * A stock y-websocket client (WebSocketPolyfill from `ws`) on a test server at
 * 127.0.0.1:`port`, authenticated by a `token` cookie (server/test/token-identity.ts).
 * `maxBackoffTime` left out: y-websocket's own default.
 */
export function cookieProvider(port: number, documentId: string, token: string, doc = new Y.Doc(), maxBackoffTime?: number): WebsocketProvider {
  // Each stock y-websocket provider listens for the process's exit: many at once are expected here, not a leak.
  if (process.getMaxListeners() < 1000) process.setMaxListeners(1000);
  class AuthedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie: `token=${token}` } });
    }
  }
  return new WebsocketProvider(`ws://127.0.0.1:${port}/collab`, documentId, doc, {
    WebSocketPolyfill: AuthedWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    ...(maxBackoffTime === undefined ? {} : { maxBackoffTime }),
  });
}

/**
 * The protocol tests' cast on a new empty document: alice and boris write (as chairs: the
 * editing rules for delegates are tested in policy.test.ts), olga only reads (observer).
 */
export function protocolCast(h: CollabHarness, delegations: [string | null, string | null] = [null, null]) {
  const docId = h.createDocument();
  const alice = h.person("alice", delegations[0]);
  const boris = h.person("boris", delegations[1]);
  const olga = h.person("olga");
  h.grant(docId, alice.userId, "chair");
  h.grant(docId, boris.userId, "chair");
  h.grant(docId, olga.userId, "observer");
  return { docId, alice, boris, olga };
}

/** A client doc with one paragraph, and a function returning each new edit's update. */
export function typist(): { edit: (s: string) => Uint8Array } {
  const doc = new Y.Doc();
  const p = new Y.XmlElement("paragraph");
  const t = new Y.XmlText();
  p.insert(0, [t]);
  let sv = Y.encodeStateVector(doc);
  doc.getXmlFragment("default").insert(0, [p]);
  return {
    edit(s) {
      if (s) t.insert(t.length, s);
      const u = Y.encodeStateAsUpdate(doc, sv);
      sv = Y.encodeStateVector(doc);
      return u;
    },
  };
}


/** A y-protocols sync "update" message carrying `update`. */
export function updateMessage(update: Uint8Array, sub: number = syncProtocol.messageYjsUpdate): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Resolves with the close code once the socket closes. */
export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
}

export function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
}

/** Resolves with the HTTP status of a refused upgrade. */
export function refusedStatus(ws: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.once("open", () => reject(new Error("upgrade was accepted")));
    ws.once("error", () => {});
  });
}
