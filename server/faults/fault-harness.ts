import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { newId } from "../../lib/ids";
import { documentSchema } from "../../lib/editor/schema";
import { writeBlocks } from "../../lib/model/ydoc";
import type { Block } from "../../lib/model/types";
import { openDatabase, openSqlite, databaseFile } from "../db/client";
import { UpdateLog } from "../db/update-log";
import { cookieProvider } from "../test/collab-harness";
import { afterAll } from "vitest";
import type { ChildReply, ChildRequest, PeopleFile } from "./child-server";
import type { Typist } from "./typist";

const CHILD_ENTRY = path.join(import.meta.dirname, "child-server.ts");

/** Whether the soak (long) versions run: `SOAK=1` (set by `npm run soak`). */
export const SOAK = process.env.SOAK === "1";

/** Deterministic PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A TCP port that was free a moment ago (the child binds it; restarts reuse it). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** Migrates a fresh data directory and creates documents (with initial blocks as the seed does). */
export function prepareDataDir(dataDir: string, docs: Block[][]): string[] {
  const database = openDatabase(dataDir);
  const updateLog = new UpdateLog(database.sqlite);
  const ids: string[] = [];
  for (const blocks of docs) {
    const id = newId();
    database.sqlite.prepare("INSERT INTO documents (id, title) VALUES (?, ?)").run(id, "Fault test");
    if (blocks.length) {
      const doc = new Y.Doc();
      writeBlocks(doc, documentSchema(), blocks);
      updateLog.append([{ documentId: id, userId: "seed", delegationId: null, data: Y.encodeStateAsUpdate(doc) }]);
      doc.destroy();
    }
    ids.push(id);
  }
  database.close();
  return ids;
}

/** Writes the cookie → identity map the child server uses; every person gets `role` on every doc. */
export function writePeople(file: string, names: string[], documentIds: string[], role: "chair" | "delegate" | "observer" = "chair"): { name: string; token: string; userId: string }[] {
  const spec: PeopleFile = { people: {}, roles: {} };
  const out = names.map((name) => {
    const token = newId();
    const userId = `user-${name}`;
    spec.people[token] = {
      userId,
      sessionId: `session-${name}`,
      name,
      delegationId: null,
      delegationCode: null,
      delegationName: null,
      color: "#123456",
    };
    for (const d of documentIds) spec.roles[`${d}:${userId}`] = role;
    return { name, token, userId };
  });
  fs.writeFileSync(file, JSON.stringify(spec));
  return out;
}

export interface ChildServer {
  proc: ChildProcess;
  /** SIGKILL, resolved once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful close), resolved once the process exited. */
  stop(): Promise<void>;
  /** The live document's state in the server, or null when the room is not open. */
  state(documentId: string): Promise<{ state: Uint8Array | null; pending: boolean }>;
}

/** Starts the collaboration server in a child process on `port`; resolves once it listens. */
export async function spawnServer(opts: { dataDir: string; port: number; peopleFile: string; snapshotEvery?: number; entry?: string }): Promise<ChildServer> {
  const proc = fork(opts.entry ?? CHILD_ENTRY, [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      DATA_DIR: opts.dataDir,
      PORT: String(opts.port),
      PEOPLE_FILE: opts.peopleFile,
      SNAPSHOT_EVERY: String(opts.snapshotEvery ?? 50),
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("child server did not start within 30 s")), 30_000);
    proc.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`child server exited before ready (code ${code}, signal ${signal})`));
    });
    proc.on("message", (msg: ChildReply) => {
      if (msg.type === "ready") {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  let nextId = 1;
  return {
    proc,
    async kill9() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      await exited;
    },
    state(documentId) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const onMessage = (msg: ChildReply) => {
          if (msg.type !== "state" || msg.id !== id) return;
          proc.off("message", onMessage);
          resolve({ state: msg.state ? new Uint8Array(Buffer.from(msg.state, "base64")) : null, pending: msg.pending });
        };
        proc.on("message", onMessage);
        if (!proc.send({ type: "state", id, documentId } satisfies ChildRequest)) reject(new Error("child server gone"));
      });
    },
  };
}

/** A cookie-authenticated stock client that retries fast (300 ms at most) after a restart. */
export function authedProvider(port: number, documentId: string, token: string, doc = new Y.Doc(), maxBackoffTime = 300): WebsocketProvider {
  return cookieProvider(port, documentId, token, doc, maxBackoffTime);
}

export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** The document as stored in the data directory's SQLite file (snapshot + log, via UpdateLog). */
export function storedDoc(dataDir: string, documentId: string): { doc: Y.Doc; rows: number } {
  const sqlite = openSqlite(databaseFile(dataDir));
  try {
    const loaded = new UpdateLog(sqlite).load(documentId);
    const doc = new Y.Doc();
    doc.transact(() => {
      if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
      for (const u of loaded.updates) Y.applyUpdate(doc, u.data);
    });
    return { doc, rows: loaded.snapshotSeq + loaded.updates.length };
  } finally {
    sqlite.close();
  }
}

/**
 * Why `update` is not contained in `doc`, or null when it is: every struct it carries is
 * below the doc's state vector (Y.parseUpdateMeta against Y.encodeStateVector), and applying
 * it changes nothing (no struct, no deletion, nothing left pending).
 */
export function notContained(doc: Y.Doc, update: Uint8Array): string | null {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  const meta = Y.parseUpdateMeta(update);
  for (const [client, to] of meta.to) {
    const have = sv.get(client) ?? 0;
    if (to > have) return `client ${client}: update reaches clock ${to}, stored state has ${have}`;
  }
  let changed = false;
  const onUpdate = () => (changed = true);
  doc.on("update", onUpdate);
  try {
    Y.applyUpdate(doc, update);
  } finally {
    doc.off("update", onUpdate);
  }
  if (changed) return "applying it to the stored state changed the document (a deletion was missing)";
  if (hasPending(doc)) return "applying it left pending structs";
  return null;
}

export function fragmentText(doc: Y.Doc): string {
  return doc.getXmlFragment("default").toString();
}

/** The state vector as a canonical string (client order differs between docs). */
export function stateVector(doc: Y.Doc | Uint8Array): string {
  const sv = Y.decodeStateVector(doc instanceof Uint8Array ? doc : Y.encodeStateVector(doc));
  return [...sv].sort((a, b) => a[0] - b[0]).map(([c, k]) => `${c}:${k}`).join(",");
}

/** Polls until `check` returns a truthy value or the deadline passes. */
export async function until<T>(check: () => T | Promise<T>, timeoutMs: number, what: string, diagnose?: () => string): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${diagnose ? `: ${diagnose()}` : ""}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** After the test file: stop the typists, kill the child server, remove the temp dir. */
export function cleanUpAfterAll(state: () => { server: ChildServer | null; typists: Typist[]; tmp: { cleanup(): void } }): void {
  afterAll(async () => {
    const { server, typists, tmp } = state();
    for (const t of typists) {
      t.stop();
      t.provider.destroy();
    }
    await server?.kill9();
    tmp.cleanup();
  });
}
