import { z } from "zod";
import { documentIdOf, json, withUser } from "../../../_lib/route";

export const dynamic = "force-dynamic";

const Query = z.object({
  from: z.string().min(1).max(40),
  to: z.string().min(1).max(40).default("live"),
});

/** What the compare view shows: paragraph pairs, classification, diff ops, reference changes. */
export function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const url = new URL(req.url);
    const q = Query.parse({ from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined });
    return json(await services.compare.compare(await documentIdOf(ctx.params), user.userId, q.from, q.to));
  });
}
