import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { MAX_IMPORT_BYTES } from "./import-limits";

/** Multipart framing around an imported file (boundaries, part headers, the mode and title fields). */
const MULTIPART_OVERHEAD = 64 * 1024;

export interface BodyRefusal {
  status: 400 | 411 | 413;
  error: string;
  message: string;
}

/**
 * Refuses an address whose percent-encoding does not decode (`/api/documents/%ED%A0%80`, a
 * lone surrogate, or a stray "%"): Next.js decodes each path segment before any handler
 * runs, and answered such a request with a bare 500.
 */
export function screenPath(pathname: string): BodyRefusal | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return { status: 400, error: "bad_request", message: "the address is not valid: a malformed percent-encoding" };
  }
}

/** The largest body a route takes: an imported draft, or `maxRequestBytes` for everything else. */
export function bodyLimitFor(pathname: string, maxRequestBytes: number): number {
  return pathname === "/api/documents/import" ? MAX_IMPORT_BYTES + MULTIPART_OVERHEAD : maxRequestBytes;
}

/**
 * Screens a request's body by its headers, before anyone reads it: route handlers read a
 * body whole (`req.text()`, `req.formData()`), so one over the limit must be refused
 * before a byte is buffered. A body of unknown length (chunked) cannot be screened and is
 * refused with 411; browsers send Content-Length for every fetch and form post.
 */
export function screenBody(pathname: string, headers: IncomingHttpHeaders, maxRequestBytes: number): BodyRefusal | null {
  const length = headers["content-length"];
  if (length === undefined) {
    if (headers["transfer-encoding"] === undefined) return null;
    return { status: 411, error: "length_required", message: "send the request body with a Content-Length" };
  }
  const limit = bodyLimitFor(pathname, maxRequestBytes);
  const bytes = Number(length);
  if (!Number.isSafeInteger(bytes) || bytes < 0) return { status: 400, error: "bad_request", message: "unreadable Content-Length" };
  if (bytes <= limit) return null;
  const what = limit >= 1024 * 1024 ? `${Math.floor(limit / (1024 * 1024))} MiB` : `${Math.floor(limit / 1024)} KiB`;
  return { status: 413, error: "too_large", message: `request body above the ${what} limit` };
}

/**
 * Cuts the connection of a request whose body stops arriving for `idleMs` (a stalled or
 * hostile upload): the handler reading it then fails and lets go of what it held (an
 * import's place, see admitImport) instead of waiting for Node's request timeout
 * (5 minutes). Any byte that arrives restarts the wait. A body that has all arrived, or
 * that waits on the server (a handler not reading yet: its bytes wait in the request, and
 * Node pauses the socket), is never cut.
 */
export function watchBody(req: IncomingMessage, idleMs: number): void {
  const length = Number(req.headers["content-length"] ?? "0");
  if (!(length > 0) || req.complete) return;
  const socket = req.socket;
  // Our own timer, not the socket's timeout: Node's server destroys a socket whose timeout
  // fires with nobody to answer it, even when the body has all arrived.
  let read = socket.bytesRead;
  let movedAt = Date.now();
  const timer = setInterval(() => {
    if (req.complete || socket.destroyed) return clearInterval(timer);
    const now = Date.now();
    // Bytes of the body the handler has not read yet: the wait is the server's. (Not "the
    // socket is paused": Node also pauses it for a client that does not read its responses.)
    if (socket.bytesRead !== read || req.readableLength > 0) {
      read = socket.bytesRead;
      movedAt = now;
    } else if (now - movedAt >= idleMs) {
      clearInterval(timer);
      socket.destroy();
    }
  }, Math.max(10, Math.floor(idleMs / 4)));
  timer.unref();
  req.once("close", () => clearInterval(timer));
}
