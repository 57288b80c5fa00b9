import { z } from "zod";
import { lineField } from "@/lib/validation/text";
import { body, documentIdOf, json, withUser } from "../../../_lib/route";

export const dynamic = "force-dynamic";

// A term needs a letter or a digit: one of punctuation alone ("--", "..") would match all through the text.
const Term = lineField(80, { min: 2 }).refine((t) => /[\p{L}\p{N}]/u.test(t), { message: "a watched term needs a letter or a digit" });
const Terms = z.object({ terms: z.array(Term).max(100) });

/** The terms the reference tracker watches in this document. */
export function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => json({ terms: services.compare.watchedTerms(await documentIdOf(ctx.params), user.userId) }));
}

/** The chair edits them. */
export function PUT(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const { terms } = await body(req, Terms);
    return json({ terms: services.compare.setWatchedTerms(await documentIdOf(ctx.params), user.userId, terms) });
  });
}
