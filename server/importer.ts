import { Worker } from "node:worker_threads";
import { PlenaryError, type ErrorCode } from "../lib/errors";
import { log } from "./log";
import type { ReadDraft } from "./import";

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
}

export type ImportReply = { read: ReadDraft } | { refused: { code: ErrorCode; message: string } } | { error: string };

const WORKER_ENTRY = new URL("./import-worker.mjs", import.meta.url);

export interface ImporterOptions {
  /** The worker's JavaScript heap, in MiB: past it the worker is stopped, not the server. */
  heapMb: number;
  /** How long a draft may take to read before its worker is stopped. */
  timeoutMs: number;
  /** Drafts read at once; more are refused until one is done (the machine has few cores). */
  concurrent: number;
  /** The worker's entry (tests). */
  entry: URL;
}

const DEFAULTS: ImporterOptions = { heapMb: 768, timeoutMs: 60_000, concurrent: 2, entry: WORKER_ENTRY };

/**
 * Reads uploaded drafts (readDraftWithWarnings) each in a worker thread of its own.
 *
 * Reading a Word file is CPU work measured in seconds for a long one (mammoth builds the
 * whole XML tree: about a second per MiB of text), and a crafted one can ask for gigabytes.
 * On the server's own thread either held up every room's keystrokes; a file that ran out of
 * memory would have taken the server down with it. In a worker, the event loop stays free,
 * the heap is capped and the time too: a draft that goes past them is refused with a reason,
 * and the worker is gone with everything it held.
 */
export class Importer {
  private running = 0;
  private readonly opts: ImporterOptions;

  constructor(options: Partial<ImporterOptions> = {}) {
    this.opts = { ...DEFAULTS, ...options };
  }

  async read(fileName: string, bytes: Uint8Array): Promise<ReadDraft> {
    if (this.running >= this.opts.concurrent) throw new PlenaryError("rate_limited", "other drafts are being read; try again in a moment");
    this.running += 1;
    try {
      return await this.inWorker(fileName, bytes);
    } finally {
      this.running -= 1;
    }
  }

  private inWorker(fileName: string, bytes: Uint8Array): Promise<ReadDraft> {
    const { heapMb, timeoutMs, entry } = this.opts;
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const copy = new Uint8Array(bytes);
      const worker = new Worker(entry, {
        workerData: { fileName, bytes: copy } satisfies ImportRequest,
        transferList: [copy.buffer],
        // No execArgv of the parent's (--import tsx, inspector flags): the entry loads tsx itself.
        execArgv: [],
        resourceLimits: { maxOldGenerationSizeMb: heapMb },
      });
      const timer = setTimeout(
        () => settle(() => reject(new PlenaryError("too_large", `the file took more than ${Math.round(timeoutMs / 1000)} s to read; split the draft`))),
        timeoutMs,
      );
      worker.on("message", (reply: ImportReply) =>
        settle(() => {
          if ("read" in reply) resolve(reply.read);
          else if ("refused" in reply) reject(new PlenaryError(reply.refused.code, reply.refused.message));
          else reject(new PlenaryError("bad_request", "the file cannot be read", { cause: new Error(reply.error) }));
        }),
      );
      worker.on("error", (err: Error & { code?: string }) =>
        settle(() => {
          if (err.code === "ERR_WORKER_OUT_OF_MEMORY") {
            log.warn("import refused: the draft's reading ran out of memory", { fileName, bytes: bytes.byteLength, heapMb });
            reject(new PlenaryError("too_large", "the file needs too much memory to read; split the draft"));
          } else {
            log.error("import worker failed", { fileName, err: err.message });
            reject(new PlenaryError("bad_request", "the file cannot be read", { cause: err }));
          }
        }),
      );
      worker.on("exit", (code) => settle(() => reject(new PlenaryError("bad_request", "the file cannot be read", { cause: new Error(`import worker exited with code ${code}`) }))));
    });
  }
}
