import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/**
 * The better-auth endpoints Plenary uses, and only those: accounts are made and named by
 * the secretariat (`npm run user:add`, the participants page), so the rest stay closed;
 * open, `update-user` let a delegate rename themselves "Chair" (or a 5 MB name repeated in
 * every annotation list).
 */
const OPEN = new Set(["GET /api/auth/get-session", "POST /api/auth/sign-in/email", "POST /api/auth/sign-out", "POST /api/auth/change-password"]);

function handle(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  if (!OPEN.has(`${req.method} ${pathname}`)) {
    return Promise.resolve(Response.json({ error: "not_found", message: "no such account route" }, { status: 404, headers: { "Cache-Control": "no-store" } }));
  }
  return getRuntime().auth.handler(req);
}

export const GET = handle;
export const POST = handle;
