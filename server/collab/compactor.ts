import { Worker } from "node:worker_threads";
import { log } from "../log";
import type { BuiltSnapshot } from "./snapshot";

export interface CompactionRequest {
  id: number;
  documentId: string;
  uptoSeq: number;
}

export type CompactionReply = { id: number; built: BuiltSnapshot } | { id: number; stale: true } | { id: number; error: string };

const WORKER_ENTRY = new URL("./compaction-worker.mjs", import.meta.url);

/**
 * Builds snapshots of open rooms in a worker thread (server/collab/compaction-worker.ts):
 * replaying and encoding a long document takes tens of milliseconds, which in-process
 * would hold up every keystroke of every room. If the worker cannot start or dies, it is
 * unavailable for `retryAfterMs` and the caller compacts in-process meanwhile (slower,
 * nothing lost); then a new worker is tried.
 */
export class Compactor {
  private worker: Worker | null = null;
  /** When the last worker failed (0: none did). */
  private failedAt = 0;
  private closed = false;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (built: BuiltSnapshot | null) => void; reject: (err: Error) => void }>();
  /** Snapshots the worker built (the tests read it). */
  built = 0;
  /** Workers started (the tests read it). */
  started = 0;

  constructor(
    private readonly file: string,
    private readonly entry: URL = WORKER_ENTRY,
    private readonly retryAfterMs = 60_000,
  ) {}

  get available(): boolean {
    return !this.closed && (this.failedAt === 0 || Date.now() - this.failedAt >= this.retryAfterMs);
  }

  /**
   * A snapshot of the log up to `uptoSeq`, built in the worker; null when there is nothing
   * to store (a snapshot as new is stored already, or the compactor was closed). Rejects
   * when the worker cannot start, fails to read the log or dies.
   */
  build(documentId: string, uptoSeq: number): Promise<BuiltSnapshot | null> {
    let worker: Worker;
    try {
      worker = this.start();
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, documentId, uptoSeq } satisfies CompactionRequest);
    });
  }

  /**
   * Starts the worker now, ahead of the first snapshot: booting it (a V8 isolate loading
   * the TypeScript modules) costs about half a second of CPU, better spent when the server
   * starts than in the middle of a session, where it would compete with the event loop for
   * the cores. A worker that cannot start is logged and retried on the first snapshot.
   */
  prestart(): void {
    if (this.worker || !this.available) return;
    try {
      this.start();
    } catch {
      // Logged by start(); snapshots are built in-process meanwhile.
    }
  }

  /** Stops the worker; snapshots being built are dropped (the log holds everything). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.closed = true;
    this.settleAll(null);
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    if (!this.available) throw new Error("the compaction worker is unavailable");
    let worker: Worker;
    try {
      // No execArgv of the parent's (--import tsx, --input-type, inspector flags): the entry loads tsx itself.
      worker = new Worker(this.entry, { workerData: { file: this.file }, execArgv: [] });
    } catch (err) {
      // No thread could be made (a process or memory limit): in-process for a while.
      this.failedAt = Date.now();
      log.error("compaction worker could not start; snapshots are built in-process for now", { err: err instanceof Error ? err.message : String(err), retryAfterMs: this.retryAfterMs });
      throw err;
    }
    this.started += 1;
    worker.on("message", (reply: CompactionReply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if ("error" in reply) waiting.reject(new Error(reply.error));
      else if ("stale" in reply) waiting.resolve(null);
      else {
        this.built += 1;
        waiting.resolve(reply.built);
      }
    });
    const fail = (err: Error) => {
      if (this.worker !== worker) return;
      log.error("compaction worker stopped; snapshots are built in-process for now", { err: err.message, retryAfterMs: this.retryAfterMs });
      this.worker = null;
      this.failedAt = Date.now();
      this.settleAll(err);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`compaction worker exited with code ${code}`)));
    // After the listeners: adding a "message" listener refs the worker again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settleAll(err: Error | null): void {
    for (const { resolve, reject } of this.waiting.values()) {
      if (err) reject(err);
      else resolve(null);
    }
    this.waiting.clear();
  }
}
