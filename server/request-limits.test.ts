import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "./import-limits";
import { screenBody, screenPath, watchBody } from "./request-limits";

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

describe("watchBody", () => {
  /** A server that watches bodies (idle 300 ms) and reads each after `readAfterMs`, answering with its length. */
  async function server(readAfterMs: number) {
    const srv = http.createServer((req, res) => {
      watchBody(req, 300);
      setTimeout(() => {
        let n = 0;
        req.on("data", (c: Buffer) => (n += c.length));
        req.on("end", () => res.end(String(n)));
        req.on("error", () => {});
      }, readAfterMs);
    });
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    return { srv, port: (srv.address() as AddressInfo).port };
  }
  /** Sends `pieces` of a body `gapMs` apart (declaring their total), then resolves with the answer or the error code. */
  function post(port: number, pieces: Buffer[], gapMs: number, declared = pieces.reduce((n, p) => n + p.length, 0)) {
    const req = http.request({ port, host: "127.0.0.1", method: "POST", headers: { "content-length": String(declared) } });
    const answer = new Promise<string>((resolve) => {
      req.on("response", (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c));
        res.on("end", () => resolve(body));
      });
      req.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
    });
    void (async () => {
      for (const [i, p] of pieces.entries()) {
        if (i > 0) await new Promise((r) => setTimeout(r, gapMs));
        if (!req.destroyed) req.write(p);
      }
    })();
    return answer;
  }

  it("cuts a body that stops arriving, and reads one that keeps arriving slowly", async () => {
    const { srv, port } = await server(0);
    try {
      expect(await post(port, [Buffer.alloc(100)], 0, 200)).toBe("ECONNRESET");
      expect(await post(port, [Buffer.alloc(100), Buffer.alloc(100), Buffer.alloc(100)], 200)).toBe("300");
    } finally {
      srv.close();
    }
  });

  it("never cuts a body that has all arrived or waits on the server, however late the handler reads it", async () => {
    const { srv, port } = await server(1000);
    try {
      // Small: all of it is in before the handler reads. Large: Node pauses the socket until the handler reads.
      expect(await post(port, [Buffer.alloc(1000)], 0)).toBe("1000");
      expect(await post(port, [Buffer.alloc(4 * 1024 * 1024)], 0)).toBe(String(4 * 1024 * 1024));
    } finally {
      srv.close();
    }
  });

  it("cuts a stalled body behind a pipelined request whose large answer the client never reads (Node pauses that socket too)", async () => {
    const srv = http.createServer((req, res) => {
      watchBody(req, 300);
      if (req.method === "GET") return void res.end(Buffer.alloc(8 * 1024 * 1024));
      req.on("data", () => {});
      req.on("end", () => res.end("ok"));
      req.on("error", () => {});
    });
    // Seen from the server: the client, which reads nothing, would not notice the cut.
    const cut = new Promise<boolean>((resolve) => {
      srv.once("connection", (socket) => socket.once("close", () => resolve(true)));
      setTimeout(() => resolve(false), 3000);
    });
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const client = net.connect((srv.address() as AddressInfo).port, "127.0.0.1");
    try {
      client.pause();
      client.write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
      await new Promise((r) => setTimeout(r, 200));
      client.write(`POST /import HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n${"a".repeat(1000)}`);
      expect(await cut).toBe(true);
    } finally {
      client.destroy();
      srv.close();
    }
  });

  it("leaves a kept-alive connection alone once its body is in: the next request on it is answered on the same connection", async () => {
    const { srv, port } = await server(0);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const ask = () =>
        new Promise<{ body: string; reused: boolean }>((resolve, reject) => {
          const req = http.request({ port, host: "127.0.0.1", method: "POST", agent, headers: { "content-length": "3" } }, (res) => {
            let b = "";
            res.on("data", (c: Buffer) => (b += c));
            res.on("end", () => resolve({ body: b, reused: req.reusedSocket }));
          });
          req.on("error", reject);
          req.end("abc");
        });
      expect(await ask()).toEqual({ body: "3", reused: false });
      await new Promise((r) => setTimeout(r, 600));
      expect(await ask()).toEqual({ body: "3", reused: true });
    } finally {
      agent.destroy();
      srv.close();
    }
  });
});
