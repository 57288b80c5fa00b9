import type { EventEmitter } from "node:events";
import type http from "node:http";
import type { Duplex } from "node:stream";
import type Database from "better-sqlite3";
import type { Auth } from "./auth";
import type { TrustedProxies } from "./client-address";
import { CollabServer } from "./collab";
import type { CollabLimitOptions } from "./collab/limits";
import { refuseUpgrade } from "./collab/upgrade";
import type { Config } from "./config";
import { relaysAfterRestore, type Db } from "./db/client";
import { documentById } from "./db/documents";
import type { UpdateLog } from "./db/update-log";
import { EventBus } from "./events";
import { agreedParagraphs } from "./negotiation/drafting";
import { PostLimiter } from "./post-limiter";
import { SignInLimiter } from "./sign-in-limiter";
import { log } from "./log";

import { createServices, type Services } from "./services";

/**
 * The collaboration endpoint wired to the services, as the app runs it (server/app.ts) and
 * as the fan-out bench runs it without Next (bench/fanout/plenary-server.ts): the two
 * depend on each other (sockets are authorised by the services; accepting an amendment
 * edits the text through the endpoint), so the services are bound once both exist.
 */
export function wireCollab(deps: {
  config: Config;
  db: Db;
  sqlite: Database.Database;
  auth: Auth;
  updateLog: UpdateLog;
  allowedOrigins: Iterable<string>;
  startedAt: number;
  trustedProxies: TrustedProxies;
  /** Overrides of `config.collabLimits` (the bench's single accounts stand for many people). */
  limits?: Partial<CollabLimitOptions>;
}): { collab: CollabServer; services: Services; bus: EventBus } {
  const { config, db, sqlite, auth, updateLog } = deps;
  let services: Services | null = null;
  const bus = new EventBus(deps.config.eventStreamsPerUser);
  const collab = new CollabServer({
    updateLog,
    authenticate: async (req) => (services ? services.sessionFromNode(req) : null),
    identify: (documentId, userId, sessionId) => services?.identify(documentId, userId, sessionId) ?? null,
    liveSessions: (ids) => services?.liveSessions(ids) ?? new Set(),
    editingMode: (documentId) => documentById(db, documentId)?.editingMode ?? "chairs_pen",
    agreedParagraphs: (documentId) => agreedParagraphs(db, documentId),
    acceptsRelays: relaysAfterRestore(config.dataDir),
    onReverted: (documentId, who, reason, lost) => services?.negotiation.recordRevert(documentId, who, reason, lost),
    allowedOrigins: new Set(deps.allowedOrigins),
    maxMessageBytes: config.maxMessageBytes,
    maxAwarenessBytes: config.maxAwarenessBytes,
    snapshotEvery: config.snapshotEvery,
    startCompactor: true,
    idleUnloadMs: config.idleUnloadMs,
    sessionSweepMs: 1000,
    pingIntervalMs: config.pingIntervalMs,
    maxBufferedBytes: config.maxBufferedBytes,
    maxMessagesPerSecond: config.maxMessagesPerSecond,
    limits: { ...config.collabLimits, ...deps.limits },
    trustedProxies: deps.trustedProxies,
  });
  const signInLimiter = new SignInLimiter(config.signInPerMinute);
  services = createServices({ db, sqlite, auth, collab, updateLog, bus, signInLimiter, postLimiter: new PostLimiter(config.postsPerMinute), startedAt: deps.startedAt });
  return { collab, services, bus };
}

/**
 * The HTTP server's `upgrade` listener: `/collab/<id>` goes to the collaboration endpoint,
 * `/_next/*` (HMR in development) to Next's own listener when it has one, anything else is
 * refused with 404. Socket errors are handled before any handshake.
 */
const GONE = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ETIMEDOUT"]);

export function upgradeListener(collab: CollabServer, nextUpgrades: EventEmitter | null = null) {
  return (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    // A window closed or a network gone is ordinary (info); anything else is worth a look.
    socket.on("error", (err: NodeJS.ErrnoException) => (GONE.has(err.code ?? "") ? log.info : log.warn)("upgrade socket error", { err: err.message }));
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    if (pathname.startsWith("/collab/")) {
      void collab.handleUpgrade(req, socket, head);
    } else if (pathname.startsWith("/_next/") && nextUpgrades && nextUpgrades.listenerCount("upgrade") > 0) {
      nextUpgrades.emit("upgrade", req, socket, head);
    } else {
      refuseUpgrade(socket, 404, "no websocket endpoint here");
    }
  };
}
