import http from "node:http";
import type { Socket } from "node:net";
import { test, expect, type Browser } from "@playwright/test";
import { WebSocket } from "ws";
import { PlenaryServer } from "./server-process";
import { caretAtEnd, documentId, OSCE, personPage, serverParagraph } from "./fixtures";
import { cookieHeader, until } from "./raw-client";

/** A server of its own with the given settings, stopped and removed afterwards. */
async function withServer(env: Record<string, string>, fn: (server: PlenaryServer) => Promise<void>): Promise<void> {
  const server = new PlenaryServer();
  await server.start(env);
  try {
    await fn(server);
  } finally {
    await server.stop();
    server.cleanup();
  }
}

/** The chair's editor on the seeded OSCE decision, synced, caret at the end of OP1. */
async function chairAtOp1End(browser: Browser, server: PlenaryServer) {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  await chair.goto(`/documents/${id}`);
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await caretAtEnd(chair, "OP1");
  return { chair, id };
}

test("failed sign-ins are limited per IP (successful ones do not count: a room signs in from one address)", async ({ playwright }) => {
  await withServer({ SIGN_IN_PER_MINUTE: "3" }, async (server) => {
    // Eight people sign in from one address within the minute: none is refused.
    for (let i = 0; i < 8; i++) {
      const person = await playwright.request.newContext({ baseURL: server.url });
      const email = ["chair@example.org", "albania@example.org", "belarus@example.org", "observer@example.org"][i % 4];
      expect((await person.post("/api/auth/sign-in/email", { data: { email, password: "plenary-demo" } })).status()).toBe(200);
      await person.dispose();
    }
    const api = await playwright.request.newContext({ baseURL: server.url });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api.post("/api/auth/sign-in/email", { data: { email: "chair@example.org", password: "wrong-password" } });
      statuses.push(res.status());
    }
    expect(statuses.slice(0, 3).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const refused = await api.post("/api/auth/sign-in/email", { data: { email: "albania@example.org", password: "wrong-password" } });
    expect(await refused.json()).toMatchObject({ error: "rate_limited", message: expect.stringMatching(/^too many failed sign-ins: try again in \d+ s$/) });
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    await api.dispose();
  });
});

test("a burst of simultaneous wrong passwords is counted as it arrives, a sign-in in another encoding than JSON is refused, and every response carries the security headers", async ({ playwright }) => {
  await withServer({ SIGN_IN_PER_MINUTE: "3" }, async (server) => {
    const api = await playwright.request.newContext({ baseURL: server.url });
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api.post("/api/auth/sign-in/email", { data: { email: `guess${i}@example.org`, password: "wrong-password" } })),
    );
    const statuses = burst.map((r) => r.status()).sort();
    // Three tried (they were counted before their passwords were checked), nine refused.
    expect(statuses).toEqual([...Array<number>(3).fill(401), ...Array<number>(9).fill(429)]);
    // A form-encoded body would be read one way by the limiter and another by better-auth.
    const form = await api.post("/api/auth/sign-in/email", { form: { email: "chair@example.org", password: "wrong-password" } });
    expect(form.status()).toBe(415);

    const page = await api.get("/sign-in");
    const h = page.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    await api.dispose();
  });
});

async function signInStatuses(server: PlenaryServer, playwright: import("@playwright/test").PlaywrightWorkerArgs["playwright"], forwardedFor: string[]): Promise<number[]> {
  const api = await playwright.request.newContext({ baseURL: server.url });
  const statuses: number[] = [];
  for (const value of forwardedFor) {
    // The client also writes the header the server sets for better-auth: it must be replaced.
    const headers = { "x-forwarded-for": value, "x-plenary-client-address": "198.51.100.99" };
    statuses.push((await api.post("/api/auth/sign-in/email", { data: { email: "chair@example.org", password: "wrong-password" }, headers })).status());
  }
  await api.dispose();
  return statuses;
}

test("a client's own X-Forwarded-For is not believed: a new forged address per attempt does not escape the sign-in limit", async ({ playwright }) => {
  await withServer({ SIGN_IN_PER_MINUTE: "3" }, async (server) => {
    const forged = [1, 2, 3, 4, 5].map((i) => `203.0.113.${i}`);
    expect(await signInStatuses(server, playwright, forged)).toEqual([401, 401, 401, 429, 429]);
  });
});

