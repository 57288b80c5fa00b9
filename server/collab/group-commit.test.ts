import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import type { WebSocket } from "ws";
import { CloseCode } from "../../lib/protocol/close-codes";
import { closed, opened, protocolCast, startCollabHarness, typist, updateMessage, type CollabHarness } from "../test/collab-harness";
import { waitFor } from "../test/temp-dir";

let h: CollabHarness;
let docId: string;
let alice: { token: string; userId: string };
let boris: { token: string; userId: string };
let olga: { token: string; userId: string };

beforeEach(async () => {
  h = await startCollabHarness();
  ({ docId, alice, boris, olga } = protocolCast(h));
});
afterEach(async () => {
  await h.close();
});

/** Sync update messages (broadcasts) a raw socket receives, decoded. */
function received(ws: WebSocket): Uint8Array[] {
  const out: Uint8Array[] = [];
  ws.on("message", (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== 0) return;
    const sub = decoding.readVarUint(d);
    if (sub === 2) out.push(decoding.readVarUint8Array(d));
  });
  return out;
}

function serverText(): string {
  return h.collab.withRoom(docId, (room) => room.doc.getXmlFragment("default").toString());
}

/** Counts UpdateLog.append calls (SQLite transactions) on the real log. */
function countAppends(): { count: number } {
  const counter = { count: 0 };
  const append = h.updateLog.append.bind(h.updateLog);
  h.updateLog.append = (entries) => {
    counter.count += 1;
    return append(entries);
  };
  return counter;
}

