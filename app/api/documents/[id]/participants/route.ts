import { z } from "zod";
import { ROLES } from "@/lib/roles";
import { body, documentIdOf, json, withUser } from "../../../_lib/route";

export const dynamic = "force-dynamic";

export function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const id = await documentIdOf(ctx.params);
    return json(services.participants(id, user.userId));
  });
}

const Grant = z.object({
  email: z.string().trim().email(),
  role: z.enum(ROLES),
  delegationCode: z.string().trim().min(2).max(12).optional(),
});

/** Grant (or change) a role to an existing account: chair only. */
export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const id = await documentIdOf(ctx.params);
    return json(services.grantRole(id, user.userId, await body(req, Grant)));
  });
}
