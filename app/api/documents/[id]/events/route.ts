import { documentIdOf, errorResponse } from "../../../_lib/route";
import { getRuntime } from "@/server/runtime";
import { PlenaryError } from "@/lib/errors";
import type { LiveEvent } from "@/server/events";

export const dynamic = "force-dynamic";

/**
 * Server-sent events: every negotiation change (annotation, paragraph status, mode) reaches
 * each open window within a second; a reverted edit, only the windows of whoever made it. Ends when the role is revoked
 * or the session ends.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const services = getRuntime();
    const user = await services.session(req.headers);
    if (!user) throw new PlenaryError("unauthenticated", "sign in first");
    const documentId = await documentIdOf(ctx.params);
    services.documentMeta(documentId, user.userId);
    // Refused here, before the stream opens, so the refusal is a plain 429 with its reason.
    services.bus.assertCanSubscribe(user.userId);
    const encoder = new TextEncoder();
    let cleanup = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const write = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            cleanup();
          }
        };
        const unsubscribe = services.bus.subscribe({
          documentId,
          userId: user.userId,
          sessionId: user.sessionId,
          send: (event: LiveEvent) => {
            // A reverted change is told to the person who made it, not to the room.
            if (event.type === "reverted" && event.userId !== user.userId) return;
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
        const heartbeat = setInterval(() => write(": keep-alive\n\n"), 15_000);
        cleanup = () => {
          clearInterval(heartbeat);
          unsubscribe();
        };
        write("retry: 1000\nevent: ready\ndata: {}\n\n");
        req.signal.addEventListener("abort", () => cleanup());
      },
      cancel() {
        cleanup();
      },
    });
    return new Response(stream, {
      headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive", "X-Accel-Buffering": "no" },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
