import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import { PRESENCE_INTERVAL_MS, PRESENCE_RENEW_MS, sendOwnPresenceOnly } from "./own-presence";

/** Client ids named by each awareness message the window sent. */
function sentClients(sent: Uint8Array[]): number[][] {
  return sent.map((message) => {
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(1);
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(update);
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(decoding.readVarUint(update));
      decoding.readVarUint(update);
      decoding.readVarString(update);
    }
    return ids;
  });
}

const providers: WebsocketProvider[] = [];
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  providers.splice(0).forEach((p) => p.destroy());
  vi.useRealTimers();
});

/** The caret each awareness message carried. */
function sentCursors(sent: Uint8Array[]): unknown[] {
  return sent.map((message) => {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    decoding.readVarUint(update);
    decoding.readVarUint(update);
    decoding.readVarUint(update);
    return (JSON.parse(decoding.readVarString(update)) as { cursor?: unknown } | null)?.cursor;
  });
}

/** A provider whose socket is a recorder, as if connected; and another person's awareness. */
function room() {
  const provider = new WebsocketProvider("ws://127.0.0.1:9/collab", "doc", new Y.Doc(), {
    connect: false,
    disableBc: true,
    // Never opened (connect: false); Node 20 has no WebSocket global for the provider to default to.
    WebSocketPolyfill: class {} as unknown as typeof WebSocket,
  });
  providers.push(provider);
  const sent: Uint8Array[] = [];
  provider.ws = { readyState: 1, OPEN: 1, send: (m: Uint8Array) => sent.push(m), close: () => {} } as unknown as WebSocket;
  provider.wsconnected = true;
  // Else the provider's own watchdog "closes" the recorder: nothing received for 30 s.
  provider.wsLastMessageReceived = Date.now();
  const other = new Awareness(new Y.Doc());
  /** The other person moves their caret: the server relays it to this window. */
  const otherMoves = (to: number) => {
    other.setLocalStateField("cursor", { at: to });
    applyAwarenessUpdate(provider.awareness, encodeAwarenessUpdate(other, [other.clientID]), provider);
  };
  return { provider, sent, other, otherMoves };
}

describe("sendOwnPresenceOnly", () => {
  it("does not echo the presence the server relays from others", () => {
    const { provider, sent, otherMoves } = room();
    sendOwnPresenceOnly(provider);
    for (let i = 0; i < 10; i++) otherMoves(i);
    expect(provider.awareness.getStates().size).toBe(2);
    expect(sent).toHaveLength(0);
  });

  it("sends this window's own caret moves, each naming only this window", () => {
    const { provider, sent, otherMoves } = room();
    sendOwnPresenceOnly(provider);
    otherMoves(1);
    provider.awareness.setLocalStateField("cursor", { at: 3 });
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    provider.awareness.setLocalStateField("cursor", { at: 4 });
    expect(sentClients(sent)).toEqual([[provider.awareness.clientID], [provider.awareness.clientID]]);
    expect(sentCursors(sent)).toEqual([{ at: 3 }, { at: 4 }]);
  });

  it("does not announce an unchanged caret again on each remote edit, only renews it before it would time out", () => {
    const { provider, sent } = room();
    sendOwnPresenceOnly(provider);
    provider.awareness.setLocalStateField("cursor", { at: 3 });
    expect(sent).toHaveLength(1);
    // y-tiptap sets the same caret again on every edit that arrives from someone else.
    for (let i = 0; i < 290; i++) {
      vi.advanceTimersByTime(50);
      provider.awareness.setLocalStateField("cursor", { at: 3 });
    }
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(PRESENCE_RENEW_MS - 290 * 50);
    expect(sentCursors(sent)).toEqual([{ at: 3 }, { at: 3 }]);
  });

  it("sends a caret moving fast at most every PRESENCE_INTERVAL_MS, and its last position", () => {
    const { provider, sent } = room();
    sendOwnPresenceOnly(provider);
    // A key held down: 300 moves in a second.
    for (let i = 1; i <= 300; i++) {
      provider.awareness.setLocalStateField("cursor", { at: i });
      vi.advanceTimersByTime(1000 / 300);
    }
    vi.advanceTimersByTime(PRESENCE_INTERVAL_MS);
    expect(sent.length).toBeGreaterThanOrEqual(10);
    expect(sent.length).toBeLessThanOrEqual(1000 / PRESENCE_INTERVAL_MS + 2);
    expect(sentCursors(sent).at(-1)).toEqual({ at: 300 });
    expect(sentCursors(sent)[0]).toEqual({ at: 1 });
  });

  it("says when this window leaves, and not when another person's state times out here", () => {
    const { provider, sent, other, otherMoves } = room();
    sendOwnPresenceOnly(provider);
    otherMoves(1);
    provider.awareness.emit("update", [{ added: [], updated: [], removed: [other.clientID] }, "timeout"]);
    expect(sent).toHaveLength(0);
    provider.awareness.setLocalStateField("cursor", { at: 2 });
    provider.awareness.setLocalStateField("cursor", { at: 5 });
    // Leaving is said at once, not held back behind the caret move waiting to be sent.
    provider.awareness.setLocalState(null);
    expect(sentClients(sent)).toEqual([[provider.awareness.clientID], [provider.awareness.clientID]]);
    expect(sentCursors(sent)).toEqual([{ at: 2 }, undefined]);
    vi.advanceTimersByTime(PRESENCE_RENEW_MS * 2);
    expect(sent).toHaveLength(2);
  });
});
