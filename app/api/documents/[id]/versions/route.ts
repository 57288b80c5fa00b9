import { NewVersionBody } from "@/lib/negotiation/schemas";
import { body, documentIdOf, json, withUser } from "../../../_lib/route";

export const dynamic = "force-dynamic";

/** Versions of the document, newest first; anyone with access. */
export function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => json({ versions: services.versions.list(await documentIdOf(ctx.params), user.userId) }));
}

/** The chair saves the live text as a named, immutable version. */
export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const input = await body(req, NewVersionBody);
    return json(services.versions.create(await documentIdOf(ctx.params), user.userId, input), 201);
  });
}
