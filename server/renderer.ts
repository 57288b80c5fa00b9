import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";
import { PlenaryError } from "../lib/errors";
import { log } from "./log";
import type { ComparableParagraph, CompareResult } from "../lib/diff";
import { runJob, type RenderJob, type WorkerJob } from "./render";

export interface RenderRequest {
  id: number;
  job: WorkerJob;
}

export type RenderReply = { id: number; value: Uint8Array | CompareResult } | { id: number; error: string };

const WORKER_ENTRY = new URL("./render-worker.mjs", import.meta.url);

export interface RendererOptions {
  /** Jobs (files, comparisons) waiting or running at most; more are refused until some are done. */
  maxQueued: number;
  /** Results kept for identical jobs (the end of a session: every delegation exports the same version). */
  cached: number;
  /** After the worker failed, files are laid out in-process for this long, then a new worker is tried. */
  retryAfterMs: number;
  /** The worker's entry (tests). */
  entry: URL;
}

const DEFAULTS: RendererOptions = { maxQueued: 32, cached: 16, retryAfterMs: 60_000, entry: WORKER_ENTRY };

/**
 * Lays out Word and PDF exports in a worker thread. A 300-paragraph report's PDF took about
 * 0.7 s of the server's thread and its compilation about 1 s: every room's keystrokes waited
 * behind each export, and a dozen delegations exporting the final text at the end of a
 * session froze the room for as many seconds. Comparing two versions is done there too
 * (35–440 ms for that report, up to its 3 s budget for long rewritten paragraphs). In the
 * worker, these queue behind each other instead. If the worker cannot start or dies, they
 * run in-process for a while (slower for the others, nothing refused), then a new worker
 * is tried.
 */
export class Renderer {
  private worker: Worker | null = null;
  private failedAt = 0;
  private closed = false;
  private nextId = 1;
  private queued = 0;
  private readonly waiting = new Map<number, { resolve: (value: Uint8Array | CompareResult) => void; reject: (err: Error) => void }>();
  private readonly opts: RendererOptions;
  /** Jobs the worker did (the tests read it). */
  rendered = 0;
  /** The last results, by a hash of their job (oldest first). */
  private readonly results = new Map<string, Promise<Uint8Array | CompareResult>>();

  constructor(options: Partial<RendererOptions> = {}) {
    this.opts = { ...DEFAULTS, ...options };
  }

  /** A Word or PDF file laid out. */
  async render(job: RenderJob): Promise<Uint8Array> {
    return (await this.run(job)) as Uint8Array;
  }

  /** Two versions compared (compareParagraphs). */
  async compare(from: ComparableParagraph[], to: ComparableParagraph[]): Promise<CompareResult> {
    return (await this.run({ format: "compare", from, to })) as CompareResult;
  }

  /**
   * A job's result: the one kept for an identical job (same text, positions and format: the
   * job holds everything its file is made of), or a new one, kept. One being made is shared.
   */
  private run(job: WorkerJob): Promise<Uint8Array | CompareResult> {
    const key = createHash("sha256").update(JSON.stringify(job)).digest("base64");
    const kept = this.results.get(key);
    if (kept) {
      this.results.delete(key);
      this.results.set(key, kept);
      return kept;
    }
    const result = this.runNew(job);
    if (this.opts.cached > 0) {
      this.results.set(key, result);
      for (const oldest of this.results.keys()) {
        if (this.results.size <= this.opts.cached) break;
        this.results.delete(oldest);
      }
      // A job that failed is not kept: the next request tries again.
      result.catch(() => {
        if (this.results.get(key) === result) this.results.delete(key);
      });
    }
    return result;
  }

  private async runNew(job: WorkerJob): Promise<Uint8Array | CompareResult> {
    if (this.queued >= this.opts.maxQueued) throw new PlenaryError("rate_limited", "many exports are being prepared; try again in a moment");
    this.queued += 1;
    try {
      const worker = this.start();
      if (!worker) return await runJob(job);
      return await new Promise<Uint8Array | CompareResult>((resolve, reject) => {
        const id = this.nextId++;
        this.waiting.set(id, { resolve, reject });
        worker.postMessage({ id, job } satisfies RenderRequest);
      });
    } finally {
      this.queued -= 1;
    }
  }

  /** Stops the worker; files being laid out are refused. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.closed = true;
    this.fail(new Error("the server is stopping"));
    if (worker) await worker.terminate();
  }

  /** The worker, started if needed; null while it is unavailable (in-process meanwhile). */
  private start(): Worker | null {
    if (this.worker) return this.worker;
    if (this.closed) throw new PlenaryError("internal", "the server is stopping");
    if (this.failedAt !== 0 && Date.now() - this.failedAt < this.opts.retryAfterMs) return null;
    let worker: Worker;
    try {
      // No execArgv of the parent's (--import tsx, inspector flags): the entry loads tsx itself.
      worker = new Worker(this.opts.entry, { execArgv: [] });
    } catch (err) {
      this.failedAt = Date.now();
      log.error("render worker could not start; exports are laid out in-process for now", { err: err instanceof Error ? err.message : String(err) });
      return null;
    }
    worker.on("message", (reply: RenderReply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if ("error" in reply) waiting.reject(new Error(reply.error));
      else {
        this.rendered += 1;
        waiting.resolve(reply.value);
      }
    });
    const failed = (err: Error) => {
      if (this.worker !== worker) return;
      log.error("render worker stopped; exports are laid out in-process for now", { err: err.message, retryAfterMs: this.opts.retryAfterMs });
      this.worker = null;
      this.failedAt = Date.now();
      this.fail(new PlenaryError("internal", "the export could not be prepared; try again", { cause: err }));
    };
    worker.on("error", failed);
    worker.on("exit", (code) => failed(new Error(`render worker exited with code ${code}`)));
    // After the listeners: adding a "message" listener refs the worker again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private fail(err: Error): void {
    for (const { reject } of this.waiting.values()) reject(err);
    this.waiting.clear();
  }
}
