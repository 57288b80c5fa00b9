import * as encoding from "lib0/encoding";
import { encodeAwarenessUpdate } from "y-protocols/awareness";
import type { WebsocketProvider } from "y-websocket";

/** y-protocols' awareness message type (y-websocket's messageAwareness). */
const MESSAGE_AWARENESS = 1;

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Sends only this window's own presence (caret, selection, leaving) to the server.
 *
 * The stock provider sends every change of its awareness, including the other people's
 * states it has just received from the server: each window echoed everyone's caret moves
 * back. The server drops the echoes (a window speaks only for itself) but counts them
 * against the window's presence limit: in a room of 40 where 20 people type, each window
 * echoed 80 presence messages a second and the server closed every socket (4429, "too many
 * presence updates") within seconds. Others' states that time out here are the server's
 * to remove, not ours to announce.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider;
  awareness.off("update", provider._awarenessUpdateHandler);
  const handleUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    if (origin === provider) return;
    const own = awareness.clientID;
    if (![added, updated, removed].some((ids) => ids.includes(own))) return;
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [own]));
    ws.send(encoding.toUint8Array(encoder));
  };
  awareness.on("update", handleUpdate);
  return () => awareness.off("update", handleUpdate);
}
