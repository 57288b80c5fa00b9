import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { parseId } from "../../lib/ids";
import { PlenaryError } from "../../lib/errors";

const PREFIX = "/collab/";

/** The document id of a `/collab/<documentId>` URL, or a `bad_request` error. */
export function parseCollabPath(url: string | undefined): string {
  const pathname = new URL(url ?? "/", "http://localhost").pathname;
  if (!pathname.startsWith(PREFIX)) throw new PlenaryError("not_found", "not a collaboration endpoint");
  let raw: string;
  try {
    raw = decodeURIComponent(pathname.slice(PREFIX.length));
  } catch (err) {
    throw new PlenaryError("bad_request", "malformed document id", { cause: err });
  }
  const id = parseId(raw);
  if (!id) throw new PlenaryError("bad_request", "malformed document id");
  return id;
}

/**
 * Browsers always send Origin on a websocket handshake, so a foreign Origin is a
 * cross-site page riding the user's cookie: refuse it. Non-browser clients (scripts) send
 * none and need a session cookie all the same.
 */
export function checkOrigin(req: IncomingMessage, allowed: ReadonlySet<string>): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  const host = req.headers.host;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return;
  if (allowed.has(origin)) return;
  throw new PlenaryError("forbidden", "cross-origin websocket refused");
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Answers a refused upgrade with a plain HTTP status (no document byte) and closes it. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? "Error"}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
