/**
 * Load generator clients. Readers are raw `ws` sockets speaking the y-protocols sync
 * handshake and decoding every sync message; writers are stock y-websocket
 * WebsocketProviders typing into the `default` XmlFragment. Every edit inserts a marker
 * `@@<writer>.<edit>.<µs>@@` carrying the time it was made on the system's monotonic clock
 * (`process.hrtime`, CLOCK_MONOTONIC, the same in every process of the machine, so writers
 * may run in other processes: writer-child.ts); a reader that finds a marker in a received
 * update records the time since.
 */
import { WebSocket } from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { socketClassWith, type ServerUnderTest } from "./servers";

const MARKER = /@@(\d+)\.(\d+)\.(\d+)@@/g;

/** Microseconds on the system's monotonic clock (comparable across processes). */
export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Shared by all clients of one scenario run (in one process). */
export class Recorder {
  /** Only edits made from this time on (µs, nowUs) are counted: the measurement window. */
  since = Infinity;
  latencies: number[] = [];
  /** Receipts of edits by any client (readers and writers): deliveries. */
  deliveries = 0;
  recording = false;

  /** Scans a Yjs update for edit markers; returns how many it found. */
  receipts(update: Uint8Array, measure: boolean): number {
    if (!this.recording) return 0;
    const text = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString("latin1");
    let found = 0;
    const now = nowUs();
    for (const m of text.matchAll(MARKER)) {
      const sent = Number(m[3]);
      if (sent < this.since) continue;
      found += 1;
      if (measure) this.latencies.push((now - sent) / 1000);
    }
    this.deliveries += found;
    return found;
  }
}

function syncStep1Empty(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(e);
}
const STEP1 = syncStep1Empty();

export interface Reader {
  synced: Promise<void>;
  close(): void;
}

/** A raw-socket reader: sync step 1, then decodes every sync step 2 / update it receives. */
export function openReader(server: ServerUnderTest, room: string, rec: Recorder): Reader {
  const ws = new WebSocket(server.roomUrl(room), { headers: server.headers("reader") });
  ws.binaryType = "nodebuffer";
  let onSynced!: () => void;
  let onFailed!: (err: Error) => void;
  const synced = new Promise<void>((resolve, reject) => {
    onSynced = resolve;
    onFailed = reject;
  });
  ws.on("open", () => ws.send(STEP1));
  ws.on("error", (err) => onFailed(err));
  ws.on("close", (code) => onFailed(new Error(`reader closed ${code}`)));
  ws.on("message", (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (decoding.readVarUint(d) !== 0) return; // awareness
    const sub = decoding.readVarUint(d);
    if (sub === 0) return; // the server's sync step 1
    const update = decoding.readVarUint8Array(d);
    if (sub === 1) onSynced();
    rec.receipts(update, true);
  });
  return { synced, close: () => ws.close() };
}

export interface Writer {
  synced: Promise<void>;
  /** Starts typing: `rate` edits per second, first edit after a random offset. */
  start(rate: number): void;
  stop(): void;
  edits: number;
  close(): void;
}

/** A stock y-websocket client that owns one paragraph and appends marked words to it. */
export function openWriter(server: Pick<ServerUnderTest, "providerUrl" | "headers">, room: string, id: number, rec: Recorder): Writer {
  // Each stock y-websocket provider listens for the process's exit: many at once are expected here, not a leak.
  if (process.getMaxListeners() < 1000) process.setMaxListeners(1000);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.providerUrl, room, doc, {
    WebSocketPolyfill: socketClassWith(server.headers("writer")) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 60_000,
  });
  const fragment = doc.getXmlFragment("default");
  let text: Y.XmlText | null = null;
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === provider) rec.receipts(update, false);
  });
  const synced = new Promise<void>((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off("sync", onSync);
      // Its own paragraph, appended once synced (not timed).
      doc.transact(() => {
        const p = new Y.XmlElement("paragraph");
        p.setAttribute("id", `bench-${id}-${Math.random().toString(36).slice(2)}`);
        text = new Y.XmlText();
        p.insert(0, [text]);
        fragment.push([p]);
      });
      resolve();
    };
    provider.on("sync", onSync);
  });
  let timer: NodeJS.Timeout | null = null;
  const w: Writer = {
    synced,
    edits: 0,
    start(rate) {
      const period = 1000 / rate;
      const first = setTimeout(() => {
        edit();
        timer = setInterval(edit, period);
      }, Math.random() * period);
      timer = first;
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    close() {
      w.stop();
      provider.destroy();
      doc.destroy();
    },
  };
  function edit(): void {
    if (!text) return;
    text.insert(text.length, `@@${id}.${w.edits++}.${nowUs()}@@ `);
  }
  return w;
}
