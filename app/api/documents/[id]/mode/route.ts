import { ModeBody } from "@/lib/negotiation/schemas";
import { body, documentIdOf, json, withUser } from "../../../_lib/route";

export const dynamic = "force-dynamic";

/** The chair switches between chair's pen and open drafting. */
export function PUT(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const { mode } = await body(req, ModeBody);
    return json(services.negotiation.setMode(await documentIdOf(ctx.params), user.userId, mode));
  });
}
