import { ZodError, type ZodType } from "zod";
import { isPlenaryError, PlenaryError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { getRuntime } from "@/server/runtime";
import type { SessionUser, Services } from "@/server/services";

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { "Cache-Control": "no-store" } });
}

/** Maps any error to a JSON response with a stable code and a clear message. */
export function errorResponse(err: unknown): Response {
  if (isPlenaryError(err)) return json({ error: err.code, message: err.message }, err.status);
  if (err instanceof ZodError) {
    // A path names the field; none: the value itself was wrong (a body, a path or query parameter).
    const message = err.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
    return json({ error: "bad_request", message }, 400);
  }
  console.error("route failed", err);
  return json({ error: "internal", message: "internal error" }, 500);
}

/**
 * Route handlers have no CSRF protection of their own: a state-changing request must come
 * from our own origin (Origin header, or Sec-Fetch-Site for browsers that omit it).
 */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  const host = req.headers.get("host");
  if (origin) {
    if (host && (origin === `http://${host}` || origin === `https://${host}`)) return;
    throw new PlenaryError("forbidden", "cross-site request refused");
  }
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new PlenaryError("forbidden", "cross-site request refused");
  }
}

interface Ctx {
  services: Services;
  user: SessionUser;
}

/** Runs a handler for a signed-in user; state-changing methods also get the origin check. */
export async function withUser(req: Request, fn: (ctx: Ctx) => Promise<Response> | Response): Promise<Response> {
  try {
    if (req.method !== "GET" && req.method !== "HEAD") assertSameOrigin(req);
    const services = getRuntime();
    const user = await services.session(req.headers);
    if (!user) throw new PlenaryError("unauthenticated", "sign in first");
    return await fn({ services, user });
  } catch (err) {
    return errorResponse(err);
  }
}

/** Parses a JSON body with a zod schema (400 with the reasons on failure). */
export async function body<T>(req: Request, schema: ZodType<T>, maxBytes = 64 * 1024): Promise<T> {
  // The server refuses bodies over MAX_REQUEST_BYTES before they are read (server/request-limits.ts);
  // a declared length that cannot fit this route's limit (characters, up to 4 bytes each in UTF-8) is refused before reading too.
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes * 4) throw new PlenaryError("too_large", `request body above ${maxBytes} bytes`);
  const text = await req.text();
  if (text.length > maxBytes) throw new PlenaryError("too_large", `request body above ${maxBytes} bytes`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new PlenaryError("bad_request", "body is not JSON", { cause: err });
  }
  return schema.parse(raw);
}

/** The validated document id of a route, before any lookup. */
export async function documentIdOf(params: Promise<{ id: string }>): Promise<string> {
  const id = parseId((await params).id);
  if (!id) throw new PlenaryError("bad_request", "malformed document id");
  return id;
}

/** The validated annotation id of a route. */
export async function annotationIdOf(params: Promise<{ aid: string }>): Promise<string> {
  const id = parseId((await params).aid);
  if (!id) throw new PlenaryError("bad_request", "malformed annotation id");
  return id;
}
