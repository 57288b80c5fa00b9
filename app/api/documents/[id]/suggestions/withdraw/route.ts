import { SuggestionWithdrawBody } from "@/lib/negotiation/schemas";
import { body, documentIdOf, json, withUser } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

/** A delegation withdraws its own tracked change, in any mode and any paragraph. */
export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const input = await body(req, SuggestionWithdrawBody);
    return json(services.negotiation.withdrawSuggestion(await documentIdOf(ctx.params), user.userId, input.id));
  });
}
