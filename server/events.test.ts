import { describe, expect, it } from "vitest";
import { isPlenaryError } from "../lib/errors";
import { EventBus, type LiveEvent } from "./events";

function subscriber(userId: string, documentId = "d1") {
  const received: LiveEvent[] = [];
  let closed = false;
  return {
    sub: { documentId, userId, sessionId: `s-${userId}`, send: (e: LiveEvent) => received.push(e), close: () => (closed = true) },
    received,
    closed: () => closed,
  };
}

describe("EventBus", () => {
  it("holds at most the limit of streams per person, all documents together; one more is refused with 429", () => {
    const bus = new EventBus(2);
    bus.subscribe(subscriber("u1", "d1").sub);
    const second = bus.subscribe(subscriber("u1", "d2").sub);
    let refusal: unknown = null;
    try {
      bus.subscribe(subscriber("u1", "d3").sub);
    } catch (err) {
      refusal = err;
    }
    expect(isPlenaryError(refusal) && refusal.status).toBe(429);
    expect((refusal as Error).message).toBe("too many open windows (limit 2); close one and reload");
    // Someone else is not affected.
    bus.subscribe(subscriber("u2").sub);
    expect(bus.streamsOf("u2")).toBe(1);
    // A closed window frees its place; unsubscribing twice does not free two.
    second();
    second();
    expect(bus.streamsOf("u1")).toBe(1);
    bus.subscribe(subscriber("u1", "d3").sub);
    expect(() => bus.assertCanSubscribe("u1")).toThrow(/too many open windows/);
  });

  it("frees the places of the streams it ends (role revoked, session ended)", () => {
    const bus = new EventBus(1);
    const a = subscriber("u1");
    bus.subscribe(a.sub);
    bus.closeUser("u1", null, "role revoked");
    expect(a.closed()).toBe(true);
    expect(a.received).toEqual([{ type: "closed", reason: "role revoked" }]);
    expect(bus.streamsOf("u1")).toBe(0);
    const b = subscriber("u1");
    bus.subscribe(b.sub);
    bus.closeSessionsNotIn(new Set());
    expect(b.closed()).toBe(true);
    expect(bus.streamsOf("u1")).toBe(0);
  });

  it("delivers an event to the document's subscribers only", () => {
    const bus = new EventBus();
    const on1 = subscriber("u1", "d1");
    const on2 = subscriber("u2", "d2");
    bus.subscribe(on1.sub);
    bus.subscribe(on2.sub);
    bus.publish("d1", { type: "mode", mode: "open_drafting" });
    expect(on1.received).toEqual([{ type: "mode", mode: "open_drafting" }]);
    expect(on2.received).toEqual([]);
  });
});
