/**
 * Child of bench/fanout/documents.ts: opens N rooms (Room: doc, before-copy, awareness) of
 * the largest seed document from a real SQLite log and reports RSS and heap per room.
 * Run with --expose-gc.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as Y from "yjs";
import { documentSchema } from "../../lib/editor/schema";
import { parseStatement } from "../../lib/import/parse-statement";
import { writeBlocks } from "../../lib/model/ydoc";
import { Room } from "../../server/collab/room";
import { openDatabase } from "../../server/db/client";
import { UpdateLog } from "../../server/db/update-log";
import { seedFiles } from "../../seeds/seed";

const n = Number(process.argv[2] ?? 100);
const gc = (globalThis as { gc?: () => void }).gc!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-rss-"));
const { sqlite, close } = openDatabase(dir);
const log = new UpdateLog(sqlite);

const largest = seedFiles().sort((a, b) => b.text.length - a.text.length)[0]!;
const ydoc = new Y.Doc();
writeBlocks(ydoc, documentSchema(), parseStatement(largest.text).blocks);
const state = Y.encodeStateAsUpdate(ydoc);
const insert = sqlite.prepare("INSERT INTO documents (id, title) VALUES (?, ?)");
sqlite.transaction(() => {
  for (let i = 0; i < n + 1; i++) {
    insert.run(`d${i}`, largest.key);
    log.append([{ documentId: `d${i}`, userId: "seed", delegationId: null, data: state }]);
  }
})();

// Warm-up: modules and code paths loaded before the baseline.
new Room(`d${n}`, log, "chairs_pen").destroy();
const measure = () => {
  for (let i = 0; i < 3; i++) gc();
  return { rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed };
};
const before = measure();
const rooms: Room[] = [];
for (let i = 0; i < n; i++) rooms.push(new Room(`d${i}`, log, "chairs_pen"));
const opened = measure();
// A room where delegates draft (open drafting) also holds a copy of the doc as it was before
// the update being vetted (built on the first such update): materialize it, the worst case.
const empty = Y.encodeStateAsUpdate(new Y.Doc());
for (const room of rooms) room.vet(empty, { compare: () => null });
const after = measure();
process.send!({
  n,
  stateBytes: state.byteLength,
  perRoomBytes: (after.rss - before.rss) / n,
  heapPerRoom: (after.heap - before.heap) / n,
  perRoomNoBefore: (opened.rss - before.rss) / n,
  baseRss: before.rss,
  rss: after.rss,
  open: rooms.length,
});
close();
fs.rmSync(dir, { recursive: true, force: true });
