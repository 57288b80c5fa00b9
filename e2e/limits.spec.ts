import { test, expect, type Browser } from "@playwright/test";
import { PlenaryServer } from "./server-process";
import { caretAtEnd, documentId, OSCE, personPage, serverParagraph } from "./fixtures";

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

test("sign-in is rate-limited per IP and every response carries the security headers", async ({ playwright }) => {
  await withServer({ SIGN_IN_PER_MINUTE: "3" }, async (server) => {
    const api = await playwright.request.newContext({ baseURL: server.url });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api.post("/api/auth/sign-in/email", { data: { email: "chair@example.org", password: "wrong-password" } });
      statuses.push(res.status());
    }
    expect(statuses.slice(0, 3).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429]);

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