test("behind a trusted proxy (TRUSTED_PROXIES): each forwarded client has its own sign-in limit; a forged left part of the chain does not escape it", async ({ playwright }) => {
  // The test's requests come from 127.0.0.1, standing for the proxy.
  await withServer({ SIGN_IN_PER_MINUTE: "2", TRUSTED_PROXIES: "127.0.0.1,::1" }, async (server) => {
    expect(await signInStatuses(server, playwright, ["203.0.113.5", "203.0.113.5", "203.0.113.5", "9.9.9.9, 203.0.113.5"])).toEqual([401, 401, 429, 429]);
    // Another client behind the same proxy is not locked out by the first one's failures.
    expect(await signInStatuses(server, playwright, ["203.0.113.9"])).toEqual([401]);
  });
});

test("a writer closed for sending too fast (4429) reconnects by itself and nothing typed is lost", async ({ browser }) => {
  await withServer({ MAX_MESSAGES_PER_SECOND: "4" }, async (server) => {
    const { chair, id } = await chairAtOp1End(browser, server);
    const typed = " and keeps typing well past the rate limit";
    await chair.keyboard.type(typed);
    await expect.poll(async () => (await serverParagraph(chair, id, "OP1")).text.endsWith(typed), { timeout: 30_000 }).toBe(true);
    await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
    await expect(chair.getByText(/Connection refused/)).toHaveCount(0);
    const logs = server.output();
    expect(logs).toContain("rate limit; closing connection");
    await chair.context().close();
  });
});

test("a change over the frame size limit (1009) ends the session with a clear message instead of resending it forever", async ({ browser }) => {
  await withServer({ MAX_MESSAGE_BYTES: "4096" }, async (server) => {
    const { chair, id } = await chairAtOp1End(browser, server);
    await chair.evaluate(() => {
      const data = new DataTransfer();
      data.setData("text/plain", " pasted".repeat(2000));
      document.querySelector(".ProseMirror")!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(chair.getByText(/too large to send/)).toBeVisible();
    await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "ended");
    // It stays ended: no reconnect loop resending the same frame.
    let reopened = 0;
    chair.on("websocket", (ws) => {
      if (ws.url().includes("/collab/")) reopened += 1;
    });
    await chair.waitForTimeout(3000);
    expect(reopened).toBe(0);
    expect((await serverParagraph(chair, id, "OP1")).text).not.toContain("pasted");
    await chair.context().close();
  });
});

interface RawResponse {
  status: number;
  body: string;
  /** Body bytes the client had written when the answer came. */
  sent: number;
}

/**
 * A request sent by hand: its headers first, then `bodyBytes` bytes in 64 KiB chunks (or a
 * chunked body), stopping when the server answers or closes. What a hostile client does.
 */
function rawRequest(url: string, path: string, headers: Record<string, string>, bodyBytes: number | "chunked", method = "POST"): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(`${url}${path}`, {
      method,
      headers: bodyBytes === "chunked" ? { ...headers, "transfer-encoding": "chunked" } : { ...headers, "content-length": String(bodyBytes) },
    });
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    // The server closes a refused request's connection: writes after that fail, as they should.
    req.on("error", (err) => (answered ? undefined : reject(err)));
    req.flushHeaders();
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!answered && !req.destroyed) {
        if (bodyBytes !== "chunked" && sent >= bodyBytes) return req.end();
        if (bodyBytes === "chunked" && sent >= 4 * chunk.length) return req.end();
        const part = bodyBytes === "chunked" ? chunk : chunk.subarray(0, Math.min(chunk.length, bodyBytes - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once("drain", pump);
      }
    };
    pump();
  });
}

