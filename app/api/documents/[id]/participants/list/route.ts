import { z } from "zod";
import { body, documentIdOf, json, withUser } from "../../../../_lib/route";

export const dynamic = "force-dynamic";

/** A pasted list of people, one a line (lib/participant-list.ts): 500 lines of about 200 characters at most. */
const List = z.object({ list: z.string().max(128 * 1024) });

/** Grant a role to everyone on a list, creating missing accounts (chair only); their initial passwords come back once. */
export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const id = await documentIdOf(ctx.params);
    const { list } = await body(req, List, 128 * 1024);
    return json(await services.addParticipants(id, user.userId, list));
  });
}
