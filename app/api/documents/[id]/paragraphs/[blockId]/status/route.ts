import { z } from "zod";
import { ParagraphStatusBody } from "@/lib/negotiation/schemas";
import { body, documentIdOf, json, withUser } from "../../../../../_lib/route";

export const dynamic = "force-dynamic";

const BlockId = z.string().min(1).max(64);

/** The chair sets a paragraph's status: open, bracketed, agreed ad referendum, agreed. */
export function PUT(req: Request, ctx: { params: Promise<{ id: string; blockId: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const blockId = BlockId.parse((await ctx.params).blockId);
    const { status } = await body(req, ParagraphStatusBody);
    return json(services.negotiation.setParagraphStatus(await documentIdOf(ctx.params), user.userId, blockId, status));
  });
}
