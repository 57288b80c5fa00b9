import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "./import-limits";
import { screenBody, screenPath } from "./request-limits";

const LIMIT = 64 * 1024;

describe("screenPath", () => {
  it("refuses an address whose percent-encoding does not decode, and lets every other through", () => {
    for (const bad of ["/api/documents/%ED%A0%80", "/documents/%", "/api/documents/x/annotations/%E0%A4%A", "/%C0%AF"]) {
      expect(screenPath(bad), bad).toEqual({ status: 400, error: "bad_request", message: "the address is not valid: a malformed percent-encoding" });
    }
    for (const good of ["/", "/documents/PkaNfpkMMgSZ8PAuLGUk5g", "/api/documents/a%20b", "/documents/%E6%B1%BA", "/_next/static/chunks/x.js"]) expect(screenPath(good), good).toBeNull();
  });
});

describe("screenBody", () => {
  it("lets a body within the limit through, and a request without a body", () => {
    expect(screenBody("/api/documents/x/annotations", { "content-length": String(LIMIT) }, LIMIT)).toBeNull();
    expect(screenBody("/documents/x", {}, LIMIT)).toBeNull();
  });

  it("refuses a declared length over the limit with 413 and names the limit", () => {
    expect(screenBody("/api/documents/x/annotations", { "content-length": String(LIMIT + 1) }, LIMIT)).toEqual({
      status: 413,
      error: "too_large",
      message: "request body above the 64 KiB limit",
    });
  });

  it("gives the import route room for a 10 MiB file and its multipart framing, no more", () => {
    expect(screenBody("/api/documents/import", { "content-length": String(MAX_IMPORT_BYTES + 1000) }, LIMIT)).toBeNull();
    expect(screenBody("/api/documents/import", { "content-length": String(MAX_IMPORT_BYTES + 128 * 1024) }, LIMIT)?.message).toBe(
      "request body above the 10 MiB limit",
    );
    // Another spelling of the path is not the import route: the smaller limit applies.
    expect(screenBody("/api/documents/import/", { "content-length": String(MAX_IMPORT_BYTES) }, LIMIT)?.status).toBe(413);
  });

  it("refuses a body of unknown length (chunked) with 411, and an unreadable length with 400", () => {
    expect(screenBody("/api/documents/import", { "transfer-encoding": "chunked" }, LIMIT)?.status).toBe(411);
    expect(screenBody("/api/x", { "content-length": "-1" }, LIMIT)?.status).toBe(400);
    expect(screenBody("/api/x", { "content-length": "1e99" }, LIMIT)?.status).toBe(400);
  });
});
