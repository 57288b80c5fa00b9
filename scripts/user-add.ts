import { parseArgs } from "node:util";
import { z } from "zod";
import { createAccount } from "../server/auth";
import { delegationByCode } from "../server/db/delegations";
import { setUserDelegation, userByEmail } from "../server/db/users";
import { openStandalone } from "../server/standalone";
import { registerDelegations } from "../seeds/seed";

/**
 * `npm run user:add -- --email a@b.org --name "..." --delegation ALB [--password ...]`
 * Creates an account; without --password a random one is generated and printed once.
 */
const Args = z.object({
  email: z.string().email(),
  name: z.string().min(1).optional(),
  delegation: z.string().min(2).optional(),
  password: z.string().min(8).max(128).optional(),
});

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    delegation: { type: "string" },
    password: { type: "string" },
  },
});
const parsed = Args.safeParse(values);
if (!parsed.success) {
  console.error(`user:add: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`);
  process.exit(2);
}
const args = parsed.data;
const rt = await openStandalone();
try {
  // A database the server has not started on since the list of delegations grew lacks some.
  registerDelegations(rt.db);
  if (userByEmail(rt.db, args.email)) throw new Error(`an account for ${args.email} already exists`);
  const delegation = args.delegation ? delegationByCode(rt.db, args.delegation) : undefined;
  if (args.delegation && !delegation) throw new Error(`no delegation with code ${args.delegation}`);
  const password = args.password ?? crypto.randomUUID();
  const id = await createAccount(rt.auth, { email: args.email, name: args.name ?? args.email, password });
  if (delegation) setUserDelegation(rt.db, id, delegation.id);
  console.log(`created ${args.email}${delegation ? ` (${delegation.name})` : ""}${args.password ? "" : `, password: ${password}`}`);
} catch (err) {
  console.error(`user:add: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  rt.close();
}
