import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import type { WebSocket } from "ws";
import { acceptedProjection } from "../../lib/negotiation/projection";
import { CloseCode } from "../../lib/protocol/close-codes";
import { closed, opened, startCollabHarness, updateMessage, type CollabHarness } from "../test/collab-harness";
import { waitFor } from "../test/temp-dir";

let h: CollabHarness;
let docId: string;
/** 10,000 frames in `npm test`; `npm run soak` (SOAK=1) sends 100,000. */
const FRAMES = process.env.SOAK === "1" ? 100_000 : 10_000;

beforeEach(async () => {
  h = await startCollabHarness();
  docId = h.createDocument([
    { id: "t", kind: "title", runs: [{ text: "Draft decision" }] },
    { id: "op1", kind: "operative", runs: [{ text: "Continue to implement all decisions" }] },
  ]);
});
afterEach(async () => {
  await h.close();
});

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

function frame(rand: () => number, valid: Uint8Array): Uint8Array {
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
  const e = encoding.createEncoder();
  const pick = rand();
  if (pick < 0.3) {
    const mutated = valid.slice();
    for (let k = 0; k < 1 + Math.floor(rand() * 4); k++) mutated[Math.floor(rand() * mutated.length)] = Math.floor(rand() * 256);
    return updateMessage(mutated, Math.floor(rand() * 3));
  }
  if (pick < 0.55) {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, Math.floor(rand() * 4));
    encoding.writeVarUint8Array(e, bytes(Math.floor(rand() * 64)));
  } else if (pick < 0.8) {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, bytes(Math.floor(rand() * 64)));
  } else {
    encoding.writeVarUint(e, Math.floor(rand() * 8));
    encoding.writeUint8Array(e, bytes(Math.floor(rand() * 32)));
  }
  return encoding.toUint8Array(e);
}

/**
 * Sends `count` fuzzed frames as `token`, each followed by a query-awareness probe whose
 * answer proves the server processed the frame; reconnects whenever the server closes.
 */
async function fuzz(token: string, count: number, seed: number): Promise<{ codes: Set<number>; processed: number }> {
  const rand = rng(seed);
  const other = new Y.Doc();
  other.getXmlFragment("default").insert(0, [new Y.XmlElement("paragraph")]);
  const valid = Y.encodeStateAsUpdate(other);
  const codes = new Set<number>();
  let processed = 0;
  let ws: WebSocket | null = null;
  while (processed < count) {
    if (!ws || ws.readyState !== ws.OPEN) {
      ws = h.raw(docId, token);
      await opened(ws);
      ws.on("close", (code) => codes.add(code));
    }
    const socket = ws;
    const answered = new Promise<void>((resolve) => {
      const done = () => {
        socket.off("message", done);
        socket.off("close", done);
        resolve();
      };
      socket.on("message", done);
      socket.on("close", done);
    });
    socket.send(frame(rand, valid), () => {});
    socket.send(new Uint8Array([3]), () => {});
    await answered;
    processed += 1;
  }
  ws?.close();
  return { codes, processed };
}

describe("websocket fuzzing", () => {
  it(`${FRAMES.toLocaleString("en")} valid-framed random frames as an observer and as a delegate: no crash, nothing stored, text unchanged, others unaffected`, async () => {
    const chair = h.person("chair");
    const observer = h.person("observer");
    const delegate = h.person("delegate", "ALB");
    h.grant(docId, chair.userId, "chair");
    h.grant(docId, observer.userId, "observer");
    h.grant(docId, delegate.userId, "delegate");
    const witness = h.provider(docId, chair.token);
    await waitFor(() => witness.synced, 5000, "witness sync");
    const before = h.collab.withRoom(docId, (room) => acceptedProjection(room.doc));
    const logBefore = h.logCount(docId);

    const observerRun = await fuzz(observer.token, FRAMES / 2, 7);
    // An observer's frames are never applied nor stored.
    expect(h.logCount(docId)).toBe(logBefore);
    const delegateRun = await fuzz(delegate.token, FRAMES / 2, 11);
    expect(observerRun.processed + delegateRun.processed).toBe(FRAMES);
    expect(h.collab.withRoom(docId, (room) => acceptedProjection(room.doc))).toBe(before);
    const codes = [...observerRun.codes, ...delegateRun.codes];
    expect(codes).toContain(CloseCode.BadMessage);
    expect(codes.every((c) => c === CloseCode.BadMessage || c === CloseCode.TooLarge || c === 1005 || c === 1000)).toBe(true);

    // The server is up and the witness still writes and reads.
    const t = (witness.doc.getXmlFragment("default").get(1) as Y.XmlElement).get(0) as Y.XmlText;
    t.insert(t.length, " (still here)");
    await waitFor(() => h.collab.withRoom(docId, (room) => room.doc.getXmlFragment("default").toString().includes("(still here)")), 5000, "witness edit");
    expect(acceptedProjection(witness.doc)).toBe(h.collab.withRoom(docId, (room) => acceptedProjection(room.doc)));
    witness.destroy();
  }, FRAMES * 12);

  it(`${(FRAMES / 5).toLocaleString("en")} random frames as the chair (who may write): no crash; what was applied is exactly what was stored; clients converge`, async () => {
    const chair = h.person("chair");
    const other = h.person("other chair");
    h.grant(docId, chair.userId, "chair");
    h.grant(docId, other.userId, "chair");
    const witness = h.provider(docId, other.token);
    await waitFor(() => witness.synced, 5000, "witness sync");
    const logBefore = h.logCount(docId);
    const run = await fuzz(chair.token, FRAMES / 5, 13);
    // Some mutated updates are still valid Yjs: the chair's are applied and stored.
    expect(h.logCount(docId)).toBeGreaterThan(logBefore);
    expect(run.processed).toBe(FRAMES / 5);
    const live = h.collab.withRoom(docId, (room) => ({
      sv: Y.encodeStateVector(room.doc),
      text: room.doc.getXmlFragment("default").toString(),
      pending: room.doc.store.pendingStructs !== null || room.doc.store.pendingDs !== null,
    }));
    expect(live.pending).toBe(false);
    // A replay of the stored log gives the live document: nothing applied without being stored.
    const stored = h.updateLog.load(docId);
    const replay = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(replay, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(replay, u.data);
    expect(Buffer.from(Y.encodeStateVector(replay)).equals(Buffer.from(live.sv))).toBe(true);
    expect(replay.getXmlFragment("default").toString()).toBe(live.text);
    // The other chair's client converges on it and still writes.
    await waitFor(() => witness.doc.getXmlFragment("default").toString() === live.text, 5000, "witness converges");
    witness.doc.getXmlFragment("default").insert(0, [new Y.XmlElement("paragraph")]);
    await waitFor(() => h.collab.withRoom(docId, (room) => room.doc.getXmlFragment("default").length) === witness.doc.getXmlFragment("default").length, 5000, "witness edit");
    witness.destroy();
  }, FRAMES * 4);

  it("closes a connection that floods messages (4429); the limit is per connection", async () => {
    await h.close();
    h = await startCollabHarness({ maxMessagesPerSecond: 20 });
    docId = h.createDocument([{ id: "op1", kind: "operative", runs: [{ text: "Text" }] }]);
    const a = h.person("a");
    h.grant(docId, a.userId, "observer");
    const ws = h.raw(docId, a.token);
    await opened(ws);
    const done = closed(ws);
    for (let i = 0; i < 200; i++) ws.send(new Uint8Array([3]), () => {});
    expect((await done).code).toBe(CloseCode.RateLimited);
    const again = h.raw(docId, a.token);
    await opened(again);
    again.close();
  });
});
