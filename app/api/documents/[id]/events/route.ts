import { documentIdOf, errorResponse } from "../../../_lib/route";
import { getRuntime } from "@/server/runtime";
import { PlenaryError } from "@/lib/errors";
import { eventStream } from "@/server/event-stream";

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
    const stream = eventStream(services.bus, { documentId, userId: user.userId, sessionId: user.sessionId }, req.signal);
    return new Response(stream, {
      headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive", "X-Accel-Buffering": "no" },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
