/**
 * Document-size checks of issue #6, on the server's own code (Room, UpdateLog,
 * CollabServer) and a real SQLite file:
 * - a document with 100,000 stored updates opens (Room construction + the sync step 2 a
 *   new client gets) in under 100 ms: measured with no snapshot (every update replayed)
 *   and with the snapshots the server takes every SNAPSHOT_EVERY updates (Room.compact);
 * - RSS per open document at most 25x its encoded state (a child process opens N rooms of
 *   the largest seed document: bench/fanout/rss-child.ts);
 * - an idle document is unloaded, and nothing is lost on reload;
 * - the event loop's time for a snapshot of a long document (every SNAPSHOT_EVERY updates in
 *   a hot room): built in-process (Room.compact, the peer) vs by the compaction worker
 *   (server/collab/compactor.ts, what an open room does).
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import * as Y from "yjs";
import { Compactor } from "../../server/collab/compactor";
import { Room } from "../../server/collab/room";
import { encodeSyncStep2 } from "../../server/collab/protocol";
import { openDatabase } from "../../server/db/client";
import { UpdateLog, type LogEntry } from "../../server/db/update-log";
import { startCollabHarness } from "../../server/test/collab-harness";
import { documentSchema } from "../../lib/editor/schema";
import { writeBlocks } from "../../lib/model/ydoc";
import { median } from "./fanout";

const UPDATES = Number(process.env.DOC_UPDATES ?? 100_000);
const SNAPSHOT_EVERY = 500;

/** `n` typing updates from 4 clients, each in its own paragraph (an insert, every 10th a delete). */
function typingUpdates(n: number): { base: Uint8Array; updates: Uint8Array[] } {
  const baseDoc = new Y.Doc();
  const fragment = baseDoc.getXmlFragment("default");
  baseDoc.transact(() => {
    for (let i = 0; i < 4; i++) {
      const p = new Y.XmlElement("paragraph");
      p.setAttribute("id", `p${i}`);
      p.insert(0, [new Y.XmlText()]);
      fragment.push([p]);
    }
  });
  const base = Y.encodeStateAsUpdate(baseDoc);
  const clients = Array.from({ length: 4 }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    return doc;
  });
  const updates: Uint8Array[] = [];
  for (const doc of clients) doc.on("update", (u: Uint8Array) => updates.push(u));
  const words = "the States participating reaffirm that international law applies ".split("");
  for (let k = 0; updates.length < n; k++) {
    const doc = clients[k % 4]!;
    const text = (doc.getXmlFragment("default").get(k % 4) as Y.XmlElement).get(0) as Y.XmlText;
    if (k % 10 === 9 && text.length > 0) text.delete(text.length - 1, 1);
    else text.insert(text.length, words[k % words.length]!);
  }
  return { base, updates: updates.slice(0, n) };
}

function timeOpen(log: UpdateLog, documentId: string, rounds = 5): { ms: number; tail: number; stateBytes: number } {
  const times: number[] = [];
  let tail = 0;
  let stateBytes = 0;
  const emptySv = Y.encodeStateVector(new Y.Doc());
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    const room = new Room(documentId, log, "chairs_pen");
    const step2 = encodeSyncStep2(room.doc, emptySv);
    times.push(performance.now() - t);
    tail = room.updatesSinceSnapshot;
    stateBytes = step2.byteLength;
    room.destroy();
  }
  return { ms: median(times), tail, stateBytes };
}

