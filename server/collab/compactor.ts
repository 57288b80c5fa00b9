import { WorkerHost } from "../worker-host";
import type { BuiltSnapshot } from "./snapshot";

/** What the compaction worker is asked: a snapshot of a document's log up to `uptoSeq`. */
export interface CompactionRequest {
  documentId: string;
  uptoSeq: number;
}

/** The worker's answer: the snapshot, or null when one as new is stored already. */
export type CompactionResult = BuiltSnapshot | null;

const WORKER_ENTRY = new URL("./compaction-worker.mjs", import.meta.url);

/**
 * Builds snapshots of open rooms in a worker thread (server/collab/compaction-worker.ts):
 * replaying and encoding a long document takes tens of milliseconds, which in-process
 * would hold up every keystroke of every room. If the worker cannot start or dies, it is
 * unavailable for `retryAfterMs` and the caller compacts in-process meanwhile (slower,
 * nothing lost); then a new worker is tried (server/worker-host.ts).
 */
export class Compactor {
  private readonly host: WorkerHost<CompactionRequest, CompactionResult>;
  private closed = false;
  /** Snapshots the worker built (the tests read it). */
  built = 0;

  constructor(file: string, entry: URL = WORKER_ENTRY, retryAfterMs = 60_000) {
    this.host = new WorkerHost({ name: "compaction", meanwhile: "snapshots are built in-process", entry, workerData: { file }, retryAfterMs });
  }

  get available(): boolean {
    return this.host.available;
  }

  /** Workers started (the tests read it). */
  get started(): number {
    return this.host.started;
  }

  /**
   * A snapshot of the log up to `uptoSeq`, built in the worker; null when there is nothing
   * to store (a snapshot as new is stored already, or the compactor was closed). Rejects
   * when the worker is unavailable, fails to read the log or dies.
   */
  async build(documentId: string, uptoSeq: number): Promise<BuiltSnapshot | null> {
    const asked = this.host.request({ documentId, uptoSeq });
    if (!asked) throw new Error("the compaction worker is unavailable");
    try {
      const built = await asked;
      if (built) this.built += 1;
      return built;
    } catch (err) {
      // Closed while building: the log holds everything, nothing to store.
      if (this.closed) return null;
      throw err;
    }
  }

  /**
   * Starts the worker now, ahead of the first snapshot, when the server starts rather than
   * in the middle of a session. A worker that cannot start is logged and retried later.
   */
  prestart(): void {
    this.host.prestart();
  }

  /** Stops the worker; snapshots being built are dropped (the log holds everything). */
  async close(): Promise<void> {
    this.closed = true;
    await this.host.close();
  }
}
