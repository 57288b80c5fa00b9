import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** better-auth's routes: /api/auth/sign-in/email, /api/auth/sign-out, /api/auth/get-session ... */
export function GET(req: Request): Promise<Response> {
  return getRuntime().auth.handler(req);
}

export function POST(req: Request): Promise<Response> {
  return getRuntime().auth.handler(req);
}