describe("group commit", () => {
  it("stores a burst of 20 updates in fewer transactions, all before any broadcast, merged for the readers", async () => {
    const reader = h.raw(docId, olga.token);
    await opened(reader);
    const got = received(reader);
    const writer = h.raw(docId, alice.token);
    await opened(writer);
    const appends = countAppends();
    const t = typist();
    const first = t.edit("");
    // The writer's frames arrive together: the server reads them in one tick.
    writer.send(updateMessage(first));
    for (let i = 0; i < 20; i++) writer.send(updateMessage(t.edit(` w${i}`)));
    await waitFor(() => serverText().includes("w19"), 5000, "burst applied");
    expect(h.logCount(docId)).toBe(21);
    expect(appends.count).toBeLessThan(21);
    // The reader converges to the server's text, from fewer messages than updates.
    await waitFor(() => {
      const doc = new Y.Doc();
      for (const u of got) Y.applyUpdate(doc, u);
      return doc.getXmlFragment("default").toString() === serverText();
    }, 5000, "reader converged");
    expect(got.length).toBeLessThan(21);
    reader.close();
    writer.close();
  });

  it("storage failure in a batch of two clients: both closed 4500, nothing applied or broadcast, later writes fine", async () => {
    const reader = h.raw(docId, olga.token);
    await opened(reader);
    const got = received(reader);
    const a = h.raw(docId, alice.token);
    const b = h.raw(docId, boris.token);
    await Promise.all([opened(a), opened(b)]);
    const before = { seq: h.logCount(docId), text: serverText(), messages: got.length };
    // A real SQLite failure: the insert aborts inside the transaction.
    h.database.sqlite.exec("CREATE TRIGGER bench_fail BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const ca = closed(a);
    const cb = closed(b);
    a.send(updateMessage(typist().edit("from alice")));
    b.send(updateMessage(typist().edit("from boris")));
    expect((await ca).code).toBe(CloseCode.StorageFailed);
    expect((await cb).code).toBe(CloseCode.StorageFailed);
    expect(h.logCount(docId)).toBe(before.seq);
    expect(serverText()).toBe(before.text);
    expect(got.length).toBe(before.messages);

    h.database.sqlite.exec("DROP TRIGGER bench_fail");
    const c = h.raw(docId, alice.token);
    await opened(c);
    const t = typist();
    c.send(updateMessage(t.edit("after recovery")));
    c.send(updateMessage(t.edit(" and more")));
    await waitFor(() => serverText().includes("after recovery and more"), 5000, "write after recovery");
    expect(serverText()).not.toContain("from alice");
    expect(h.logCount(docId)).toBe(before.seq + 2);
    reader.close();
    c.close();
  });

  it("a refused update whose document cannot be rebuilt (the database fails to read): the room's sockets close 4500, the room reloads from the log, other documents carry on", async () => {
    const other = h.createDocument();
    h.grant(other, alice.userId, "chair");
    const elsewhere = h.raw(other, alice.token);
    const a = h.raw(docId, alice.token);
    const b = h.raw(docId, boris.token);
    const reader = h.raw(docId, olga.token);
    await Promise.all([opened(a), opened(b), opened(reader), opened(elsewhere)]);
    const t = typist();
    a.send(updateMessage(t.edit("kept")));
    await waitFor(() => h.logCount(docId) === 1, 5000, "first update stored");
    const seq = h.logCount(docId);

    const load = h.updateLog.load.bind(h.updateLog);
    h.updateLog.load = () => {
      throw new Error("disk I/O error");
    };
    const closes = [a, b, reader].map(closed);
    // Applied, then refused (it writes outside the text): the doc must be rebuilt, and cannot be.
    const hostile = new Y.Doc();
    hostile.getMap("hidden").set("broken", "broken");
    b.send(updateMessage(Y.encodeStateAsUpdate(hostile)));
    for (const c of await Promise.all(closes)) expect(c.code).toBe(CloseCode.StorageFailed);
    h.updateLog.load = load;

    // The server is up: another document is written meanwhile.
    elsewhere.send(updateMessage(typist().edit("elsewhere")));
    await waitFor(() => h.logCount(other) === 1, 5000, "other document written");
    // Reconnecting loads the document again from the log: the stored text, nothing else.
    const again = h.raw(docId, alice.token);
    await opened(again);
    expect(serverText()).toContain("kept");
    expect(h.collab.withRoom(docId, (room) => room.doc.share.has("hidden"))).toBe(false);
    expect(h.logCount(docId)).toBe(seq);
    again.send(updateMessage(t.edit(" and on")));
    await waitFor(() => serverText().includes("kept and on"), 5000, "write after reload");
    again.close();
    elsewhere.close();
  });

  it("a server edit that can neither be stored nor undone (the database fails to write and to read): the room is dropped, nothing of it is ever served", async () => {
    const a = h.raw(docId, alice.token);
    await opened(a);
    const closing = closed(a);
    const log = h.updateLog;
    const { append, load } = { append: log.append.bind(log), load: log.load.bind(log) };
    log.append = () => {
      throw new Error("SQLITE_IOERR");
    };
    log.load = () => {
      throw new Error("SQLITE_IOERR");
    };
    const edit = (doc: Y.Doc) => {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText("NEVER-STORED")]);
      doc.getXmlFragment("default").insert(0, [p]);
    };
    expect(() => h.collab.applyServerChange(docId, edit, { userId: alice.userId, delegationId: null })).toThrow(/could not store/);
    log.append = append;
    log.load = load;
    expect((await closing).code).toBe(CloseCode.StorageFailed);
    // Readers and new clients get the document as the log holds it.
    expect(serverText()).not.toContain("NEVER-STORED");
    expect(h.logCount(docId)).toBe(0);
    const again = h.raw(docId, alice.token);
    await opened(again);
    const t = typist();
    again.send(updateMessage(t.edit("typed after")));
    await waitFor(() => serverText().includes("typed after"), 5000, "write after reload");
    expect(h.collab.withRoom(docId, (room) => room.doc.store.pendingStructs)).toBeNull();
    again.close();
  });

  it("an HTTP reader arriving between an update's vetting and its commit, when the commit and the rebuild both fail: it reads the document as the log holds it", async () => {
    const a = h.raw(docId, alice.token);
    await opened(a);
    const closing = closed(a);
    h.database.sqlite.exec("CREATE TRIGGER io_fail BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    const log = h.updateLog;
    const load = log.load.bind(log);
    let failLoad = true;
    log.load = (id: string) => {
      if (failLoad) throw new Error("SQLITE_IOERR");
      return load(id);
    };
    // The reader runs right after the update is vetted, in the same tick (before the group commit).
    let seen = "";
    const server = h.collab as unknown as { applyUpdate: (...args: unknown[]) => void };
    const applyUpdate = server.applyUpdate.bind(h.collab);
    server.applyUpdate = (...args) => {
      applyUpdate(...args);
      try {
        seen = h.collab.withRoom(docId, (r) => r.doc.getXmlFragment("default").toString());
      } catch (err) {
        seen = `error: ${(err as Error).message}`;
      }
    };
    a.send(updateMessage(typist().edit("UNSTORED")));
    expect((await closing).code).toBe(CloseCode.StorageFailed);
    failLoad = false;
    h.database.sqlite.exec("DROP TRIGGER io_fail");
    // The reader either got an error or the stored text, never the update that was not stored.
    expect(seen).not.toContain("UNSTORED");
    expect(serverText()).not.toContain("UNSTORED");
    expect(h.logCount(docId)).toBe(0);
  });

  it("a refused update in the same tick as pending ones: they are kept, and a later update of that tick that depends on them is accepted", async () => {
    const a = h.raw(docId, alice.token);
    const b = h.raw(docId, boris.token);
    const a2 = h.raw(docId, alice.token);
    await Promise.all([opened(a), opened(b), opened(a2)]);
    const t = typist();
    const cb = closed(b);
    let a2Closed = false;
    a2.on("close", () => (a2Closed = true));
    const broken = typist().edit("broken");
    // One tick on the server (epoll order = send order): good, refused, dependent on good.
    a.send(updateMessage(t.edit("kept")));
    b.send(updateMessage(broken.slice(0, Math.floor(broken.length / 2))));
    a2.send(updateMessage(t.edit(" and extended")));
    expect((await cb).code).toBe(CloseCode.BadMessage);
    await waitFor(() => serverText().includes("kept and extended"), 5000, "both good updates applied");
    expect(a2Closed).toBe(false);
    expect(h.logCount(docId)).toBe(2);
    // And the doc is still in step with the log for the next tick.
    a.send(updateMessage(t.edit(" again")));
    await waitFor(() => serverText().includes("kept and extended again"), 5000, "next tick");
    a.close();
    a2.close();
  });
});
