import { SuggestionDecisionBody } from "@/lib/negotiation/schemas";
import { body, documentIdOf, json, withUser } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

/** The chair accepts or rejects tracked suggestions: one, a paragraph's, or a delegation's. */
export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const input = await body(req, SuggestionDecisionBody);
    return json(services.negotiation.decideSuggestions(await documentIdOf(ctx.params), user.userId, input));
  });
}
