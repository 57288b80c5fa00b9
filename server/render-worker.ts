/**
 * The render worker's thread (started by server/renderer.ts): lays out the Word and PDF
 * exports and compares versions off the event loop that relays keystrokes, one at a time.
 */
import { parentPort } from "node:worker_threads";
import { runJob, type WorkerJob } from "./render";
import type { RenderResult } from "./renderer";
import { serveRequests } from "./worker-host";

// A file's bytes are moved to the server's thread, not copied.
serveRequests<WorkerJob, RenderResult>(parentPort!, runJob, (value) => (value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : []));
