import { z } from "zod";
import { lineField } from "@/lib/validation/text";
import { body, documentIdOf, json, withUser } from "../../../_lib/route";

export const dynamic = "force-dynamic";

const NewAccount = z.object({
  email: z.string().trim().email(),
  name: lineField(120, { min: 1 }),
  // better-auth signs in with at most 128 characters (its maxPasswordLength): a longer one could never be used.
  password: z.string().min(8).max(128),
  delegationCode: z.string().trim().min(2).max(12).optional(),
});

/** A chair creates an account (then grants it a role). */
export function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return withUser(req, async ({ services, user }) => {
    const id = await documentIdOf(ctx.params);
    return json(await services.createAccount(id, user.userId, await body(req, NewAccount)), 201);
  });
}
