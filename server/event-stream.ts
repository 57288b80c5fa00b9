import type { EventBus, LiveEvent } from "./events";

/** Chunks (events and heartbeats) a window may leave unread before its stream is ended. */
export const MAX_QUEUED_EVENTS = 1000;
const HEARTBEAT_MS = 15_000;

/**
 * One window's server-sent events: every negotiation change of the document, and a reverted
 * edit only to whoever made it; a heartbeat every 15 s. Subscribed until the client goes
 * (`signal`), the bus ends it (role revoked, session ended), or the window stops reading: past
 * `maxQueued` unread chunks the stream is ended with an error, so a suspended laptop or a
 * client that never reads costs a bounded queue (EventSource reconnects when it can).
 */
export function eventStream(
  bus: EventBus,
  who: { documentId: string; userId: string; sessionId: string },
  signal: AbortSignal,
  opts: { maxQueued?: number; heartbeatMs?: number } = {},
): ReadableStream<Uint8Array> {
  const maxQueued = opts.maxQueued ?? MAX_QUEUED_EVENTS;
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if ((controller.desiredSize ?? 0) < -maxQueued) {
          cleanup();
          controller.error(new Error(`the window left more than ${maxQueued} events unread`));
          return;
        }
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = bus.subscribe({
        ...who,
        send: (event: LiveEvent) => {
          // A reverted change is told to the person who made it, not to the room.
          if (event.type === "reverted" && event.userId !== who.userId) return;
          write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        },
        close: () => {
          cleanup();
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        },
      });
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), opts.heartbeatMs ?? HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      write("retry: 1000\nevent: ready\ndata: {}\n\n");
      signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });
}
