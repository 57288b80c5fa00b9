import { createHash } from "node:crypto";
import { PlenaryError } from "../lib/errors";
import type { ComparableParagraph, CompareResult } from "../lib/diff";
import { runJob, type RenderJob, type WorkerJob } from "./render";
import { WorkerHost } from "./worker-host";

/** What the render worker answers: a file, or a comparison. */
export type RenderResult = Uint8Array | CompareResult;

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
  private readonly host: WorkerHost<WorkerJob, RenderResult>;
  private queued = 0;
  private readonly opts: RendererOptions;
  /** The last results, by a hash of their job (oldest first). */
  private readonly results = new Map<string, Promise<RenderResult>>();

  constructor(options: Partial<RendererOptions> = {}) {
    this.opts = { ...DEFAULTS, ...options };
    this.host = new WorkerHost({ name: "render", meanwhile: "exports are laid out in-process", entry: this.opts.entry, retryAfterMs: this.opts.retryAfterMs });
  }

  /** Jobs the worker did (the tests read it). */
  get rendered(): number {
    return this.host.answered;
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
  private run(job: WorkerJob): Promise<RenderResult> {
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

  private async runNew(job: WorkerJob): Promise<RenderResult> {
    if (this.queued >= this.opts.maxQueued) throw new PlenaryError("rate_limited", "many exports are being prepared; try again in a moment");
    this.queued += 1;
    try {
      const asked = this.host.request(job);
      if (!asked) return await runJob(job);
      return await asked.catch((err: Error) => {
        throw err instanceof PlenaryError ? err : new PlenaryError("internal", "the export could not be prepared; try again", { cause: err });
      });
    } finally {
      this.queued -= 1;
    }
  }

  /** Stops the worker; files being laid out are refused. */
  async close(): Promise<void> {
    await this.host.close(new PlenaryError("internal", "the server is stopping"));
  }
}
