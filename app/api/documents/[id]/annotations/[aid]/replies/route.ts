import { ReplyBody } from "@/lib/negotiation/schemas";
import { annotationIdOf, body, documentIdOf, json, withUser } from "../../../../../_lib/route";

export const dynamic = "force-dynamic";

export function POST(req: Request, ctx: { params: Promise<{ id: string; aid: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const { body: text } = await body(req, ReplyBody);
    return json(services.negotiation.reply(await documentIdOf(ctx.params), user.userId, await annotationIdOf(ctx.params), text), 201);
  });
}
