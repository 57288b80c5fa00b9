import { documentIdOf, json, withUser } from "../../_lib/route";

export const dynamic = "force-dynamic";

/** Metadata plus the paragraph model rendered from the live Yjs state. */
export function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const id = await documentIdOf(ctx.params);
    return json(services.documentView(id, user.userId));
  });
}
