/**
 * The render worker's thread (started by server/renderer.ts): lays out the Word and PDF
 * exports and compares versions off the event loop that relays keystrokes, one at a time.
 */
import { parentPort } from "node:worker_threads";
import { runJob } from "./render";
import type { RenderReply, RenderRequest } from "./renderer";

const port = parentPort!;
port.on("message", async ({ id, job }: RenderRequest) => {
  let reply: RenderReply;
  try {
    reply = { id, value: await runJob(job) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply, "value" in reply && reply.value instanceof Uint8Array ? [reply.value.buffer as ArrayBuffer] : []);
});
