import { NewAnnotationBody } from "@/lib/negotiation/schemas";
import { body, documentIdOf, json, withUser } from "../../../_lib/route";

export const dynamic = "force-dynamic";

/** Annotations of the document (anchors resolved against the live text), statuses, mode. */
export function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => json(services.negotiation.list(await documentIdOf(ctx.params), user.userId)));
}

/** Object, reserve, support, comment or propose an amendment, as the caller's delegation. */
export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const id = await documentIdOf(ctx.params);
    return json(services.negotiation.create(id, user.userId, await body(req, NewAnnotationBody)), 201);
  });
}
