import { z } from "zod";
import { documentIdOf, json, withUser } from "../../../_lib/route";

export const dynamic = "force-dynamic";

const Version = z.string().min(1).max(40).default("live");

/** Per paragraph, each reference found: kind, canonical form, the text as written. */
export function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const version = Version.parse(new URL(req.url).searchParams.get("version") ?? undefined);
    return json(services.compare.references(await documentIdOf(ctx.params), user.userId, version));
  });
}
