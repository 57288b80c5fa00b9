import { z } from "zod";
import { body, documentIdOf, json, withUser } from "../../../_lib/route";

export const dynamic = "force-dynamic";

const NewVersion = z.object({
  label: z.string().trim().min(1).max(80),
  note: z.string().trim().max(2_000).optional(),
  symbol: z.string().trim().max(80).optional(),
});

/** Versions of the document, newest first; anyone with access. */
export function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => json({ versions: services.versions.list(await documentIdOf(ctx.params), user.userId) }));
}

/** The chair saves the live text as a named, immutable version. */
export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const input = await body(req, NewVersion);
    return json(services.versions.create(await documentIdOf(ctx.params), user.userId, input), 201);
  });
}
