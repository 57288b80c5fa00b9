import { describe, expect, it } from "vitest";
import { eventStream } from "./event-stream";
import { EventBus } from "./events";

const WHO = { documentId: "d1", userId: "u1", sessionId: "s1" };

async function readText(reader: ReadableStreamDefaultReader<Uint8Array>, until: string): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(until)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe("eventStream", () => {
  it("sends ready, the document's events, a reverted edit only to its author, and heartbeats; ends when the bus closes it", async () => {
    const bus = new EventBus();
    const stream = eventStream(bus, WHO, new AbortController().signal, { heartbeatMs: 20 });
    const reader = stream.getReader();
    expect(await readText(reader, "event: ready")).toContain("retry: 1000");
    bus.publish("d1", { type: "reverted", userId: "someone-else", reason: "r", lost: "x" });
    bus.publish("d2", { type: "mode", mode: "open_drafting" });
    bus.publish("d1", { type: "mode", mode: "chairs_pen" });
    const text = await readText(reader, "keep-alive");
    expect(text).toContain('event: mode\ndata: {"type":"mode","mode":"chairs_pen"}');
    expect(text).not.toContain("someone-else");
    expect(text).not.toContain("open_drafting");
    bus.closeUser("u1", null, "role revoked");
    expect(await readText(reader, "never")).toContain("event: closed");
    expect(bus.streamsOf("u1")).toBe(0);
  });

  it("a window that reads nothing is ended past the queue limit: its subscription goes, and further events cost nothing", async () => {
    const bus = new EventBus();
    const stream = eventStream(bus, WHO, new AbortController().signal, { maxQueued: 100 });
    for (let i = 0; i < 99; i++) bus.publish("d1", { type: "annotation", annotationId: `a${i}` });
    expect(bus.streamsOf("u1")).toBe(1);
    for (let i = 0; i < 5000; i++) bus.publish("d1", { type: "annotation", annotationId: `b${i}` });
    expect(bus.streamsOf("u1")).toBe(0);
    // The stream is errored: its queue is dropped, and a reader learns why.
    await expect(stream.getReader().read()).rejects.toThrow(/more than 100 events unread/);
  });

  it("the client going away unsubscribes", () => {
    const bus = new EventBus();
    const gone = new AbortController();
    eventStream(bus, WHO, gone.signal);
    expect(bus.streamsOf("u1")).toBe(1);
    gone.abort();
    expect(bus.streamsOf("u1")).toBe(0);
  });
});
