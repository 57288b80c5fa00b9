import type { WebSocket } from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { updateMessage } from "../test/collab-harness";

/** Origin of updates a RawClient applies from the server (not re-sent). */
export const REMOTE = Symbol("remote");

/**
 * A y-protocols client over a raw socket whose RECEIVING side the test controls: updates
 * from the server wait in an inbox and are applied when the test says, in any order, and may
 * be applied again later (duplicates). Yjs must hold out-of-order updates pending until their
 * dependencies arrive. Its sending side follows the protocol (the server refuses an update
 * that leaves pending structs, 4400): local edits are sent only after this connection has
 * answered the server's sync step 1 with sync step 2; edits made before that travel in step 2.
 */
export class RawClient {
  readonly doc = new Y.Doc();
  ws: WebSocket | null = null;
  inbox: Uint8Array[] = [];
  history: Uint8Array[] = [];
  /** Updates this client sent (may be re-sent as duplicates once the server has them). */
  sent: Uint8Array[] = [];
  private answeredStep1 = false;
  /** While set, local updates wait here instead of being sent (see sendReversed). */
  private held: Uint8Array[] | null = null;
  /** Close codes of closes the test did not ask for. */
  readonly unexpectedCloses: { code: number; reason: string }[] = [];
  stats = { heldPending: 0, delivered: 0, duplicatesApplied: 0, duplicatesSent: 0, outOfOrder: 0, sentOutOfOrder: 0, connects: 0 };

  constructor(
    readonly name: string,
    private readonly open: () => WebSocket,
  ) {
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      if (this.held) {
        this.held.push(update);
        return;
      }
      if (this.ws && this.ws.readyState === this.ws.OPEN && this.answeredStep1) {
        this.ws.send(updateMessage(update));
        this.sent.push(update);
        if (this.sent.length > 200) this.sent.shift();
      }
    });
  }

  get connected(): boolean {
    return this.ws !== null;
  }

  get ready(): boolean {
    return this.ws !== null && this.ws.readyState === this.ws.OPEN && this.answeredStep1;
  }

  connect(): void {
    if (this.ws) return;
    const ws = this.open();
    this.ws = ws;
    this.answeredStep1 = false;
    this.stats.connects += 1;
    ws.binaryType = "nodebuffer";
    ws.on("error", () => {});
    ws.on("open", () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc));
      ws.send(encoding.toUint8Array(e));
    });
    ws.on("message", (data: Buffer) => {
      if (this.ws !== ws) return;
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== 0) return; // awareness: not under test here
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (sub === 0) {
        ws.send(updateMessage(Y.encodeStateAsUpdate(this.doc, payload), 1));
        this.answeredStep1 = true;
      } else {
        this.inbox.push(payload);
      }
    });
    ws.on("close", (code, reason) => {
      if (this.ws === ws) {
        this.unexpectedCloses.push({ code, reason: reason.toString() });
        this.ws = null;
        this.answeredStep1 = false;
      }
    });
  }

  disconnect(): void {
    const ws = this.ws;
    if (!ws) return;
    this.ws = null;
    this.answeredStep1 = false;
    ws.terminate();
  }

  private apply(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE);
    this.stats.delivered += 1;
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) this.stats.heldPending += 1;
  }

  /** Applies one waiting update chosen at random (out of order when it is not the oldest). */
  deliverOne(rand: () => number): void {
    if (this.inbox.length === 0) return;
    const i = Math.floor(rand() * this.inbox.length);
    if (i > 0) this.stats.outOfOrder += 1;
    const [u] = this.inbox.splice(i, 1);
    this.apply(u!);
    this.history.push(u!);
    if (this.history.length > 200) this.history.shift();
  }

  /** Applies an update delivered earlier once more (a duplicated delivery). */
  redeliver(rand: () => number): void {
    if (this.history.length === 0) return;
    this.apply(this.history[Math.floor(rand() * this.history.length)]!);
    this.stats.duplicatesApplied += 1;
  }

  /** Delivers the whole inbox in a random order. */
  deliverAll(rand: () => number): void {
    while (this.inbox.length) this.deliverOne(rand);
  }

  /**
   * Makes the local edits of `fn` and sends their updates in reverse order: later edits
   * arrive ahead of the ones they depend on (the server drops those and asks for a sync).
   */
  sendReversed(fn: () => void): void {
    if (!this.ready) return fn();
    this.held = [];
    try {
      fn();
    } finally {
      const held = this.held.reverse();
      this.held = null;
      for (const u of held) {
        this.ws!.send(updateMessage(u));
        this.sent.push(u);
      }
      if (held.length > 1) this.stats.sentOutOfOrder += 1;
    }
  }

  /** Re-sends an update the server is known to hold (a duplicate it must treat as a no-op). */
  resend(update: Uint8Array): void {
    if (!this.ready) return;
    this.ws!.send(updateMessage(update));
    this.stats.duplicatesSent += 1;
  }
}
