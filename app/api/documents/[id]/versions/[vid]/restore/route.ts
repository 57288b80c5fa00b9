import { documentIdOf, json, withUser } from "../../../../../_lib/route";

export const dynamic = "force-dynamic";

/** The chair restores a version as the live text (the live text is saved as a version first). */
export function POST(req: Request, ctx: { params: Promise<{ id: string; vid: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) =>
    json(services.versions.restore(await documentIdOf(ctx.params), user.userId, (await ctx.params).vid)),
  );
}
