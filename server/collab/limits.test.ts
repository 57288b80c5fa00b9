import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import { CloseCode } from "../../lib/protocol/close-codes";
import { closed, opened, refusedStatus, startCollabHarness, updateMessage, type CollabHarness } from "../test/collab-harness";
import { heapAfterGc } from "../test/heap";
import { waitFor } from "../test/temp-dir";
import { loadConfig } from "../config";
import { KeyedBuckets, normalizeAddress, type CollabLimitOptions } from "./limits";
import { encodeAwareness } from "./protocol";

let h: CollabHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** A clock the test moves by hand, so no rate test depends on the machine's speed. */
function manualClock() {
  let t = Date.now();
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

async function harness(limits: Partial<CollabLimitOptions>): Promise<CollabHarness> {
  h = await startCollabHarness({ limits });
  return h;
}

/** A raw socket from a chosen loopback address (all of 127.0.0.0/8 is local on Linux). */
function socket(hh: CollabHarness, documentId: string, opts: { token?: string; from?: string; headers?: Record<string, string> } = {}): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${hh.port}/collab/${documentId}`, {
    headers: { ...(opts.token ? { cookie: `token=${opts.token}` } : {}), ...opts.headers },
    localAddress: opts.from ?? "127.0.0.1",
  });
}

/** Counts awareness messages (first byte 1) the server sends to this socket. */
function awarenessReplies(ws: WebSocket): { count: number } {
  const c = { count: 0 };
  ws.on("message", (data: Buffer) => {
    if (data[0] === 1) c.count += 1;
  });
  return c;
}

const QUERY_AWARENESS = new Uint8Array([3]);

function sendMany(ws: WebSocket, n: number, msg: Uint8Array = QUERY_AWARENESS): void {
  for (let i = 0; i < n; i++) ws.send(msg);
}

function awarenessMessage(aw: Awareness): Uint8Array {
  return encodeAwareness(aw, [aw.doc.clientID]);
}

/** The upgrade's outcome: "open" or the HTTP status it was refused with. */
async function outcome(ws: WebSocket): Promise<number | "open"> {
  return new Promise((resolve) => {
    ws.once("open", () => resolve("open"));
    ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.once("error", () => {});
  });
}

describe("KeyedBuckets and addresses (unit)", () => {
  it("takes up to the burst, refills at the rate, drops full buckets and caps the keys", () => {
    const clock = manualClock();
    const b = new KeyedBuckets(10, 20, 3, clock.now);
    for (let i = 0; i < 20; i++) expect(b.take("a")).toBe(true);
    expect(b.take("a")).toBe(false);
    expect(b.empty("a")).toBe(true);
    clock.advance(150); // +1.5 tokens
    expect(b.take("a")).toBe(true);
    expect(b.take("a")).toBe(false);
    // The cap: a fourth key evicts the least recently used one.
    b.take("b");
    b.take("c");
    b.take("d");
    expect(b.size).toBe(3);
    expect(b.empty("a")).toBe(false); // "a" was evicted: a fresh (full) bucket again
    // Refilled buckets are swept: after 2 s every bucket is full, the map empties.
    clock.advance(2000);
    b.take("e");
    expect(b.size).toBe(1);
  });

  it("reads every limit from the environment, with generous defaults", () => {
    expect(loadConfig({} as NodeJS.ProcessEnv).collabLimits).toEqual({
      userMessagesPerSecond: 400,
      awarenessPerSecond: 60,
      unauthenticatedPerMinute: 120,
      socketsPerAddress: 2000,
      documentsPerUser: 20,
      socketsPerUserDocument: 20,
    });
    const env = {
      MAX_USER_MESSAGES_PER_SECOND: "7",
      MAX_AWARENESS_PER_SECOND: "3",
      MAX_UNAUTHENTICATED_UPGRADES_PER_MINUTE: "9",
      MAX_SOCKETS_PER_IP: "11",
      MAX_DOCUMENTS_PER_USER: "2",
      MAX_SOCKETS_PER_USER_DOCUMENT: "4",
    } as unknown as NodeJS.ProcessEnv;
    expect(loadConfig(env).collabLimits).toEqual({
      userMessagesPerSecond: 7,
      awarenessPerSecond: 3,
      unauthenticatedPerMinute: 9,
      socketsPerAddress: 11,
      documentsPerUser: 2,
      socketsPerUserDocument: 4,
    });
    expect(() => loadConfig({ MAX_DOCUMENTS_PER_USER: "0" } as unknown as NodeJS.ProcessEnv)).toThrow(/MAX_DOCUMENTS_PER_USER/);
  });

  it("normalizes addresses: IPv4-mapped to IPv4, IPv6 to its /64", () => {
    expect(normalizeAddress("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("192.168.0.7")).toBe("192.168.0.7");
    expect(normalizeAddress("2001:db8:0:1:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:0:1::/64");
    expect(normalizeAddress("2001:DB8:0:1::5")).toBe("2001:db8:0:1::/64");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
  });
});

describe("limits through the real server", () => {
  it("(a) messages per second per user, across all that user's sockets: 4429", async () => {
    const clock = manualClock();
    const hh = await harness({ userMessagesPerSecond: 20, now: clock.now });
    const doc = hh.createDocument();
    const alice = hh.person("alice");
    const bob = hh.person("bob");
    hh.grant(doc, alice.userId, "delegate");
    hh.grant(doc, bob.userId, "delegate");
    const a1 = socket(hh, doc, { token: alice.token });
    const a2 = socket(hh, doc, { token: alice.token });
    const b1 = socket(hh, doc, { token: bob.token });
    await Promise.all([opened(a1), opened(a2), opened(b1)]);
    const [r1, r2, rb] = [awarenessReplies(a1), awarenessReplies(a2), awarenessReplies(b1)];

    // The burst (2 x 20 = 40) shared by alice's two sockets: all 40 answered.
    sendMany(a1, 25);
    sendMany(a2, 15);
    await waitFor(() => r1.count === 25 && r2.count === 15, 5000, "40 answers");
    // The 41st message from alice, on either socket, closes that socket with 4429, although
    // each socket is far under the per-connection limit (harness: 100,000/s).
    const c2 = closed(a2);
    a2.send(QUERY_AWARENESS);
    const got = await c2;
    expect(got.code).toBe(CloseCode.RateLimited);
    expect(got.reason).toBe("too many messages from this user (all connections)");
    const c1 = closed(a1);
    a1.send(QUERY_AWARENESS);
    expect((await c1).code).toBe(CloseCode.RateLimited);
    expect(r1.count).toBe(25);

    // Bob, on the same document, has his own bucket: 40 messages all answered, still open.
    sendMany(b1, 40);
    await waitFor(() => rb.count === 40, 5000, "bob's answers");
    expect(b1.readyState).toBe(WebSocket.OPEN);

    // One second later alice has 20 tokens again.
    clock.advance(1000);
    const a3 = socket(hh, doc, { token: alice.token });
    await opened(a3);
    const r3 = awarenessReplies(a3);
    sendMany(a3, 20);
    await waitFor(() => r3.count === 20, 5000, "alice after refill");
    expect(a3.readyState).toBe(WebSocket.OPEN);
    a3.close();
    b1.close();
  });

  it("(b) upgrades without a valid session per address: 401 up to the limit, then 429; signed-in users behind the same address still get in", async () => {
    const clock = manualClock();
    const hh = await harness({ unauthenticatedPerMinute: 5, now: clock.now });
    const doc = hh.createDocument();
    const alice = hh.person("alice");
    hh.grant(doc, alice.userId, "delegate");
    const from = "127.0.0.2";

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await refusedStatus(socket(hh, doc, { from })));
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect(await refusedStatus(socket(hh, doc, { from }))).toBe(429);
    // A forged cookie is looked up and refused: 429 as well.
    expect(await refusedStatus(socket(hh, doc, { from, token: "forged" }))).toBe(429);
    // A signed-in delegate behind the same address (conference NAT) is not affected.
    const ok = socket(hh, doc, { from, token: alice.token });
    expect(await outcome(ok)).toBe("open");
    ok.close();
    // Another address has its own count.
    expect(await refusedStatus(socket(hh, doc, { from: "127.0.0.3" }))).toBe(401);
    // Refused origins and malformed paths count too (no session was ever shown).
    const evil = { from: "127.0.0.4", headers: { origin: "https://evil.example" } };
    for (let i = 0; i < 5; i++) expect(await refusedStatus(socket(hh, doc, evil))).toBe(403);
    expect(await refusedStatus(socket(hh, doc, evil))).toBe(429);
    // The bucket refills at 5 per minute: one more attempt after 13 s.
    clock.advance(13_000);
    expect(await refusedStatus(socket(hh, doc, { from }))).toBe(401);
    expect(await refusedStatus(socket(hh, doc, { from }))).toBe(429);
  });

  it("(b) concurrent sockets per address: 429 past the cap until one closes", async () => {
    const hh = await harness({ socketsPerAddress: 3 });
    const doc = hh.createDocument();
    const alice = hh.person("alice");
    const bob = hh.person("bob");
    hh.grant(doc, alice.userId, "delegate");
    hh.grant(doc, bob.userId, "delegate");
    const from = "127.0.0.5";
    const open = [socket(hh, doc, { from, token: alice.token }), socket(hh, doc, { from, token: alice.token }), socket(hh, doc, { from, token: bob.token })];
    await Promise.all(open.map(opened));
    expect(await refusedStatus(socket(hh, doc, { from, token: bob.token }))).toBe(429);
    const elsewhere = socket(hh, doc, { from: "127.0.0.6", token: bob.token });
    expect(await outcome(elsewhere)).toBe("open");
    open[0]!.close();
    await waitFor(() => hh.collab.stats().connections === 3, 5000, "server saw the close");
    const again = socket(hh, doc, { from, token: bob.token });
    expect(await outcome(again)).toBe("open");
    for (const ws of [...open, elsewhere, again]) ws.close();
    await waitFor(() => hh.collab.limits.sizes().addresses === 0, 5000, "all released");
  });

  it("(c) open documents per user and sockets per user per document: 429 at the upgrade, released on close", async () => {
    const hh = await harness({ documentsPerUser: 2, socketsPerUserDocument: 2 });
    const [d1, d2, d3] = [hh.createDocument(), hh.createDocument(), hh.createDocument()];
    const alice = hh.person("alice");
    const bob = hh.person("bob");
    for (const d of [d1, d2, d3]) {
      hh.grant(d, alice.userId, "delegate");
      hh.grant(d, bob.userId, "delegate");
    }
    const a1 = socket(hh, d1, { token: alice.token });
    const a1b = socket(hh, d1, { token: alice.token });
    await Promise.all([opened(a1), opened(a1b)]);
    // Third tab on the same document.
    const a1c = socket(hh, d1, { token: alice.token });
    const refusedBody = new Promise<string>((resolve) =>
      a1c.once("unexpected-response", (_req, res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve(body));
      }),
    );
    a1c.on("error", () => {});
    expect(JSON.parse(await refusedBody)).toEqual({ error: "too many connections to this document (limit 2)" });
    // Second document fine, third refused.
    const a2 = socket(hh, d2, { token: alice.token });
    expect(await outcome(a2)).toBe("open");
    expect(await refusedStatus(socket(hh, d3, { token: alice.token }))).toBe(429);
    // Bob is counted apart.
    const b3 = socket(hh, d3, { token: bob.token });
    expect(await outcome(b3)).toBe("open");
    // Alice closes her second document: the third one opens.
    a2.close();
    await waitFor(() => hh.collab.stats().connections === 3, 5000, "server saw the close");
    const a3 = socket(hh, d3, { token: alice.token });
    expect(await outcome(a3)).toBe("open");
    for (const ws of [a1, a1b, a3, b3]) ws.close();
    await waitFor(() => {
      const s = hh.collab.limits.sizes();
      return s.users === 0 && s.addresses === 0;
    }, 5000, "all released");
  });

  it("(c) a stock y-websocket client refused for too many open documents gets in by itself once one closes", async () => {
    const hh = await harness({ documentsPerUser: 1 });
    const [d1, d2] = [hh.createDocument(), hh.createDocument()];
    const alice = hh.person("alice");
    hh.grant(d1, alice.userId, "delegate");
    hh.grant(d2, alice.userId, "delegate");
    const p1 = hh.provider(d1, alice.token);
    await waitFor(() => p1.synced, 5000, "first document synced");
    const p2 = hh.provider(d2, alice.token);
    const closes: number[] = [];
    p2.on("connection-close", (e: CloseEvent | null) => closes.push(e?.code ?? 0));
    await waitFor(() => closes.length >= 2, 10_000, "two refused attempts");
    expect(p2.synced).toBe(false);
    expect(p2.shouldConnect).toBe(true); // still retrying: a refused upgrade is not a terminal close
    p1.destroy();
    await waitFor(() => p2.synced, 15_000, "second document synced after the first closed");
    p2.destroy();
  }, 30_000);

  it("(d) awareness messages per second per socket: 4429; other messages and other sockets unaffected", async () => {
    const clock = manualClock();
    const hh = await harness({ awarenessPerSecond: 5, now: clock.now });
    const doc = hh.createDocument();
    const alice = hh.person("alice");
    const bob = hh.person("bob");
    hh.grant(doc, alice.userId, "delegate");
    hh.grant(doc, bob.userId, "delegate");
    const a = socket(hh, doc, { token: alice.token });
    const b = socket(hh, doc, { token: bob.token });
    await Promise.all([opened(a), opened(b)]);
    const ra = awarenessReplies(a);
    const rb = awarenessReplies(b);
    // 50 non-awareness messages do not use the presence bucket.
    sendMany(a, 50);
    await waitFor(() => ra.count === 50, 5000, "50 answers");
    // Burst 2 x 5 = 10 presence updates: each relayed to bob.
    const aw = new Awareness(new Y.Doc());
    for (let i = 0; i < 10; i++) {
      aw.setLocalStateField("cursor", i);
      a.send(awarenessMessage(aw));
    }
    await waitFor(() => rb.count === 10, 5000, "10 presence updates at bob");
    expect(hh.collab.openRoom(doc)!.awareness.getStates().get(aw.doc.clientID)).toMatchObject({ cursor: 9 });
    const c = closed(a);
    aw.setLocalStateField("cursor", 10);
    a.send(awarenessMessage(aw));
    const got = await c;
    expect(got.code).toBe(CloseCode.RateLimited);
    expect(got.reason).toBe("too many presence updates");
    // The 11th was not applied; alice's presence is removed when her socket closes.
    await waitFor(() => !hh.collab.openRoom(doc)!.awareness.getStates().has(aw.doc.clientID), 5000, "presence removed");
    expect(b.readyState).toBe(WebSocket.OPEN);
    b.close();
  });
});

describe("a socket the server is closing is heard no more", () => {
  function paragraphUpdate(text: string): Uint8Array {
    const d = new Y.Doc();
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText(text)]);
    d.getXmlFragment("default").insert(0, [p]);
    return updateMessage(Y.encodeStateAsUpdate(d));
  }

  it("an update sent right after a refused frame, or in flight when the role is revoked, is neither applied nor stored", async () => {
    const hh = await harness({});
    const doc = hh.createDocument();
    const chair = hh.person("chair");
    hh.grant(doc, chair.userId, "chair");
    const serverText = () => hh.collab.withRoom(doc, (room) => room.doc.getXmlFragment("default").toString());

    // The control: the same kind of update from an open socket is applied and stored.
    const ok = socket(hh, doc, { token: chair.token });
    await opened(ok);
    ok.send(paragraphUpdate("accepted"));
    await waitFor(() => serverText().includes("accepted"), 5000, "control update");
    const stored = hh.logCount(doc);
    ok.close();

    // A text frame (refused, 4400) followed in the same burst by a valid update.
    const ws = socket(hh, doc, { token: chair.token });
    await opened(ws);
    const c = closed(ws);
    ws.send("not binary");
    ws.send(paragraphUpdate("after refusal"));
    expect((await c).code).toBe(CloseCode.BadMessage);

    // Role revoked while the client is still sending: the close is on its way, the updates arrive after.
    const ws2 = socket(hh, doc, { token: chair.token });
    await opened(ws2);
    const c2 = closed(ws2);
    expect(hh.collab.closeUserSockets(chair.userId, doc, CloseCode.Forbidden, "role revoked")).toBe(1);
    for (let i = 0; i < 5; i++) ws2.send(paragraphUpdate(`after revocation ${i}`));
    expect((await c2).code).toBe(CloseCode.Forbidden);

    expect(serverText()).not.toContain("after");
    expect(hh.logCount(doc)).toBe(stored);
  });
});

describe("(e) memory stays bounded past the limits", () => {
  it("2,000 refused unauthenticated upgrades from 250 addresses: the map holds at most its cap, full buckets are swept, heap bounded", async () => {
    const clock = manualClock();
    const hh = await harness({ unauthenticatedPerMinute: 3, maxTrackedKeys: 100, now: clock.now });
    const doc = hh.createDocument();
    const before = heapAfterGc();
    const counts = { 401: 0, 429: 0, other: 0 };
    let maxSize = 0;
    // 250 addresses x 8 attempts: 3 answered 401, then 429.
    for (let a = 0; a < 250; a++) {
      const from = `127.0.${10 + Math.floor(a / 200)}.${1 + (a % 200)}`;
      const results = await Promise.all(Array.from({ length: 8 }, () => refusedStatus(socket(hh, doc, { from }))));
      for (const s of results) {
        if (s === 401) counts[401] += 1;
        else if (s === 429) counts[429] += 1;
        else counts.other += 1;
      }
      maxSize = Math.max(maxSize, hh.collab.limits.sizes().unauthenticated);
    }
    const after = heapAfterGc();
    expect(counts).toEqual({ 401: 750, 429: 1250, other: 0 });
    expect(maxSize).toBeLessThanOrEqual(100);
    expect(maxSize).toBeGreaterThan(50); // the map was really used
    // A minute later every bucket is full again: the next attempt sweeps them all.
    clock.advance(61_000);
    expect(await refusedStatus(socket(hh, doc, { from: "127.0.0.9" }))).toBe(401);
    expect(hh.collab.limits.sizes().unauthenticated).toBe(1);
    const growth = after - before;
    console.log(`[limits] 2,000 refused upgrades: heap ${(before / 1e6).toFixed(1)} MB -> ${(after / 1e6).toFixed(1)} MB (${(growth / 1e6).toFixed(2)} MB), map peak ${maxSize}`);
    expect(growth).toBeLessThan(8 * 1024 * 1024);
  }, 120_000);

  it("an awareness flood from 20 sockets (10,000 messages): all closed 4429, no presence or counter left, heap bounded", async () => {
    const hh = await harness({ awarenessPerSecond: 5, userMessagesPerSecond: 100_000 });
    const doc = hh.createDocument();
    const people = Array.from({ length: 20 }, (_, i) => hh.person(`p${i}`));
    for (const p of people) hh.grant(doc, p.userId, "delegate");
    const before = heapAfterGc();
    const sockets = people.map((p, i) => socket(hh, doc, { token: p.token, from: `127.0.20.${i + 1}` }));
    await Promise.all(sockets.map(opened));
    const codes = sockets.map(closed);
    for (const ws of sockets) {
      const aw = new Awareness(new Y.Doc());
      for (let i = 0; i < 500; i++) {
        aw.setLocalStateField("cursor", { anchor: i, head: i, pad: "x".repeat(200) });
        ws.send(awarenessMessage(aw), () => {});
      }
    }
    const results = await Promise.all(codes);
    expect(results.every((r) => r.code === CloseCode.RateLimited)).toBe(true);
    await waitFor(() => hh.collab.stats().connections === 0, 5000, "sockets gone");
    expect(hh.collab.openRoom(doc)?.awareness.getStates().size ?? 0).toBe(0);
    expect(hh.collab.limits.sizes()).toMatchObject({ addresses: 0, users: 0 });
    const after = heapAfterGc();
    const growth = after - before;
    console.log(`[limits] awareness flood: heap ${(before / 1e6).toFixed(1)} MB -> ${(after / 1e6).toFixed(1)} MB (${(growth / 1e6).toFixed(2)} MB)`);
    expect(growth).toBeLessThan(8 * 1024 * 1024);
  }, 60_000);
});