async function benchBigDocument(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-bigdoc-"));
  const { sqlite, close } = openDatabase(dir);
  try {
    const log = new UpdateLog(sqlite);
    for (const id of ["plain", "compacted"]) sqlite.prepare("INSERT INTO documents (id, title) VALUES (?, ?)").run(id, id);
    let t = performance.now();
    const { base, updates } = typingUpdates(UPDATES - 1);
    const genMs = performance.now() - t;

    // (1) Every update in the log, no snapshot (what a server that never compacted leaves).
    t = performance.now();
    const entry = (documentId: string, data: Uint8Array): LogEntry => ({ documentId, userId: "bench", delegationId: null, data });
    log.append([entry("plain", base)]);
    for (let i = 0; i < updates.length; i += 1000) log.append(updates.slice(i, i + 1000).map((u) => entry("plain", u)));
    const appendMs = performance.now() - t;

    // (2) The same updates through a Room as the server handles them: vetted (applied to the
    // room's doc), stored (100 per transaction, as group commit does under load), and compacted
    // every SNAPSHOT_EVERY updates with the replay check of Room.compact.
    t = performance.now();
    log.append([entry("compacted", base)]);
    const room = new Room("compacted", log, "chairs_pen");
    let snapshots = 0;
    for (let i = 0; i < updates.length; i += 100) {
      const chunk = updates.slice(i, i + 100).map((u) => room.vet(u).effective!);
      const seqs = log.append(chunk.map((u) => entry("compacted", u)));
      room.stored(seqs.at(-1)!);
      if (room.updatesSinceSnapshot >= SNAPSHOT_EVERY && room.compact()) snapshots += 1;
    }
    room.destroy();
    const serverMs = performance.now() - t;

    const plain = timeOpen(log, "plain", 3);
    const compacted = timeOpen(log, "compacted", 5);
    console.log(`\nDocument with ${UPDATES.toLocaleString("en")} stored updates (4 typists; generated in ${(genMs / 1000).toFixed(1)} s, logged in ${(appendMs / 1000).toFixed(1)} s; through a Room with compaction in ${(serverMs / 1000).toFixed(1)} s, ${snapshots} snapshots)`);
    console.log(`  open to first sync step 2, snapshot + ${compacted.tail} logged updates (server compacts every ${SNAPSHOT_EVERY}): ${compacted.ms.toFixed(1)} ms   target < 100 ms   state ${compacted.stateBytes} bytes`);
    console.log(`  open to first sync step 2, no snapshot (all ${plain.tail.toLocaleString("en")} updates replayed):            ${plain.ms.toFixed(1)} ms`);
  } finally {
    close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** RSS per open room of the largest seed document, in a fresh child process. */
async function benchRss(n: number): Promise<void> {
  const child = fork(path.join(import.meta.dirname, "rss-child.ts"), [String(n)], { execArgv: ["--import", "tsx", "--expose-gc"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const result = await new Promise<{ n: number; stateBytes: number; perRoomBytes: number; perRoomNoBefore: number; baseRss: number; rss: number; heapPerRoom: number }>((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`rss child exited ${code}`)));
  });
  child.removeAllListeners("exit");
  child.kill();
  const ratio = result.perRoomBytes / result.stateBytes;
  console.log(`\nRSS per open document (${result.n} rooms of the largest seed document in a child process; doc + before-copy + awareness)`);
  console.log(`  encoded state ${result.stateBytes} bytes; RSS ${(result.baseRss / 1e6).toFixed(1)} -> ${(result.rss / 1e6).toFixed(1)} MB; per room ${(result.perRoomBytes / 1024).toFixed(0)} KiB RSS (${(result.heapPerRoom / 1024).toFixed(0)} KiB heap) = ${ratio.toFixed(1)}x the encoded state   target <= 25x`);
  console.log(`  without the before-copy (every room but those where delegates draft in open drafting): ${(result.perRoomNoBefore / 1024).toFixed(0)} KiB RSS per room = ${(result.perRoomNoBefore / result.stateBytes).toFixed(1)}x`);
}

/** Open, edit, leave; the room unloads after idleUnloadMs; reopened, nothing is lost. */
async function benchIdleUnload(): Promise<void> {
  const idleUnloadMs = 300;
  const h = await startCollabHarness({ idleUnloadMs });
  try {
    const chair = h.person("chair");
    const doc = h.createDocument([{ id: "p1", kind: "paragraph", runs: [{ text: "Recalling its decision" }] }]);
    h.grant(doc, chair.userId, "chair");
    const ydoc = new Y.Doc();
    const provider = h.provider(doc, chair.token, ydoc);
    await new Promise<void>((resolve) => provider.once("sync", () => resolve()));
    const text = (ydoc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    for (let i = 0; i < 50; i++) text.insert(text.length, ` w${i}`);
    const expected = ydoc.getXmlFragment("default").toString();
    const deadline = Date.now() + 5000;
    while (h.collab.openRoom(doc)?.doc.getXmlFragment("default").toString() !== expected && Date.now() < deadline) await sleep(10);
    provider.destroy();
    const left = performance.now();
    while (h.collab.stats().rooms > 0 && Date.now() < deadline + 5000) await sleep(10);
    const unloadedAfter = performance.now() - left;
    const roomsAfter = h.collab.stats().rooms;
    const reloaded = new Y.Doc();
    const again = h.provider(doc, chair.token, reloaded);
    await new Promise<void>((resolve) => again.once("sync", () => resolve()));
    const same = reloaded.getXmlFragment("default").toString() === expected;
    again.destroy();
    console.log(`\nIdle unload (idleUnloadMs ${idleUnloadMs}): 50 edits, last client left; rooms open after ${unloadedAfter.toFixed(0)} ms: ${roomsAfter}; reopened state equal to the edited state: ${same}; log rows ${h.logCount(doc)}`);
    if (roomsAfter !== 0 || !same) process.exitCode = 1;
  } finally {
    await h.close();
  }
}

/**
 * A 300-paragraph report (80 words a paragraph) and 500 keystrokes since its last snapshot,
 * as a hot room holds it when the next snapshot is due. The snapshot is taken alternately
 * in-process and by the worker, 3 times each; the figure is the time the event loop is
 * held (every keystroke of every room waits that long), medians.
 */
async function benchCompaction(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-compaction-"));
  const { sqlite, close } = openDatabase(dir);
  const compactor = new Compactor(path.join(dir, "plenary.db"));
  try {
    const log = new UpdateLog(sqlite);
    sqlite.prepare("INSERT INTO documents (id, title) VALUES ('report', 'Report')").run();
    const words = "the working group recalls its resolution and reaffirms that international law in particular the charter of the united nations applies".split(" ");
    const initial = new Y.Doc();
    writeBlocks(initial, documentSchema(), Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, kind: "paragraph" as const, runs: [{ text: Array.from({ length: 80 }, (_, j) => words[(i * 7 + j) % words.length]).join(" ") }] })));
    log.append([{ documentId: "report", userId: "bench", delegationId: null, data: Y.encodeStateAsUpdate(initial) }]);
    const room = new Room("report", log, "chairs_pen");
    const typist = new Y.Doc();
    Y.applyUpdate(typist, Y.encodeStateAsUpdate(room.doc));
    const typed: Uint8Array[] = [];
    typist.on("update", (u: Uint8Array) => typed.push(u));
    const paragraphs = typist.getXmlFragment("default");
    const held = { inProcess: [] as number[], worker: [] as number[], asking: [] as number[], storing: [] as number[], workerWall: [] as number[] };
    for (let round = 0; round < 6; round++) {
      for (let k = 0; k < SNAPSHOT_EVERY; k++) {
        const text = (paragraphs.get((round * 37 + k) % 300) as Y.XmlElement).get(0) as Y.XmlText;
        text.insert(0, "x");
        const [seq] = log.append([{ documentId: "report", userId: "bench", delegationId: null, data: room.vet(typed.shift()!).effective! }]);
        room.stored(seq!);
      }
      if (round % 2 === 0) {
        const t = performance.now();
        if (!room.compact()) throw new Error("in-process snapshot not taken");
        held.inProcess.push(performance.now() - t);
      } else {
        // As CollabServer.compactSoon does it: the state vector now, the snapshot stored on reply.
        let t = performance.now();
        const uptoSeq = room.lastSeq;
        const stateVector = Y.encodeStateVector(room.doc);
        const reply = compactor.build("report", uptoSeq);
        const asking = performance.now() - t;
        const built = await reply;
        held.workerWall.push(performance.now() - t);
        t = performance.now();
        if (!built || !room.acceptSnapshot(uptoSeq, built, stateVector)) throw new Error("worker snapshot not taken");
        const storing = performance.now() - t;
        held.asking.push(asking);
        held.storing.push(storing);
        held.worker.push(asking + storing);
      }
    }
    const state = Y.encodeStateAsUpdate(room.doc).byteLength;
    room.destroy();
    const inProcess = median(held.inProcess);
    const worker = median(held.worker);
    console.log(`
Snapshot of a 300-paragraph report (state ${(state / 1024).toFixed(0)} KiB) after ${SNAPSHOT_EVERY} keystrokes, 3 times each, medians: event loop held`);
    console.log(`  in-process (Room.compact, the peer): ${inProcess.toFixed(1)} ms (${held.inProcess.map((x) => x.toFixed(1)).join(", ")})`);
    console.log(`  compaction worker: ${worker.toFixed(1)} ms (${held.worker.map((x) => x.toFixed(1)).join(", ")}; asking ${held.asking.map((x) => x.toFixed(2)).join(", ")} + storing the reply, a fsync'd write of the state, ${held.storing.map((x) => x.toFixed(1)).join(", ")}); ratio ${(worker / inProcess).toFixed(2)}x; the worker took ${median(held.workerWall).toFixed(0)} ms wall, off the event loop`);
  } finally {
    await compactor.close();
    close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchDocuments(): Promise<void> {
  await benchCompaction();
  await benchBigDocument();
  await benchRss(Number(process.env.RSS_ROOMS ?? 300));
  await benchIdleUnload();
}