/** A signed-in person's session cookie (for raw requests). */
async function cookieOf(page: import("@playwright/test").Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

test("a request body over the limit is refused before it is read (413; 411 for a body of unknown length): memory stays flat and the server carries on", async ({ browser }) => {
  await withServer({ MAX_REQUEST_BYTES: "65536" }, async (server) => {
    const albania = await personPage(browser, server, "albania");
    const id = await documentId(albania, OSCE);
    const headers = { cookie: await cookieOf(albania), origin: server.url, "content-type": "application/json" };
    const before = server.rssBytes();
    // Five 20 MiB bodies at once for a JSON route: each answered 413 long before it is all
    // sent (were they read, 100 MiB would be held at the same time).
    const refused = await Promise.all(
      [1, 2, 3, 4, 5].map(() => rawRequest(server.url, `/api/documents/${id}/annotations`, headers, 20 * 1024 * 1024)),
    );
    for (const res of refused) {
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toEqual({ error: "too_large", message: "request body above the 64 KiB limit" });
      expect(res.sent).toBeLessThan(20 * 1024 * 1024);
    }
    // The import route takes a 10 MiB file, not more.
    const upload = await rawRequest(server.url, "/api/documents/import", { ...headers, "content-type": "multipart/form-data; boundary=x" }, 30 * 1024 * 1024);
    expect(upload.status).toBe(413);
    expect(JSON.parse(upload.body).message).toBe("request body above the 10 MiB limit");
    // A body of unknown length cannot be screened: refused, nothing read.
    const chunked = await rawRequest(server.url, `/api/documents/${id}/annotations`, headers, "chunked");
    expect(chunked.status).toBe(411);
    expect(JSON.parse(chunked.body).error).toBe("length_required");
    const grown = server.rssBytes() - before;
    console.log(`server RSS after 130 MiB of refused bodies: ${(grown / 2 ** 20).toFixed(1)} MiB more`);
    expect(grown).toBeLessThan(48 * 2 ** 20);

    // Within the limit, the same route works and the refused requests stored nothing.
    const op1 = await serverParagraph(albania, id, "OP1");
    const own = await albania.request.post(`/api/documents/${id}/annotations`, {
      data: { blockId: op1.id, from: 0, to: 8, quote: "Continue", kind: "comment", body: "within the limit" },
      headers: { origin: server.url },
    });
    expect(own.status()).toBe(201);
    const { annotations } = (await (await albania.request.get(`/api/documents/${id}/annotations`)).json()) as { annotations: { body: string | null }[] };
    expect(annotations.filter((a) => a.body === "within the limit")).toHaveLength(1);
    await albania.context().close();
  });
});

/**
 * A request whose headers promise `declared` bytes of body, of which only the first KiB is
 * sent: the rest never comes (a slow or hostile upload). `answer` settles when the server
 * answers without waiting for the rest; `abort` drops the connection.
 */
function stalledUpload(url: string, path: string, headers: Record<string, string>, declared: number) {
  const req = http.request(`${url}${path}`, { method: "POST", headers: { ...headers, "content-length": String(declared) } });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
  });
  req.write(Buffer.alloc(1024, 0x61));
  return { answer, abort: () => req.destroy() };
}

test("an import is admitted before its body is read: anyone but a chair is refused at once, a chair holds two uploads at a time, and a dropped upload frees its place", async ({ browser }) => {
  await withServer({}, async (server) => {
    const [observer, chair] = [await personPage(browser, server, "observer"), await personPage(browser, server, "chair")];
    const multipart = { origin: server.url, "content-type": "multipart/form-data; boundary=x" };
    const declared = 10 * 1024 * 1024;
    const settledWithin = <T,>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<"pending">((r) => setTimeout(() => r("pending"), ms))]);

    // The observer's 10 MiB upload is answered from its headers: the body is never awaited.
    const byObserver = stalledUpload(server.url, "/api/documents/import", { ...multipart, cookie: await cookieOf(observer) }, declared);
    const refused = await settledWithin(byObserver.answer, 3000);
    expect(refused).toEqual({ status: 403, body: JSON.stringify({ error: "forbidden", message: "only a chair can import drafts" }) });
    byObserver.abort();

    // Two stalled uploads of the chair's are held open; a third is refused at once.
    const chairHeaders = { ...multipart, cookie: await cookieOf(chair) };
    const held = [stalledUpload(server.url, "/api/documents/import", chairHeaders, declared), stalledUpload(server.url, "/api/documents/import", chairHeaders, declared)];
    await new Promise((r) => setTimeout(r, 500));
    for (const h of held) expect(await settledWithin(h.answer, 10)).toBe("pending");
    const third = stalledUpload(server.url, "/api/documents/import", chairHeaders, declared);
    expect(await settledWithin(third.answer, 3000)).toEqual({ status: 429, body: JSON.stringify({ error: "rate_limited", message: "other drafts are being read; try again in a moment" }) });
    third.abort();

    // Dropping them frees their places: the chair's next draft is read.
    for (const h of held) {
      h.answer.catch(() => {});
      h.abort();
    }
    const draft = { name: "draft.md", mimeType: "text/markdown", buffer: Buffer.from("**Draft decision**\n\n1. Continue the dialogue.") };
    await expect
      .poll(async () => (await chair.request.post("/api/documents/import", { multipart: { file: draft }, headers: { origin: server.url } })).status(), { timeout: 5000 })
      .toBe(200);
    await observer.context().close();
    await chair.context().close();
  });
});

