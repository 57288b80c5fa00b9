import type { IncomingHttpHeaders } from "node:http";
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
