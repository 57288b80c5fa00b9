import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { CloseCode } from "../../lib/protocol/close-codes";
import { MAX_RESYNCS_PER_CONNECTION } from ".";
import { closed, opened, protocolCast, refusedStatus, startCollabHarness, updateMessage, type CollabHarness } from "../test/collab-harness";
import { waitFor } from "../test/temp-dir";

let h: CollabHarness;
let docId: string;
let alice: { token: string; userId: string };
let boris: { token: string; userId: string };
let olga: { token: string; userId: string };

beforeEach(async () => {
  h = await startCollabHarness();
  ({ docId, alice, boris, olga } = protocolCast(h, ["ALB", "BLR"]));
});
afterEach(async () => {
  await h.close();
});

function text(doc: Y.Doc): string {
  return doc.getXmlFragment("default").toString();
}

function typeInto(doc: Y.Doc, s: string): void {
  const frag = doc.getXmlFragment("default");
  if (frag.length === 0) {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText()]);
    frag.insert(0, [p]);
  }
  const t = (frag.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  t.insert(t.length, s);
}

async function synced(p: import("y-websocket").WebsocketProvider): Promise<void> {
  await waitFor(() => p.synced, 5000, "provider sync");
}

/** Server-side text of the document (loads the room). */
function serverText(): string {
  return h.collab.withRoom(docId, (room) => text(room.doc));
}

