import { annotationIdOf, documentIdOf, json, withUser } from "../../../../../_lib/route";

export const dynamic = "force-dynamic";

/** The caller's delegation joins the annotation as co-sponsor. */
export function POST(req: Request, ctx: { params: Promise<{ id: string; aid: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) =>
    json(services.negotiation.cosponsor(await documentIdOf(ctx.params), user.userId, await annotationIdOf(ctx.params)), 201),
  );
}

/** The caller's delegation withdraws its co-sponsorship (the annotation must still be open). */
export function DELETE(req: Request, ctx: { params: Promise<{ id: string; aid: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) =>
    json(services.negotiation.uncosponsor(await documentIdOf(ctx.params), user.userId, await annotationIdOf(ctx.params))),
  );
}
