import { documentIdOf, json, withUser } from "../../../_lib/route";

export const dynamic = "force-dynamic";

/** Open amendments, objections and suggestions, grouped by paragraph in text order. */
export function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => json({ paragraphs: services.negotiation.review(await documentIdOf(ctx.params), user.userId) }));
}
