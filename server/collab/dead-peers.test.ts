/**
 * Peers that stop without saying so. A delegation on hotel Wi-Fi closes its laptop: its socket
 * stays open on the server (no close frame, no reset) and stops reading. The server must not
 * keep the room's traffic for it without bound, nor hold its room, counters and presence
 * until TCP gives up many minutes later.
 */
import type { Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import { loadConfig } from "../config";
import { opened, protocolCast, startCollabHarness, typist, updateMessage, type CollabHarness } from "../test/collab-harness";
import { waitFor } from "../test/temp-dir";
import { encodeAwareness, encodeSyncStep1 } from "./protocol";

let h: CollabHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/**
 * The client stops reading its socket, as a suspended laptop does (nothing is sent back
 * either: no pong). Returns what wakes it up.
 */
function stopReading(ws: WebSocket): () => void {
  const socket = (ws as unknown as { _socket: Socket })._socket;
  socket.pause();
  return () => socket.resume();
}

/** Bytes a socket received, and its largest message. */
function bytesReceived(ws: WebSocket): { bytes: number; largest: number } {
  const r = { bytes: 0, largest: 0 };
  ws.on("message", (data: Buffer) => {
    r.bytes += data.length;
    r.largest = Math.max(r.largest, data.length);
  });
  return r;
}

/** A presence message from a fresh client, and that client's id. */
function presence(): { clientId: number; message: Uint8Array } {
  const aw = new Awareness(new Y.Doc());
  aw.setLocalStateField("cursor", { anchor: 1, head: 1 });
  return { clientId: aw.doc.clientID, message: encodeAwareness(aw, [aw.doc.clientID]) };
}

describe("peers that stop without a goodbye", () => {
  it("a reader that stops reading is dropped once 256 KiB wait for it; what the server holds for it stays bounded and the others get everything", async () => {
    h = await startCollabHarness({ maxBufferedBytes: 256 * 1024 });
    const { docId, alice, olga } = protocolCast(h);
    const hh = h;
    const watcher = hh.person("watcher");
    hh.grant(docId, watcher.userId, "observer");
    const writer = hh.raw(docId, alice.token);
    const stalled = hh.raw(docId, olga.token);
    const healthy = hh.raw(docId, watcher.token);
    await Promise.all([opened(writer), opened(stalled), opened(healthy)]);
    const got = bytesReceived(healthy);
    stopReading(stalled);
    const stalledConn = () => [...(hh.collab.openRoom(docId)?.conns ?? [])].find((c) => c.identity.userId === olga.userId);
    const serverSide = stalledConn()!.ws;

    // 400 edits of 64 KiB (25 MiB): far more than the two kernels' socket buffers hold.
    const t = typist();
    const chunk = "x".repeat(64 * 1024);
    let maxWaiting = 0;
    for (let i = 0; i < 400; i++) {
      writer.send(updateMessage(t.edit(chunk)));
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 5));
      maxWaiting = Math.max(maxWaiting, serverSide.bufferedAmount);
    }
    await waitFor(() => stalledConn() === undefined, 20_000, "the stalled reader dropped");
    await waitFor(() => hh.logCount(docId) === 400, 20_000, "every edit stored");
    // Everyone else got every edit (each ~64 KiB) and is still connected.
    await waitFor(() => got.bytes >= 400 * 64 * 1024, 20_000, "the healthy reader got every edit");
    expect(hh.collab.stats().connections).toBe(2);
    // What waited for the stalled reader never went past the limit plus its largest message
    // (the allowance) plus the one message that found it over (the edits that arrive in one
    // tick go out merged, as one message).
    expect(maxWaiting).toBeLessThanOrEqual(256 * 1024 + 2 * got.largest);
    console.log(`[dead peers] stalled reader: at most ${(maxWaiting / 1024).toFixed(0)} KiB waited for it before it was dropped (largest message ${(got.largest / 1024).toFixed(0)} KiB); the healthy one received ${(got.bytes / 1048576).toFixed(1)} MiB`);
    for (const ws of [writer, healthy, stalled]) ws.terminate();
  }, 90_000);

  it("a client still reading a big document's first sync (16 MiB) is not dropped by the keystrokes that follow it", async () => {
    h = await startCollabHarness({ maxBufferedBytes: 64 * 1024 });
    const { docId, alice, olga } = protocolCast(h);
    const hh = h;
    const big = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("y".repeat(16 * 1024 * 1024))]);
    big.getXmlFragment("default").insert(0, [paragraph]);
    hh.updateLog.append([{ documentId: docId, userId: "seed", delegationId: null, data: Y.encodeStateAsUpdate(big) }]);
    const writer = hh.raw(docId, alice.token);
    const joiner = hh.raw(docId, olga.token);
    await Promise.all([opened(writer), opened(joiner)]);
    const got = bytesReceived(joiner);
    // The joiner asks for everything, then reads nothing for a while (a slow link).
    const wake = stopReading(joiner);
    joiner.send(encodeSyncStep1(new Y.Doc()));
    const joinerConn = () => [...(hh.collab.openRoom(docId)?.conns ?? [])].find((c) => c.identity.userId === olga.userId);
    await waitFor(() => (joinerConn()?.largestSent ?? 0) > 16 * 1024 * 1024, 10_000, "the first sync sent");
    expect(joinerConn()!.ws.bufferedAmount).toBeGreaterThan(64 * 1024);
    // The chair types on; every keystroke is sent to the joiner too.
    const t = typist();
    for (let i = 0; i < 5; i++) {
      writer.send(updateMessage(t.edit(` w${i}`)));
      await waitFor(() => hh.logCount(docId) === 2 + i, 5000, "keystroke stored");
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(joinerConn(), "the joiner is still connected").toBeDefined();
    wake();
    await waitFor(() => got.bytes > 16 * 1024 * 1024 + 5 * 10, 10_000, "the joiner read everything");
    expect(joinerConn()).toBeDefined();
    for (const ws of [writer, joiner]) ws.terminate();
  });

  it("a socket that answers no ping (a half-open connection) is dropped within two intervals: its presence goes, its room unloads; live sockets stay", async () => {
    h = await startCollabHarness({ pingIntervalMs: 200 });
    const { docId, alice, olga } = protocolCast(h);
    const hh = h;
    const gone = hh.raw(docId, olga.token);
    const live = hh.provider(docId, alice.token);
    await opened(gone);
    await waitFor(() => live.synced, 5000, "the live client synced");
    const olgaHere = presence();
    gone.send(olgaHere.message);
    const shown = () => live.awareness.getStates().has(olgaHere.clientId);
    await waitFor(shown, 5000, "Olga's presence shown");
    let liveCloses = 0;
    live.on("connection-close", () => (liveCloses += 1));

    stopReading(gone);
    const stoppedAt = Date.now();
    await waitFor(() => hh.collab.stats().connections === 1, 2000, "the silent socket dropped");
    const after = Date.now() - stoppedAt;
    // Two intervals, and up to one more for the timers of a busy test machine.
    expect(after).toBeLessThan(3 * 200);
    await waitFor(() => !shown(), 2000, "Olga's presence removed for the others");

    // The live client answers every ping (its library does): ten more intervals, still there.
    await new Promise((r) => setTimeout(r, 2000));
    expect(hh.collab.stats().connections).toBe(1);
    expect(liveCloses).toBe(0);
    live.destroy();
    await waitFor(() => hh.collab.stats().rooms === 0, 2000, "the room unloaded");
    gone.terminate();
  });

  it("reads both limits from the environment, with defaults of 30 s and 8 MiB", () => {
    expect(loadConfig({} as NodeJS.ProcessEnv)).toMatchObject({ pingIntervalMs: 30_000, maxBufferedBytes: 8 * 1024 * 1024 });
    expect(loadConfig({ PING_INTERVAL_MS: "5000", MAX_SEND_BUFFER_BYTES: "65536" } as unknown as NodeJS.ProcessEnv)).toMatchObject({ pingIntervalMs: 5000, maxBufferedBytes: 65536 });
  });
});
