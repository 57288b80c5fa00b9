import { z } from "zod";
import { documentIdOf, json, withUser } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

const UserId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** Revoke a role: chair only; the person's open sockets on the document are closed. */
export function DELETE(req: Request, ctx: { params: Promise<{ id: string; userId: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const id = await documentIdOf(ctx.params);
    const target = UserId.parse((await ctx.params).userId);
    return json(services.revokeRole(id, user.userId, target));
  });
}
