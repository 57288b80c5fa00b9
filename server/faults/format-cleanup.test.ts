import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startCollabHarness, type CollabHarness } from "../test/collab-harness";
import { fragmentText, rng, until } from "./fault-harness";
import { RawClient } from "./raw-client";

/**
 * Found by the randomised convergence run (issue #6). When the server applies a client's
 * update that formats text, Yjs runs its formatting cleanup on the server's docs (it does so
 * after every remote transaction) and deletes redundant format markers. Those deletions end
 * up in the update the server stores and broadcasts — to everyone EXCEPT the sender. The
 * sender keeps markers that the server, the log and every other client deleted: its delete
 * set differs until it reconnects (same state vector, so nothing ever resyncs it), and
 * later concurrent formatting can then render differently on that client.
 */
let h: CollabHarness;
beforeEach(async () => {
  h = await startCollabHarness();
});
afterEach(async () => {
  await h.close();
});

describe("formatting cleanup on the server", () => {
  it("a client whose change the server's formatting cleanup extended receives those deletions too: every client's structs and deletions equal the server's", async () => {
    const docId = h.createDocument([{ id: "op1", kind: "operative", runs: [{ text: "abcdefghijkl" }] }]);
    const clients = ["fa", "fb"].map((name) => {
      const p = h.person(name);
      h.grant(docId, p.userId, "chair");
      const c = new RawClient(name, () => h.raw(docId, p.token));
      c.connect();
      return c;
    });
    const rand = rng(0);
    const [a, b] = clients as [RawClient, RawClient];
    const synced = () => {
      for (const c of clients) c.deliverAll(rand);
      const live = h.collab.openRoom(docId)?.doc;
      return !!live && clients.every((c) => c.ready && c.inbox.length === 0 && fragmentText(c.doc) === fragmentText(live));
    };
    await until(synced, 5000, "first sync");
    const text = (c: RawClient) => (c.doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    // B bolds two spans; A, before applying them (still in flight to A), deletes and bolds
    // on its older view. On the server, A's deletion of "c" leaves B's bold markers around
    // nothing, and the cleanup run on the server deletes B's marker inside A's update: that
    // deletion is broadcast to B but never to A. Found by the randomised run.
    const steps = [
      () => text(b).format(2, 1, { bold: {} }),
      () => text(b).format(6, 3, { bold: {} }),
      () => text(a).delete(2, 1),
      () => text(a).delete(4, 3),
      () => text(a).format(5, 2, { bold: {} }),
    ];
    for (const step of steps) {
      step();
      await new Promise((r) => setTimeout(r, 5));
    }
    const live = h.collab.openRoom(docId)!.doc;
    await until(() => {
      for (const c of clients) c.deliverAll(rand);
      const snap = Y.snapshot(live);
      return clients.every((c) => Y.equalSnapshots(Y.snapshot(c.doc), snap));
    }, 2000, "every client's state (structs and deletions) equal to the server's").catch((err: Error) => {
      const ds = (d: Y.Doc) => JSON.stringify([...Y.snapshot(d).ds.clients].map(([k, v]) => [k, v.map((i) => [i.clock, i.len])]));
      throw new Error(`${err.message}; server ${ds(live)}; fa ${ds(a.doc)}; fb ${ds(b.doc)}`);
    });
    expect(fragmentText(a.doc)).toBe(fragmentText(live));
    expect(fragmentText(b.doc)).toBe(fragmentText(live));
    for (const c of clients) c.disconnect();
  });
});
