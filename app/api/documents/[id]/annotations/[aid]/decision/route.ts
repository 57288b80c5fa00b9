import { DecisionBody } from "@/lib/negotiation/schemas";
import { annotationIdOf, body, documentIdOf, json, withUser } from "../../../../../_lib/route";

export const dynamic = "force-dynamic";

/** The chair accepts (an amendment changes the text), rejects (with a reason) or resolves. */
export function POST(req: Request, ctx: { params: Promise<{ id: string; aid: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const input = await body(req, DecisionBody);
    return json(services.negotiation.decide(await documentIdOf(ctx.params), user.userId, await annotationIdOf(ctx.params), input));
  });
}
