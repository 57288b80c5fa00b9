import { test, expect } from "@playwright/test";
import { PlenaryServer } from "./server-process";

test("sign-in is rate-limited per IP and every response carries the security headers", async ({ playwright }) => {
  const server = new PlenaryServer();
  await server.start({ SIGN_IN_PER_MINUTE: "3" });
  try {
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
  } finally {
    await server.stop();
    server.cleanup();
  }
});
