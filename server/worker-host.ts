import { Worker, type MessagePort } from "node:worker_threads";
import { log } from "./log";

/** What a host sends its worker: a request and the id its answer comes back with. */
export interface WorkerRequest<Req> {
  id: number;
  request: Req;
}

/** What a worker answers: the value, or why it failed (an Error does not cross threads whole). */
export type WorkerReply<Res> = { id: number; value: Res } | { id: number; error: string };

export interface WorkerHostOptions {
  /** For the log: "render", "compaction". */
  name: string;
  /** What the caller does while no worker is available, for the log ("exports are laid out in-process"). */
  meanwhile: string;
  entry: URL;
  workerData?: unknown;
  /** After a worker failed (or could not start), none is tried for this long. */
  retryAfterMs: number;
}

/**
 * One long-lived worker thread that answers requests by id, started on the first request
 * (or `prestart`), unref'd so it never keeps the process alive. If it cannot start or dies,
 * the requests waiting are rejected, no worker is available for `retryAfterMs` (the caller
 * does the work in-process meanwhile, slower for the others, nothing refused) and then a
 * new one is tried. Used by the Renderer (exports, comparisons) and the Compactor
 * (snapshots of open rooms): work that in-process would hold up every room's keystrokes.
 */
export class WorkerHost<Req, Res> {
  private worker: Worker | null = null;
  /** When the last worker failed (0: none did). */
  private failedAt = 0;
  private closed = false;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: Res) => void; reject: (err: Error) => void }>();
  /** Workers started (the tests and the server's stats read it). */
  started = 0;
  /** Requests the worker answered with a value. */
  answered = 0;

  constructor(private readonly opts: WorkerHostOptions) {}

  /** Whether a request would go to a worker now (false while closed or in the pause after a failure). */
  get available(): boolean {
    return !this.closed && (this.failedAt === 0 || Date.now() - this.failedAt >= this.opts.retryAfterMs);
  }

  /**
   * The worker's answer to `request`, or null when no worker is available (the caller does
   * the work itself). Rejects when the worker fails it, dies, or the host is closed first.
   */
  request(request: Req): Promise<Res> | null {
    const worker = this.start();
    if (!worker) return null;
    const id = this.nextId++;
    return new Promise<Res>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, request } satisfies WorkerRequest<Req>);
    });
  }

  /**
   * Starts the worker now, ahead of the first request: booting one (a V8 isolate loading its
   * modules) costs about half a second of CPU, better spent when the server starts than in
   * the middle of a session. One that cannot start is logged and retried after the pause.
   */
  prestart(): void {
    this.start();
  }

  /** Stops the worker; the requests waiting are rejected with `reason`. */
  async close(reason: Error = new Error(`the ${this.opts.name} worker was stopped`)): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.closed = true;
    this.rejectAll(reason);
    if (worker) await worker.terminate();
  }

  private start(): Worker | null {
    if (this.worker) return this.worker;
    if (!this.available) return null;
    let worker: Worker;
    try {
      // No execArgv of the parent's (--import tsx, inspector flags): the entry loads tsx itself.
      worker = new Worker(this.opts.entry, { workerData: this.opts.workerData, execArgv: [] });
    } catch (err) {
      // No thread could be made (a process or memory limit): in-process for a while.
      this.failedAt = Date.now();
      log.error(`${this.opts.name} worker could not start; ${this.opts.meanwhile} for now`, { err: err instanceof Error ? err.message : String(err), retryAfterMs: this.opts.retryAfterMs });
      return null;
    }
    this.started += 1;
    worker.on("message", (reply: WorkerReply<Res>) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if ("error" in reply) waiting.reject(new Error(reply.error));
      else {
        this.answered += 1;
        waiting.resolve(reply.value);
      }
    });
    const failed = (err: Error) => {
      if (this.worker !== worker) return;
      log.error(`${this.opts.name} worker stopped; ${this.opts.meanwhile} for now`, { err: err.message, retryAfterMs: this.opts.retryAfterMs });
      this.worker = null;
      this.failedAt = Date.now();
      this.rejectAll(err);
    };
    worker.on("error", failed);
    worker.on("exit", (code) => failed(new Error(`${this.opts.name} worker exited with code ${code}`)));
    // After the listeners: adding a "message" listener refs the worker again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private rejectAll(err: Error): void {
    for (const { reject } of this.waiting.values()) reject(err);
    this.waiting.clear();
  }
}

/**
 * A worker thread's side: answers each request with `handle`'s value (transferring what
 * `transfer` lists), or with its error's message.
 */
export function serveRequests<Req, Res>(
  port: MessagePort,
  handle: (request: Req) => Res | Promise<Res>,
  transfer: (value: Res) => ArrayBuffer[] = () => [],
): void {
  port.on("message", async ({ id, request }: WorkerRequest<Req>) => {
    let reply: WorkerReply<Res>;
    let moved: ArrayBuffer[] = [];
    try {
      const value = await handle(request);
      reply = { id, value };
      moved = transfer(value);
    } catch (err) {
      reply = { id, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply, moved);
  });
}