test("an upload that stops arriving (BODY_IDLE_SECONDS=2) has its connection cut, and its place is free again without waiting for Node's 5-minute request timeout", async ({ browser }) => {
  await withServer({ BODY_IDLE_SECONDS: "2" }, async (server) => {
    const chair = await personPage(browser, server, "chair");
    const chairHeaders = { origin: server.url, "content-type": "multipart/form-data; boundary=x", cookie: await cookieOf(chair) };
    const declared = 10 * 1024 * 1024;
    // The chair's two places are taken by uploads that send 1 KiB and then nothing.
    const held = [stalledUpload(server.url, "/api/documents/import", chairHeaders, declared), stalledUpload(server.url, "/api/documents/import", chairHeaders, declared)];
    const outcomes = held.map((h) => h.answer.then((a) => `answered ${a.status}`, (err: NodeJS.ErrnoException) => `cut (${err.code})`));
    await new Promise((r) => setTimeout(r, 500));
    const third = stalledUpload(server.url, "/api/documents/import", chairHeaders, declared);
    expect((await third.answer).status).toBe(429);
    third.abort();
    // Within the idle limit (and well before Node's own timeout) the server cuts both.
    const started = Date.now();
    expect(await Promise.all(outcomes)).toEqual(["cut (ECONNRESET)", "cut (ECONNRESET)"]);
    expect(Date.now() - started).toBeLessThan(6000);
    // Their places are free: the chair's next draft is read.
    const draft = { name: "draft.md", mimeType: "text/markdown", buffer: Buffer.from("**Draft decision**\n\n1. Continue the dialogue.") };
    const res = await chair.request.post("/api/documents/import", { multipart: { file: draft }, headers: { origin: server.url } });
    expect(res.status()).toBe(200);
    // A body that keeps arriving, slowly, is read: each byte restarts the wait.
    const slow = http.request(`${server.url}/api/documents/import`, { method: "POST", headers: { ...chairHeaders, "content-type": "multipart/form-data; boundary=b" } });
    const body = Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="slow.md"\r\nContent-Type: text/markdown\r\n\r\n**Slow draft**\n\n1. Arrives in pieces.\r\n--b--\r\n');
    slow.setHeader("content-length", String(body.length));
    const slowAnswer = new Promise<number>((resolve, reject) => {
      slow.on("response", (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      slow.on("error", reject);
    });
    const pieces = [body.subarray(0, 40), body.subarray(40, 90), body.subarray(90)];
    for (const [i, piece] of pieces.entries()) {
      if (i > 0) await new Promise((r) => setTimeout(r, 1500));
      slow.write(piece);
    }
    slow.end();
    expect(await slowAnswer).toBe(200);
    await chair.context().close();
  });
});

test("new positions and replies are limited per person and minute (POSTS_PER_MINUTE=3): the next is 429 with the wait, nothing stored, another delegation unaffected", async ({ browser }) => {
  await withServer({ POSTS_PER_MINUTE: "3" }, async (server) => {
    const [albania, belarus] = [await personPage(browser, server, "albania"), await personPage(browser, server, "belarus")];
    const id = await documentId(albania, OSCE);
    const op1 = await serverParagraph(albania, id, "OP1");
    const comment = (page: typeof albania, body: string) =>
      page.request.post(`/api/documents/${id}/annotations`, { data: { blockId: op1.id, from: 0, to: 8, quote: "Continue", kind: "comment", body }, headers: { origin: server.url } });
    const first = await comment(albania, "one");
    expect(first.status()).toBe(201);
    const { id: firstId } = (await first.json()) as { id: string };
    expect((await comment(albania, "two")).status()).toBe(201);
    expect((await albania.request.post(`/api/documents/${id}/annotations/${firstId}/replies`, { data: { body: "three" }, headers: { origin: server.url } })).status()).toBe(201);
    const refused = await comment(albania, "four");
    expect(refused.status()).toBe(429);
    expect(((await refused.json()) as { message: string }).message).toMatch(/^you filed 3 positions and replies in the last minute; wait \d+ s$/);
    expect((await albania.request.post(`/api/documents/${id}/annotations/${firstId}/replies`, { data: { body: "five" }, headers: { origin: server.url } })).status()).toBe(429);
    expect((await comment(belarus, "Belarus's own")).status()).toBe(201);
    const { annotations } = (await (await albania.request.get(`/api/documents/${id}/annotations`)).json()) as { annotations: { body: string | null; replies: { body: string }[] }[] };
    const bodies = annotations.map((a) => a.body);
    expect(bodies).toEqual(expect.arrayContaining(["one", "two", "Belarus's own"]));
    expect(bodies).not.toContain("four");
    expect(annotations.flatMap((a) => a.replies.map((r) => r.body))).toEqual(["three"]);
    await albania.context().close();
    await belarus.context().close();
  });
});

test("an address whose percent-encoding does not decode is a 400 with its reason, not a 500, for pages and API routes alike", async ({ playwright }) => {
  await withServer({}, async (server) => {
    const request = await playwright.request.newContext({ baseURL: server.url });
    for (const path of ["/api/documents/%ED%A0%80", "/documents/%ED%A0%80", "/api/documents/x/annotations/%E0%A4%A", "/documents/%"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      expect(await res.json(), path).toEqual({ error: "bad_request", message: "the address is not valid: a malformed percent-encoding" });
    }
    expect((await request.get("/api/health")).status()).toBe(200);
    await request.dispose();
  });
});

test("one person holds a limited number of live event streams: one more is refused with 429, the window says its positions are not live, and a closed stream frees its place", async ({ browser }) => {
  await withServer({ MAX_EVENT_STREAMS_PER_USER: "2" }, async (server) => {
    const albania = await personPage(browser, server, "albania");
    const id = await documentId(albania, OSCE);
    await albania.goto(`/documents/${id}`);
    await expect(albania.getByTestId("connection")).toHaveAttribute("data-state", "synced");
    await expect(albania.getByTestId("live-updates")).toHaveCount(0);

    // A second stream (another window, by hand) fills the limit; the next is refused.
    const cookie = await cookieOf(albania);
    const open = new AbortController();
    const second = await fetch(`${server.url}/api/documents/${id}/events`, { headers: { cookie }, signal: open.signal });
    expect(second.status).toBe(200);
    const third = await fetch(`${server.url}/api/documents/${id}/events`, { headers: { cookie } });
    expect(third.status).toBe(429);
    expect(await third.json()).toEqual({ error: "rate_limited", message: "too many open windows (limit 2); close one and reload" });

    // A third window in the browser: its text still syncs, and it says positions are not live.
    const another = await albania.context().newPage();
    await another.goto(`/documents/${id}`);
    await expect(another.getByTestId("connection")).toHaveAttribute("data-state", "synced");
    await expect(another.getByTestId("live-updates")).toHaveAttribute("data-state", "stopped");
    await expect(another.getByTestId("live-updates")).toContainText("reload the page");

    // Closing a stream frees its place.
    open.abort();
    await expect
      .poll(async () => {
        const res = await fetch(`${server.url}/api/documents/${id}/events`, { headers: { cookie } });
        await res.body?.cancel();
        return res.status;
      })
      .toBe(200);
    await albania.context().close();
  });
});

test("pings (PING_INTERVAL_MS=300): a client that stops answering is dropped within two intervals; the chair's browser answers them and stays, typing", async ({ browser }) => {
  await withServer({ PING_INTERVAL_MS: "300" }, async (server) => {
    const { chair, id } = await chairAtOp1End(browser, server);
    const connections = async () => ((await (await fetch(`${server.url}/api/health`)).json()) as { connections: number }).connections;
    expect(await connections()).toBe(1);
    // Belarus's session on a bare socket that will stop reading, as a suspended laptop does.
    const belarus = await personPage(browser, server, "belarus");
    const cookie = await cookieHeader(belarus.context());
    const ws = new WebSocket(`${server.url.replace(/^http/, "ws")}/collab/${id}`, { headers: { cookie } });
    await new Promise<void>((resolve, reject) => (ws.once("open", () => resolve()), ws.once("error", reject)));
    expect(await connections()).toBe(2);
    (ws as unknown as { _socket: Socket })._socket.pause();
    const stoppedAt = Date.now();
    await until(async () => (await connections()) === 1, 3000, "the silent socket dropped");
    expect(Date.now() - stoppedAt).toBeLessThan(2 * 300 + 500);
    // Ten more intervals: the chair's window answered every ping (nobody else was dropped) and still types.
    await chair.waitForTimeout(3000);
    expect(server.output().match(/no answer to ping/g)?.length).toBe(1);
    expect(await connections()).toBe(1);
    await chair.keyboard.type(" pinged");
    await expect.poll(async () => (await serverParagraph(chair, id, "OP1")).text).toContain(" pinged");
    await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
    ws.terminate();
    await belarus.context().close();
    await chair.context().close();
  });
});
