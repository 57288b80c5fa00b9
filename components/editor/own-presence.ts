import * as encoding from "lib0/encoding";
import { encodeAwarenessUpdate } from "y-protocols/awareness";
import type { WebsocketProvider } from "y-websocket";

/** y-protocols' awareness message type (y-websocket's messageAwareness). */
const MESSAGE_AWARENESS = 1;

/** At most one presence message per this many milliseconds (the server allows 60 a second). */
export const PRESENCE_INTERVAL_MS = 100;
/**
 * An unchanged presence is sent again after this long, so that the others do not time it
 * out (y-protocols drops a state not renewed for 30 s; its own renewal is every 15 s).
 */
export const PRESENCE_RENEW_MS = 15_000;

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Sends only this window's own presence (caret, selection, leaving) to the server, only when
 * it changed, and at most every PRESENCE_INTERVAL_MS (the latest state, once the interval is
 * over).
 *
 * The stock provider sends every change of its awareness, including the other people's
 * states it has just received from the server: each window echoed everyone's caret moves
 * back. The server drops the echoes (a window speaks only for itself) but counts them
 * against the window's presence limit: in a room of 40 where 20 people type, each window
 * echoed 80 presence messages a second and the server closed every socket (4429, "too many
 * presence updates") within seconds. Others' states that time out here are the server's
 * to remove, not ours to announce.
 *
 * The caret plugin (y-tiptap) also sets this window's caret again, unchanged, on every edit
 * that arrives from someone else: a window whose caret stands still announced it once per
 * keystroke in the room. And a caret dragged across a paragraph, or a key held down, moves
 * it more often than anyone can follow.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider, now: () => number = Date.now): () => void {
  const { awareness } = provider;
  awareness.off("update", provider._awarenessUpdateHandler);
  let lastSent: string | null = null;
  let lastSentAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const send = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    const own = awareness.clientID;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [own]));
    ws.send(encoding.toUint8Array(encoder));
    lastSent = JSON.stringify(awareness.getLocalState());
    lastSentAt = now();
  };
  const sendAt = (at: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(send, Math.max(0, at - now()));
  };

  const handleUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    if (origin === provider) return;
    const own = awareness.clientID;
    if (![added, updated, removed].some((ids) => ids.includes(own))) return;
    const state = awareness.getLocalState();
    // Leaving is said at once.
    if (state === null) return send();
    const changed = JSON.stringify(state) !== lastSent;
    if (!changed) {
      // Unchanged: only its renewal is due, PRESENCE_RENEW_MS after the last one sent.
      if (!timer) sendAt(lastSentAt + PRESENCE_RENEW_MS);
      return;
    }
    const due = lastSentAt + PRESENCE_INTERVAL_MS;
    if (now() >= due) send();
    else sendAt(due);
  };
  awareness.on("update", handleUpdate);
  return () => {
    awareness.off("update", handleUpdate);
    if (timer) clearTimeout(timer);
  };
}
