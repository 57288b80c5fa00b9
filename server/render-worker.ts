/**
 * The render worker's thread (started by server/renderer.ts): lays out the Word and PDF
 * exports off the event loop that relays keystrokes, one at a time.
 */
import { parentPort } from "node:worker_threads";
import { renderFile } from "./render";
import type { RenderReply, RenderRequest } from "./renderer";

const port = parentPort!;
port.on("message", async ({ id, job }: RenderRequest) => {
  let reply: RenderReply;
  try {
    const body = await renderFile(job);
    reply = { id, body };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply, "body" in reply ? [reply.body.buffer as ArrayBuffer] : []);
});
