import { annotationIdOf, documentIdOf, json, withUser } from "../../../../../_lib/route";

export const dynamic = "force-dynamic";

/** The chair takes back a rejection or resolution (not an accepted amendment: it changed the text). */
export function POST(req: Request, ctx: { params: Promise<{ id: string; aid: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => json(services.negotiation.reopen(await documentIdOf(ctx.params), user.userId, await annotationIdOf(ctx.params))));
}
