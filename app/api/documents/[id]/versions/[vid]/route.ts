import { documentIdOf, json, withUser } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

/** One version, read only: metadata and its paragraphs. */
export function GET(req: Request, ctx: { params: Promise<{ id: string; vid: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) =>
    json(services.versions.get(await documentIdOf(ctx.params), user.userId, (await ctx.params).vid)),
  );
}