describe("collaboration server", () => {
  it("relays edits between two stock y-websocket clients and logs each before broadcast", async () => {
    const a = h.provider(docId, alice.token);
    const b = h.provider(docId, boris.token);
    await Promise.all([synced(a), synced(b)]);
    typeInto(a.doc, "Noting the report");
    await waitFor(() => text(b.doc).includes("Noting the report"), 5000, "b receives");
    typeInto(b.doc, ", and welcoming it");
    await waitFor(() => text(a.doc).includes("welcoming it"), 5000, "a receives");
    expect(h.logCount(docId)).toBeGreaterThanOrEqual(2);
    expect(serverText()).toBe(text(a.doc));
    a.destroy();
    b.destroy();
  });

  it("refuses the upgrade before any document byte: no session 401, no role 403, bad id 400, foreign origin 403", async () => {
    const stranger = h.person("stranger");
    expect(await refusedStatus(h.raw(docId, null))).toBe(401);
    expect(await refusedStatus(h.raw(docId, stranger.token))).toBe(403);
    expect(await refusedStatus(h.raw("not-an-id", alice.token))).toBe(400);
    expect(await refusedStatus(h.raw(docId, alice.token, { origin: "https://evil.example" }))).toBe(403);
  });

  it("never applies nor stores an observer's updates (update and sync step 2)", async () => {
    const a = h.provider(docId, alice.token);
    await synced(a);
    typeInto(a.doc, "Agreed text");
    await waitFor(() => serverText().includes("Agreed text"), 5000, "server has text");
    const before = { seq: h.logCount(docId), text: serverText() };

    const observerDoc = new Y.Doc();
    const o = h.provider(docId, olga.token, observerDoc);
    await synced(o);
    typeInto(observerDoc, " OBSERVER WAS HERE");
    const ws = h.raw(docId, olga.token);
    await opened(ws);
    const forged = new Y.Doc();
    typeInto(forged, "forged");
    ws.send(updateMessage(Y.encodeStateAsUpdate(forged)));
    ws.send(updateMessage(Y.encodeStateAsUpdate(forged), syncProtocol.messageYjsSyncStep2));
    // A later delegate edit proves the server processed everything queued before it.
    typeInto(a.doc, " more");
    await waitFor(() => serverText().includes("more"), 5000, "delegate edit after observer");
    expect(serverText()).not.toContain("OBSERVER");
    expect(serverText()).not.toContain("forged");
    expect(h.logCount(docId)).toBe(before.seq + 1);
    ws.close();
    o.destroy();
    a.destroy();
  });

  it("refuses a truncated update (4400); an update with missing dependencies is dropped and the client asked to resync; state and log unchanged", async () => {
    const a = h.provider(docId, alice.token);
    await synced(a);
    typeInto(a.doc, "Base text");
    await waitFor(() => serverText().includes("Base text"), 5000, "base");
    const before = { seq: h.logCount(docId), text: serverText() };

    const other = new Y.Doc();
    typeInto(other, "one");
    const first = Y.encodeStateAsUpdate(other);
    const sv = Y.encodeStateVector(other);
    typeInto(other, " two");
    const dependent = Y.encodeStateAsUpdate(other, sv);

    const truncated = h.raw(docId, boris.token);
    await opened(truncated);
    const done = closed(truncated);
    truncated.send(updateMessage(first.slice(0, Math.floor(first.length / 2))));
    expect((await done).code).toBe(CloseCode.BadMessage);
    expect(serverText()).toBe(before.text);
    expect(h.logCount(docId)).toBe(before.seq);

    // Missing dependencies (a client typing while it reconnects): nothing applied or stored,
    // the socket stays open and the server sends a sync step 1 for the client to answer.
    const ws = h.raw(docId, boris.token);
    const received: Uint8Array[] = [];
    ws.on("message", (data: Buffer) => received.push(new Uint8Array(data)));
    await opened(ws);
    await waitFor(() => received.length >= 1, 5000, "initial sync step 1");
    const greeting = received.length;
    ws.send(updateMessage(dependent));
    await waitFor(() => received.length > greeting, 5000, "sync step 1 after the dropped update");
    const answer = received.at(-1)!;
    expect([answer[0], answer[1]]).toEqual([0, 0]); // messageSync, syncStep1
    expect(ws.readyState).toBe(ws.OPEN);
    expect(serverText()).toBe(before.text);
    expect(h.logCount(docId)).toBe(before.seq);
    // Its sync step 2 then brings both edits at once.
    const step2 = encoding.createEncoder();
    encoding.writeVarUint(step2, 0);
    syncProtocol.writeSyncStep2(step2, other);
    ws.send(encoding.toUint8Array(step2));
    await waitFor(() => serverText().includes("one two"), 5000, "resynced edits");
    ws.close();
    // The good client is unaffected and can still write.
    typeInto(a.doc, " still fine");
    await waitFor(() => serverText().includes("still fine"), 5000, "after refusals");
    a.destroy();
  });

  it(`a client that keeps sending updates ahead of their dependencies is closed (4400) after ${MAX_RESYNCS_PER_CONNECTION} resyncs; nothing stored`, async () => {
    const before = h.logCount(docId);
    const other = new Y.Doc();
    typeInto(other, "one");
    const sv = Y.encodeStateVector(other);
    typeInto(other, " two");
    const dependent = Y.encodeStateAsUpdate(other, sv);
    const ws = h.raw(docId, boris.token);
    let answers = 0;
    ws.on("message", (data: Buffer) => {
      if (data[0] === 0 && data[1] === 0) answers += 1;
    });
    await opened(ws);
    const done = closed(ws);
    for (let i = 0; i < MAX_RESYNCS_PER_CONNECTION + 10; i++) ws.send(updateMessage(dependent));
    expect((await done).code).toBe(CloseCode.BadMessage);
    // The greeting's sync step 1, then one per dropped update up to the limit.
    expect(answers).toBe(MAX_RESYNCS_PER_CONNECTION + 1);
    expect(h.logCount(docId)).toBe(before);
  });

  it("mutated updates: each is either refused with nothing changed, or applied exactly as Yjs applies it", async () => {
    const base = new Y.Doc();
    typeInto(base, "Recognizing the importance of capacity-building");
    const valid = Y.encodeStateAsUpdate(base);
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let refused = 0;
    for (let i = 0; i < 40; i++) {
      const mutated = valid.slice();
      for (let k = 0; k < 3; k++) mutated[Math.floor(rand() * mutated.length)] = Math.floor(rand() * 256);
      const before = { seq: h.logCount(docId), state: h.collab.withRoom(docId, (r) => Y.encodeStateAsUpdate(r.doc)) };
      const ws = h.raw(docId, alice.token);
      await opened(ws);
      const done = closed(ws);
      ws.send(updateMessage(mutated));
      ws.send(updateMessage(new Uint8Array([0xff, 0xff, 0xff]))); // always refused: marks the end
      const { code } = await done;
      expect(code).toBe(CloseCode.BadMessage);
      const after = h.collab.withRoom(docId, (r) => Y.encodeStateAsUpdate(r.doc));
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, before.state);
      let scratchOk = true;
      try {
        Y.applyUpdate(scratch, mutated);
        scratchOk = scratch.store.pendingStructs === null && scratch.store.pendingDs === null;
      } catch {
        scratchOk = false;
      }
      if (h.logCount(docId) === before.seq) {
        refused += 1;
        expect(Buffer.compare(Buffer.from(after), Buffer.from(before.state))).toBe(0);
      } else {
        expect(scratchOk).toBe(true);
        const server = new Y.Doc();
        Y.applyUpdate(server, after);
        expect(text(server)).toBe(text(scratch));
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  it("closes a connection over the size limit; other clients keep working", async () => {
    await h.close();
    h = await startCollabHarness({ maxMessageBytes: 2048 });
    docId = h.createDocument();
    alice = h.person("alice", "ALB");
    boris = h.person("boris", "BLR");
    h.grant(docId, alice.userId, "chair");
    h.grant(docId, boris.userId, "chair");
    const a = h.provider(docId, alice.token);
    await synced(a);
    const ws = h.raw(docId, boris.token);
    await opened(ws);
    const done = closed(ws);
    ws.send(new Uint8Array(4096));
    expect((await done).code).toBe(CloseCode.TooLarge);
    typeInto(a.doc, "unaffected");
    await waitFor(() => h.collab.withRoom(docId, (r) => text(r.doc)).includes("unaffected"), 5000, "a still writes");
    a.destroy();
  });

  it("a stock y-websocket client joining a room of 80 stays connected: the presence it relays of everyone there is skipped, its own taken", async () => {
    // 80 raw sockets, each announcing its own presence (a room of 80 delegates).
    const room: ReturnType<typeof h.raw>[] = [];
    for (let i = 0; i < 80; i++) {
      const ws = h.raw(docId, boris.token);
      room.push(ws);
      await opened(ws);
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 1);
      encoding.writeVarUint(enc, 10_000 + i);
      encoding.writeVarUint(enc, 1);
      encoding.writeVarString(enc, JSON.stringify({ cursor: i }));
      const outer = encoding.createEncoder();
      encoding.writeVarUint(outer, 1);
      encoding.writeVarUint8Array(outer, encoding.toUint8Array(enc));
      ws.send(encoding.toUint8Array(outer));
    }
    await waitFor(() => h.collab.openRoom(docId)?.awareness.getStates().size === 80, 5000, "80 presences");
    // The stock provider hears the 80 states on joining and sends them all back (y-websocket
    // relays every change of its awareness), plus its own. Refused whole before: closed 4400.
    const a = h.provider(docId, alice.token);
    const closes: number[] = [];
    a.on("connection-close", (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    await synced(a);
    a.awareness.setLocalStateField("cursor", "mine");
    await waitFor(() => a.awareness.getStates().size >= 81, 5000, "a hears the room");
    typeInto(a.doc, "late joiner");
    await waitFor(() => serverText().includes("late joiner"), 5000, "the late joiner's words stored");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(closes).toEqual([]);
    expect(a.wsconnected).toBe(true);
    const states = h.collab.openRoom(docId)!.awareness.getStates();
    // Its own presence is taken, stamped as alice; everyone else's stays theirs.
    expect(states.get(a.doc.clientID)).toMatchObject({ cursor: "mine", user: { name: "alice" } });
    expect(states.get(10_007)).toMatchObject({ cursor: 7, user: { name: "boris" } });
    a.destroy();
    for (const ws of room) ws.close();
  });

  it("refuses a presence state over MAX_AWARENESS_BYTES (the harness: 4 KiB) with a reason; nothing of it is applied", async () => {
    const a = h.provider(docId, alice.token);
    await synced(a);
    const ws = h.raw(docId, boris.token);
    await opened(ws);
    const done = closed(ws);
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 1);
    encoding.writeVarUint(enc, 777);
    encoding.writeVarUint(enc, 1);
    encoding.writeVarString(enc, JSON.stringify({ note: "x".repeat(5000) }));
    const outer = encoding.createEncoder();
    encoding.writeVarUint(outer, 1);
    encoding.writeVarUint8Array(outer, encoding.toUint8Array(enc));
    ws.send(encoding.toUint8Array(outer));
    const got = await done;
    expect(got.code).toBe(CloseCode.BadMessage);
    expect(got.reason).toBe("awareness state above 4096 bytes");
    expect(h.collab.openRoom(docId)!.awareness.getStates().has(777)).toBe(false);
    typeInto(a.doc, "still here");
    await waitFor(() => serverText().includes("still here"), 5000, "others unaffected");
    a.destroy();
  });

  it("a window back after its network dropped shows its presence again at once, not at its next change or its 15-s renewal", async () => {
    const a = h.provider(docId, alice.token);
    const b = h.provider(docId, boris.token);
    await Promise.all([synced(a), synced(b)]);
    a.awareness.setLocalStateField("user", { name: "Alice" });
    const seenByB = () => b.awareness.getStates().get(a.doc.clientID) !== undefined;
    await waitFor(seenByB, 5000, "b sees alice");
    a.disconnect();
    await waitFor(() => !seenByB(), 5000, "alice's presence removed");
    a.connect();
    await synced(a);
    await waitFor(seenByB, 3000, "b sees alice again");
    // …and settles: a stock client echoes what it hears of itself, which must not start a loop.
    let heard = 0;
    const count = () => (heard += 1);
    a.awareness.on("update", count);
    b.awareness.on("update", count);
    await new Promise((r) => setTimeout(r, 1000));
    expect(heard).toBeLessThan(10);
    a.destroy();
    b.destroy();
  });

  it("stamps presence with the server's identity; nobody removes or overwrites another's presence", async () => {
    const a = h.provider(docId, alice.token);
    const b = h.provider(docId, boris.token);
    await Promise.all([synced(a), synced(b)]);
    a.awareness.setLocalStateField("user", { name: "Secretary-General", color: "#000000" });
    await waitFor(() => {
      const s = b.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined;
      return s?.user?.name === "alice";
    }, 5000, "b sees alice as alice");

    // Boris's raw socket tries to remove and then to overwrite Alice's entry.
    const ws = h.raw(docId, boris.token);
    await opened(ws);
    const forge = (state: unknown) => {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 1);
      encoding.writeVarUint(enc, a.doc.clientID);
      encoding.writeVarUint(enc, 9999);
      encoding.writeVarString(enc, JSON.stringify(state));
      const inner = encoding.toUint8Array(enc);
      const outer = encoding.createEncoder();
      encoding.writeVarUint(outer, 1);
      encoding.writeVarUint8Array(outer, inner);
      return encoding.toUint8Array(outer);
    };
    ws.send(forge(null));
    ws.send(forge({ user: { name: "Forged" } }));
    typeInto(b.doc, "marker");
    await waitFor(() => text(a.doc).includes("marker"), 5000, "marker");
    const seen = b.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined;
    expect(seen?.user?.name).toBe("alice");
    // Foreign entries are dropped silently: the forging socket itself stays open.
    expect(ws.readyState).toBe(ws.OPEN);
    ws.close();
    a.destroy();
    b.destroy();
  });

  it("closes sockets of a revoked person (4403) and of an ended session (4401)", async () => {
    const ws1 = h.raw(docId, alice.token);
    const ws2 = h.raw(docId, boris.token);
    await Promise.all([opened(ws1), opened(ws2)]);
    const c1 = closed(ws1);
    const c2 = closed(ws2);
    expect(h.collab.closeUserSockets(alice.userId, docId, CloseCode.Forbidden, "role revoked")).toBe(1);
    expect((await c1).code).toBe(CloseCode.Forbidden);
    h.endSession("session-boris");
    expect((await c2).code).toBe(CloseCode.Unauthenticated);
  });
});
