import { annotationIdOf, documentIdOf, json, withUser } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

export function GET(req: Request, ctx: { params: Promise<{ id: string; aid: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) =>
    json(services.negotiation.get(await documentIdOf(ctx.params), user.userId, await annotationIdOf(ctx.params))),
  );
}
