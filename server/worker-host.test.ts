import { describe, expect, it } from "vitest";
import { WorkerHost } from "./worker-host";

/** A worker that answers `{ms, value}` after ms milliseconds, fails `{fail}`, and exits on `{exit}`. */
const ECHO = new URL(
  "data:text/javascript," +
    encodeURIComponent(`
import { parentPort } from "node:worker_threads";
parentPort.on("message", ({ id, request }) => {
  if (request.exit) process.exit(3);
  setTimeout(() => parentPort.postMessage(request.fail ? { id, error: request.fail } : { id, value: request.value }), request.ms ?? 0);
});`),
);

type Req = { ms?: number; value?: string; fail?: string; exit?: boolean };

function host(entry = ECHO, retryAfterMs = 60_000) {
  return new WorkerHost<Req, string>({ name: "test", meanwhile: "work is done in-process", entry, retryAfterMs });
}

describe("WorkerHost", () => {
  it("matches each answer to its request, whatever order they come back in", async () => {
    const h = host();
    try {
      const slow = h.request({ ms: 150, value: "slow" })!;
      const fast = h.request({ ms: 0, value: "fast" })!;
      const order: string[] = [];
      await Promise.all([slow.then((v) => order.push(v)), fast.then((v) => order.push(v))]);
      expect(order).toEqual(["fast", "slow"]);
      expect(h.started).toBe(1);
      expect(h.answered).toBe(2);
    } finally {
      await h.close();
    }
  });

  it("rejects a request the worker failed with its message, and keeps the worker", async () => {
    const h = host();
    try {
      await expect(h.request({ fail: "no such version" })).rejects.toThrow("no such version");
      await expect(h.request({ value: "next" })).resolves.toBe("next");
      expect(h.started).toBe(1);
    } finally {
      await h.close();
    }
  });

  it("rejects what waits when the worker dies, answers null during the pause, then starts a new one", async () => {
    const h = host(ECHO, 300);
    try {
      const waiting = expect(h.request({ ms: 5_000, value: "never" })).rejects.toThrow(/exited with code 3/);
      const killer = expect(h.request({ exit: true })).rejects.toThrow(/exited with code 3/);
      await Promise.all([waiting, killer]);
      expect(h.available).toBe(false);
      expect(h.request({ value: "x" })).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 350));
      await expect(h.request({ value: "again" })).resolves.toBe("again");
      expect(h.started).toBe(2);
    } finally {
      await h.close();
    }
  });

  it("answers null at once when no thread can be made", () => {
    const h = host(new URL("https://example.invalid/worker.mjs"));
    expect(h.request({ value: "x" })).toBeNull();
    expect(h.available).toBe(false);
    expect(h.started).toBe(0);
  });

  it("rejects what waits with the reason it is closed for, and takes nothing after", async () => {
    const h = host();
    const waiting = expect(h.request({ ms: 5_000, value: "never" })).rejects.toThrow("the server is stopping");
    await h.close(new Error("the server is stopping"));
    await waiting;
    expect(h.available).toBe(false);
    expect(h.request({ value: "x" })).toBeNull();
  });
});
