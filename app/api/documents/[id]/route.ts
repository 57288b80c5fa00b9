import { z } from "zod";
import { DocumentSymbol } from "@/lib/negotiation/schemas";
import { lineField } from "@/lib/validation/text";
import { DETAIL_LIMITS } from "@/server/import-limits";
import { body, documentIdOf, json, withUser } from "../../_lib/route";

export const dynamic = "force-dynamic";

/** Metadata plus the paragraph model rendered from the live Yjs state. */
export function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const id = await documentIdOf(ctx.params);
    return json(services.documentView(id, user.userId));
  });
}

/** An optional fact: "" clears it. */
const optional = (max: number) =>
  lineField(max)
    .optional()
    .transform((s) => (s === undefined ? undefined : s === "" ? null : s));

/** The chair's edit of the document's details; a field left out is kept. */
const Details = z
  .object({
    title: lineField(DETAIL_LIMITS.title, { min: 1 }).optional(),
    symbol: DocumentSymbol.optional(),
    // As long as an imported draft's may be (an edit of another field leaves them alone anyway).
    date: optional(DETAIL_LIMITS.date),
    place: optional(DETAIL_LIMITS.place),
    originalLanguage: optional(DETAIL_LIMITS.originalLanguage),
  })
  .strict();

/** The chair edits the document's title, symbol, date, place or original language (recorded in its log). */
export function PATCH(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const input = await body(req, Details);
    return json(services.negotiation.setDetails(await documentIdOf(ctx.params), user.userId, input));
  });
}
