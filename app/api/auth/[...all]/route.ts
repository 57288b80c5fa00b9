import { CLIENT_ADDRESS_HEADER } from "@/server/client-address";
import { normalizeAddress } from "@/server/collab/limits";
import { getRuntime } from "@/server/runtime";
import { json } from "../../_lib/route";

export const dynamic = "force-dynamic";

/**
 * The better-auth endpoints Plenary uses, and only those: accounts are made and named by
 * the secretariat (`npm run user:add`, the participants page), so the rest stay closed;
 * open, `update-user` let a delegate rename themselves "Chair" (or a 5 MB name repeated in
 * every annotation list).
 */
const OPEN = new Set(["GET /api/auth/get-session", "POST /api/auth/sign-in/email", "POST /api/auth/sign-out", "POST /api/auth/change-password"]);

async function handle(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  const route = `${req.method} ${pathname}`;
  if (!OPEN.has(route)) return json({ error: "not_found", message: "no such account route" }, 404);
  const services = getRuntime();
  if (route === "POST /api/auth/sign-in/email") return signIn(req);
  if (route === "POST /api/auth/change-password") return changePassword(req);
  return services.auth.handler(req);
}

/**
 * Password guessing: failed tries are limited per address and per account (only failures
 * count: a whole room signs in from one address). The address is the one the server set
 * from the socket or the trusted proxies (server/client-address.ts).
 */
async function limited(req: Request, email: string, guessed: (refused: Response) => Promise<boolean> = async () => true): Promise<Response> {
  const services = getRuntime();
  const address = normalizeAddress(req.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown");
  const wait = services.signInLimiter.retryAfter(address, email);
  if (wait > 0) {
    const refused = json({ error: "rate_limited", message: `too many failed sign-ins: try again in ${wait} s` }, 429);
    refused.headers.set("Retry-After", String(wait));
    return refused;
  }
  // Counted as a failure before the password is checked (asynchronously): a burst of
  // simultaneous guesses is counted as it arrives, not after all of them were tried.
  services.signInLimiter.failed(address, email);
  const res = await services.auth.handler(req);
  if (res.ok) services.signInLimiter.succeeded(address, email);
  else if (!(await guessed(res))) services.signInLimiter.withdrawn(address, email);
  return res;
}

async function signIn(req: Request): Promise<Response> {
  // JSON only (the sign-in form sends JSON): better-auth also reads form bodies, and a body
  // read one way by the limiter and another by better-auth would dodge the account's count.
  if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) return json({ error: "bad_request", message: "send the sign-in as JSON" }, 415);
  const email = await req
    .clone()
    .json()
    .then((b: unknown) => (b && typeof b === "object" && "email" in b && typeof b.email === "string" ? b.email : ""))
    .catch(() => "");
  return limited(req, email);
}

/**
 * A change of password names the current one: a wrong one is a guess, counted with the
 * account's failed sign-ins (someone at an unattended laptop, signed in, must not learn the
 * password by trying). Without a session better-auth refuses it (401), uncounted.
 */
async function changePassword(req: Request): Promise<Response> {
  const services = getRuntime();
  const user = await services.session(req.headers);
  if (!user) return services.auth.handler(req);
  // At the failed sign-ins' limit the change is refused there (in `limited`), using up none of
  // the person's changes a minute; otherwise it is one of them.
  const address = normalizeAddress(req.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown");
  if (services.signInLimiter.retryAfter(address, user.email) === 0) {
    const wait = services.passwordChanges.waitOf(user.userId);
    if (wait > 0) {
      const refused = json({ error: "rate_limited", message: `too many changes of password: try again in ${wait} s` }, 429);
      refused.headers.set("Retry-After", String(wait));
      return refused;
    }
    services.passwordChanges.take(user.userId);
  }
  // Only a wrong current password is a guess: a cross-site request or a new password too short is refused before it is checked.
  return limited(req, user.email, async (refused) => ((await refused.clone().json().catch(() => null)) as { code?: string } | null)?.code === "INVALID_PASSWORD");
}

export const GET = handle;
export const POST = handle;
