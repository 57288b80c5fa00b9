/**
 * Plenary's collaboration endpoint for the fan-out bench, run as a child process (its CPU
 * and RSS are measured apart from the load generator). Built as server/app.ts builds it,
 * minus Next.js (server/wiring.ts, shared with the app): a real SQLite file (WAL, synchronous=FULL, migrated), better-auth
 * sessions (accounts created and signed in through the auth API; every socket upgrade
 * looks its session cookie up), identify/liveSessions/onReverted from createServices,
 * vetting + editing policy, the hash-chained update log with snapshots, and the
 * default limits of server/config.ts.
 *
 * IPC protocol (process.send): parent sends {type:"docs", n} → {type:"docs", ids}; the
 * child starts with {type:"ready", port, cookies}.
 * The collaboration endpoint and services are wired by server/wiring.ts, as in the app.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { seedDatabase } from "../../seeds/seed";
import { DEMO_PASSWORD } from "../../seeds/delegations";
import { createAuth } from "../../server/auth";
import { TrustedProxies } from "../../server/client-address";
import { CollabServer } from "../../server/collab";
import { loadConfig } from "../../server/config";
import { openDatabase } from "../../server/db/client";
import { grantRole } from "../../server/db/documents";
import { UpdateLog } from "../../server/db/update-log";
import { userByEmail } from "../../server/db/users";
import { createDocumentWithBlocks } from "../../server/documents";
import { upgradeListener, wireCollab } from "../../server/wiring";
import { newId } from "../../lib/ids";

/** FANOUT_TRACE=1: time spent in the server's hot methods (diagnosis only). */
const traced: Record<string, { n: number; ms: number; max: number }> = {};
function trace(proto: object, name: string): void {
  const target = proto as Record<string, (...args: unknown[]) => unknown>;
  const original = target[name]!;
  const slot = (traced[name] = { n: 0, ms: 0, max: 0 });
  target[name] = function (this: unknown, ...args: unknown[]) {
    const t = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      const ms = performance.now() - t;
      slot.n += 1;
      slot.ms += ms;
      slot.max = Math.max(slot.max, ms);
    }
  };
}
if (process.env.FANOUT_TRACE) {
  const { Room } = await import("../../server/collab/room");
  trace(CollabServer.prototype, "onMessage");
  trace(CollabServer.prototype, "applyUpdate");
  trace(CollabServer.prototype, "flush");
  trace(CollabServer.prototype, "closeEndedSessions");
  trace(CollabServer.prototype, "handleUpgrade");
  trace(UpdateLog.prototype, "append");
  trace(Room.prototype, "vet");
  trace(CollabServer.prototype, "compact");
  process.on("exit", () => console.error("trace", JSON.stringify(Object.fromEntries(Object.entries(traced).map(([k, v]) => [k, { n: v.n, avgMs: +(v.ms / Math.max(1, v.n)).toFixed(3), maxMs: +v.max.toFixed(1), totalMs: +v.ms.toFixed(1) }])))));
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-fanout-"));
// FANOUT_SNAPSHOT_EVERY: diagnosis only (how often a hot room compacts; the app's default otherwise).
const config = loadConfig({ DATA_DIR: dataDir, SNAPSHOT_EVERY: process.env.FANOUT_SNAPSHOT_EVERY } as unknown as NodeJS.ProcessEnv);
const database = openDatabase(dataDir);
// Diagnosis only (servers.ts, "plenary-nosync"): commits without fsync, to measure its cost.
if (process.env.FANOUT_SYNCHRONOUS === "NORMAL") database.sqlite.pragma("synchronous = NORMAL");
if (process.env.FANOUT_AUTOCHECKPOINT) database.sqlite.pragma(`wal_autocheckpoint = ${Number(process.env.FANOUT_AUTOCHECKPOINT)}`);
const updateLog = new UpdateLog(database.sqlite);

const server = http.createServer((_req, res) => res.end());
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as AddressInfo).port;
const baseURL = `http://127.0.0.1:${port}`;
const auth = createAuth({ db: database.db, secret: "fanout-bench-secret-".padEnd(48, "x"), baseURL, trustedOrigins: [baseURL] });
await seedDatabase({ db: database.db, sqlite: database.sqlite, auth, updateLog });

const { collab } = wireCollab({
  config,
  db: database.db,
  sqlite: database.sqlite,
  auth,
  updateLog,
  allowedOrigins: [baseURL],
  trustedProxies: new TrustedProxies(config.trustedProxies),
  startedAt: Date.now(),
  // The app's limits, on. The bench signs in ONE chair account for every writer and ONE
  // observer account for every reader (each a stand-in for many people), so the per-user
  // limits are raised to fit that shape; the per-address, per-socket and presence limits
  // stay at their defaults (all clients come from 127.0.0.1).
  limits: { userMessagesPerSecond: 1_000_000, documentsPerUser: 100_000, socketsPerUserDocument: 100_000 },
});
server.on("upgrade", upgradeListener(collab));

/** A real better-auth session cookie, as the sign-in route would set it. */
async function signIn(email: string): Promise<string> {
  const res = await auth.api.signInEmail({ body: { email, password: DEMO_PASSWORD }, asResponse: true });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

const chair = userByEmail(database.db, "chair@example.org");
const observer = userByEmail(database.db, "observer@example.org");
if (!chair || !observer) throw new Error("seed accounts missing");
const cookies = { chair: await signIn("chair@example.org"), observer: await signIn("observer@example.org") };

/** A new document as "new document" creates it (title + empty paragraph), observer granted. */
function createDocs(n: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = newId();
    createDocumentWithBlocks(database.db, updateLog, {
      id,
      meta: { title: `Bench ${i}` },
      blocks: [
        { id: crypto.randomUUID(), kind: "title", runs: [{ text: `Bench ${i}` }] },
        { id: crypto.randomUUID(), kind: "paragraph", runs: [] },
      ],
      chairId: chair!.id,
    });
    grantRole(database.db, id, observer!.id, "observer", null, chair!.id);
    ids.push(id);
  }
  return ids;
}

/** FANOUT_PROFILE=<dir>: a CPU profile of each measurement window (diagnosis only). */
const inspector = process.env.FANOUT_PROFILE ? new (await import("node:inspector/promises")).Session() : null;
if (inspector) {
  inspector.connect();
  await inspector.post("Profiler.enable");
}
let windows = 0;

process.on("message", async (msg: { type: string; n?: number }) => {
  if (msg.type === "window-start" && inspector) await inspector.post("Profiler.start");
  else if (msg.type === "window-end" && inspector) {
    const { profile } = await inspector.post("Profiler.stop");
    fs.writeFileSync(path.join(process.env.FANOUT_PROFILE!, `window-${process.pid}-${windows++}.cpuprofile`), JSON.stringify(profile));
  } else if (msg.type === "docs") process.send!({ type: "docs", ids: createDocs(msg.n ?? 1) });
  else if (msg.type === "stats") process.send!({ type: "stats", ...collab.stats(), logRows: database.sqlite.prepare("SELECT count(*) AS n FROM doc_updates").get() });
});
process.on("disconnect", () => {
  void collab.close().finally(() => {
    database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
process.send!({ type: "ready", port, cookies, dataDir });
