import { afterEach, describe, expect, it } from "vitest";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import { sendOwnPresenceOnly } from "./own-presence";

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
afterEach(() => providers.splice(0).forEach((p) => p.destroy()));

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
    provider.awareness.setLocalStateField("cursor", { at: 4 });
    expect(sentClients(sent)).toEqual([[provider.awareness.clientID], [provider.awareness.clientID]]);
  });

  it("says when this window leaves, and not when another person's state times out here", () => {
    const { provider, sent, other, otherMoves } = room();
    sendOwnPresenceOnly(provider);
    otherMoves(1);
    provider.awareness.emit("update", [{ added: [], updated: [], removed: [other.clientID] }, "timeout"]);
    expect(sent).toHaveLength(0);
    provider.awareness.setLocalState(null);
    expect(sentClients(sent)).toEqual([[provider.awareness.clientID]]);
  });
});
