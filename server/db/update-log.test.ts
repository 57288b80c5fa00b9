import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDatabase } from "./client";
import { UpdateLog } from "./update-log";
import { verifyAuditChains } from "./audit";
import { tempDir } from "../test/temp-dir";
import { Room } from "../collab/room";

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

function insertDoc(sqlite: import("better-sqlite3").Database, id: string): void {
  sqlite.prepare("INSERT INTO documents (id, title) VALUES (?, ?)").run(id, "Test");
}

/** Writes `n` small text edits to a doc and returns the updates. */
function edits(n: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const text = doc.getXmlFragment("default");
  const p = new Y.XmlElement("paragraph");
  text.insert(0, [p]);
  const t = new Y.XmlText();
  p.insert(0, [t]);
  for (let i = 0; i < n; i++) t.insert(t.length, `w${i} `);
  t.delete(0, 3);
  return { doc, updates };
}

describe("update log", () => {
  it("opens with synchronous=FULL in WAL mode", () => {
    const { sqlite, close } = openDatabase(tmp.dir);
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    close();
  });

  it("round-trips: updates written, database reopened, same state", () => {
    const { doc, updates } = edits(50);
    let db = openDatabase(tmp.dir);
    insertDoc(db.sqlite, "doc1");
    const seqs = new UpdateLog(db.sqlite).append(updates.map((data) => ({ documentId: "doc1", userId: "u1", delegationId: null, data })));
    expect(seqs).toEqual(updates.map((_, i) => i + 1));
    db.close();

    db = openDatabase(tmp.dir);
    const room = new Room("doc1", new UpdateLog(db.sqlite), "chairs_pen");
    expect(room.doc.getXmlFragment("default").toString()).toBe(doc.getXmlFragment("default").toString());
    expect(room.lastSeq).toBe(updates.length);
    room.destroy();
    db.close();
  });

  it("compaction keeps state, and loading from snapshot + tail equals a full replay", () => {
    const { doc, updates } = edits(40);
    const db = openDatabase(tmp.dir);
    insertDoc(db.sqlite, "doc1");
    const log = new UpdateLog(db.sqlite);
    log.append(updates.slice(0, 30).map((data) => ({ documentId: "doc1", userId: "u1", delegationId: null, data })));
    const room = new Room("doc1", log, "chairs_pen");
    expect(room.compact()).toBe(true);
    room.destroy();
    log.append(updates.slice(30).map((data) => ({ documentId: "doc1", userId: "u1", delegationId: null, data })));

    const loaded = log.load("doc1");
    expect(loaded.snapshotSeq).toBe(30);
    expect(loaded.updates.map((u) => u.seq)).toEqual(Array.from({ length: updates.length - 30 }, (_, i) => 31 + i));
    const reopened = new Room("doc1", log, "chairs_pen");
    expect(reopened.doc.getXmlFragment("default").toString()).toBe(doc.getXmlFragment("default").toString());
    // The raw log is kept: every update is still there after compaction.
    expect(log.allUpdates("doc1")).toHaveLength(updates.length);
    expect(verifyAuditChains(db.sqlite).problems).toEqual([]);
    reopened.destroy();
    db.close();
  });

  it("keeps each chain's head in memory, and reads it again when another writer appended meanwhile", () => {
    const { updates } = edits(6);
    const db = openDatabase(tmp.dir);
    insertDoc(db.sqlite, "doc1");
    const entry = (data: Uint8Array) => ({ documentId: "doc1", userId: "u1", delegationId: null, data });
    const log = new UpdateLog(db.sqlite);
    expect(log.append([entry(updates[0]!)])).toEqual([1]);
    // A second writer on the same file (another process, a script) appends seq 2 and 3.
    expect(new UpdateLog(db.sqlite).append([entry(updates[1]!), entry(updates[2]!)])).toEqual([2, 3]);
    // The first one's cached head is stale: its insert fails on the seq, nothing is stored...
    expect(() => log.append([entry(updates[3]!)])).toThrow(/UNIQUE/);
    expect(log.lastSeq("doc1")).toBe(3);
    // ...and the next append reads the head again and carries the chain on.
    expect(log.append([entry(updates[3]!)])).toEqual([4]);
    expect(log.append([entry(updates[4]!), entry(updates[5]!)])).toEqual([5, 6]);
    expect(verifyAuditChains(db.sqlite).problems).toEqual([]);
    db.close();
  });

  it("does not move a chain's head past rows that were not committed", () => {
    const { updates } = edits(3);
    const db = openDatabase(tmp.dir);
    insertDoc(db.sqlite, "doc1");
    const entry = (data: Uint8Array) => ({ documentId: "doc1", userId: "u1", delegationId: null, data });
    const log = new UpdateLog(db.sqlite);
    log.append([entry(updates[0]!)]);
    db.sqlite.exec("CREATE TRIGGER fail_second BEFORE INSERT ON doc_updates WHEN NEW.seq = 3 BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    // Seq 2 is inserted, seq 3 fails: the transaction rolls back both.
    expect(() => log.append([entry(updates[1]!), entry(updates[2]!)])).toThrow(/disk full/);
    db.sqlite.exec("DROP TRIGGER fail_second");
    expect(log.append([entry(updates[1]!)])).toEqual([2]);
    expect(verifyAuditChains(db.sqlite).problems).toEqual([]);
    db.close();
  });
});
