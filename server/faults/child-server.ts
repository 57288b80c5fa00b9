/**
 * A real Plenary collaboration server (CollabServer, real SQLite file, real `ws`) in its own
 * process, so a test can SIGKILL it. Started with `fork()` by server/faults/fault-harness.ts.
 *
 * Environment: DATA_DIR (the data directory, migrated on start), PORT (fixed, so clients
 * reconnect to the same address), PEOPLE_FILE (JSON: cookie token -> identity, and the role of
 * each user on each document; stands in for the session lookup: server/test/token-identity.ts), SNAPSHOT_EVERY (optional).
 *
 * IPC: prints `ready` on the IPC channel once listening; answers {type:"state", documentId}
 * with the live document's state and whether it holds pending structs; SIGTERM closes
 * gracefully (CollabServer.close: snapshot, sockets closed 1001).
 */
import fs from "node:fs";
import http from "node:http";
import * as Y from "yjs";
import type { Role } from "../../lib/roles";
import { CollabServer } from "../collab";
import type { Identity } from "../collab/types";
import { openDatabase, relaysAfterRestore } from "../db/client";
import { UpdateLog } from "../db/update-log";
import { tokenIdentities } from "../test/token-identity";

export interface PeopleFile {
  /** cookie token -> identity (without the role, which is per document). */
  people: Record<string, Omit<Identity, "role">>;
  /** `${documentId}:${userId}` -> role */
  roles: Record<string, Role>;
}

export type ChildRequest = { type: "state"; id: number; documentId: string };
export type ChildReply =
  | { type: "ready"; port: number }
  | { type: "state"; id: number; state: string | null; pending: boolean };

const dataDir = process.env.DATA_DIR!;
const port = Number(process.env.PORT);
const spec = JSON.parse(fs.readFileSync(process.env.PEOPLE_FILE!, "utf8")) as PeopleFile;

const database = openDatabase(dataDir);
const updateLog = new UpdateLog(database.sqlite);
const people = new Map(Object.entries(spec.people));

const collab = new CollabServer({
  updateLog,
  ...tokenIdentities(people, (documentId, userId) => spec.roles[`${documentId}:${userId}`]),
  liveSessions: (ids) => new Set(ids),
  editingMode: () => "chairs_pen",
  acceptsRelays: relaysAfterRestore(dataDir),
  onReverted: () => {},
  allowedOrigins: new Set(),
  maxMessageBytes: 5 * 1024 * 1024,
  maxAwarenessBytes: 8192,
  snapshotEvery: Number(process.env.SNAPSHOT_EVERY ?? 50),
  idleUnloadMs: 30_000,
  sessionSweepMs: 1000,
  maxMessagesPerSecond: 100_000,
});

const server = http.createServer((_req, res) => res.end());
server.on("upgrade", (req, socket, head) => {
  socket.on("error", () => {});
  void collab.handleUpgrade(req, socket, head);
});
server.listen(port, "127.0.0.1", () => process.send?.({ type: "ready", port } satisfies ChildReply));

process.on("message", (msg: ChildRequest) => {
  if (msg.type !== "state") return;
  const room = collab.openRoom(msg.documentId);
  const reply: ChildReply = room
    ? {
        type: "state",
        id: msg.id,
        state: Buffer.from(Y.encodeStateAsUpdate(room.doc)).toString("base64"),
        pending: room.doc.store.pendingStructs !== null || room.doc.store.pendingDs !== null,
      }
    : { type: "state", id: msg.id, state: null, pending: false };
  process.send?.(reply);
});

process.on("SIGTERM", () => {
  void (async () => {
    await collab.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    database.close();
    process.exit(0);
  })();
});
// The parent went away (test crashed): do not linger.
process.on("disconnect", () => process.exit(0));
