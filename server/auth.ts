import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Db } from "./db/client";
import * as schema from "./db/schema";
import { CLIENT_ADDRESS_HEADER } from "./client-address";

export interface AuthOptions {
  db: Db;
  secret: string;
  baseURL: string;
  trustedOrigins: string[];
}

/**
 * Sign-in requests per client address per minute, successful ones included: only a flood
 * guard (a conference room shares one address). Password guessing is limited by failures,
 * per address and per account (server/sign-in-limiter.ts, SIGN_IN_PER_MINUTE).
 */
const SIGN_IN_REQUESTS_PER_MINUTE = 600;

/**
 * Accounts, password hashing and cookie sessions (better-auth with its drizzle adapter).
 * Sign-up is closed: accounts come from `npm run user:add`, the seed or a chair.
 */
export function createAuth(options: AuthOptions) {
  return betterAuth({
    appName: "Plenary",
    secret: options.secret,
    baseURL: options.baseURL,
    trustedOrigins: options.trustedOrigins,
    database: drizzleAdapter(options.db, {
      provider: "sqlite",
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      storage: "memory",
      // better-auth's own limits on these two (3 in 10 s per address) would turn away a room
      // behind one address; failed tries are limited per account and address by SignInLimiter.
      customRules: { "/sign-in/email": { window: 60, max: SIGN_IN_REQUESTS_PER_MINUTE }, "/change-password": { window: 60, max: SIGN_IN_REQUESTS_PER_MINUTE } },
    },
    advanced: {
      useSecureCookies: options.baseURL.startsWith("https://"),
      // The client's address for the sign-in limit: set by server/app.ts from the socket (or
      // the trusted proxies' X-Forwarded-For), never the client's own X-Forwarded-For, which
      // better-auth reads by default and anyone can write.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** Creates an account with a hashed password, as better-auth's own sign-up would. */
export async function createAccount(
  auth: Auth,
  input: { email: string; name: string; password: string },
): Promise<string> {
  const ctx = await auth.$context;
  const email = input.email.toLowerCase();
  const existing = await ctx.internalAdapter.findUserByEmail(email);
  if (existing) return existing.user.id;
  const created = await ctx.internalAdapter.createUser({ email, name: input.name, emailVerified: true }, { method: "email-password" });
  try {
    const hash = await ctx.password.hash(input.password);
    await ctx.internalAdapter.linkAccount({
      userId: created.id,
      providerId: "credential",
      accountId: created.id,
      password: hash,
    });
  } catch (err) {
    // A user without a password could never sign in, and would block a second try at the address.
    await ctx.internalAdapter.deleteUser(created.id).catch(() => {});
    throw err;
  }
  return created.id;
}
