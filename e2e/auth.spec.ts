import { ACCOUNTS, DEMO_PASSWORD, documentId, expect, fileObjection, OSCE, signIn, test } from "./fixtures";
import { cookieHeader, tryRawSocket } from "./raw-client";

test.describe("sign in and out", () => {
  test("an anonymous visitor is sent to sign in; the API answers 401", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    const res = await page.request.get("/api/documents");
    expect(res.status()).toBe(401);
  });

  test("a wrong password, long or short, is refused with the same clear message (not the browser's length hint)", async ({ page }) => {
    for (const wrong of ["not-the-password", "short"]) {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(ACCOUNTS.albania);
      await page.getByLabel("Password").fill(wrong);
      await page.getByRole("button", { name: "Sign in" }).click();
      const message = page.getByText("Wrong email or password.");
      await expect(message).toBeVisible();
      await expect(message).toHaveAttribute("role", "alert");
      // The button was disabled while the server was asked: the focus is on the password to type again, the message tied to it.
      await expect(page.getByLabel("Password")).toBeFocused();
      await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Wrong email or password.");
      await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
    }
  });

  test("on a phone, a delegate's long name stays on one line in the top bar, and Sign out stays inside it", async ({ browser, server }) => {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, server, "russia");
    const bar = (await page.locator(".topbar").boundingBox())!;
    const name = page.getByRole("navigation", { name: "Account" }).getByText("Delegate of the Russian Federation");
    await expect(name).toHaveAttribute("title", "Delegate of the Russian Federation");
    const nameBox = (await name.boundingBox())!;
    const signOut = (await page.getByRole("button", { name: "Sign out" }).boundingBox())!;
    expect(nameBox.height).toBeLessThan(30);
    expect(signOut.y).toBeGreaterThanOrEqual(bar.y);
    expect(signOut.y + signOut.height).toBeLessThanOrEqual(bar.y + bar.height);
    expect(signOut.x + signOut.width).toBeLessThanOrEqual(390);
    await context.close();
  });

  test("a delegate signs in, sees the seeded documents with their role, and signs out", async ({ page, server }) => {
    await signIn(page, server, "albania");
    const list = page.getByRole("list", { name: "Documents you may open" });
    await expect(list.getByRole("link")).toHaveCount(5);
    await expect(list.getByRole("link", { name: /ENHANCING OSCE EFFORTS/ })).toContainText("Delegate");
    // Each row says where the text stands and what waits in it, from the database.
    const osce = list.getByRole("link", { name: /ENHANCING OSCE EFFORTS/ });
    await expect(osce.locator(".doc-facts")).toHaveText(/^(Chair's pen|Open drafting) · (latest version .+|no version saved) · (no open positions|1 open position|\d+ open positions) · last edited \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC$/);
    // (An objection on Albania's own contribution: the OSCE decision's positions are other tests' business.)
    const before = (await (await page.request.get("/api/documents")).json()) as { documents: { id: string; title: string; openPositions: number; editedAt: number }[] };
    const row = before.documents.find((d) => d.title.startsWith("Contribution by Albania"))!;
    const numbered = ((await (await page.request.get(`/api/documents/${row.id}`)).json()) as { paragraphs: { number: string | null }[] }).paragraphs.find((p) => p.number)!;
    await fileObjection(page, server, row.id, numbered.number!);
    const after = (await (await page.request.get("/api/documents")).json()) as typeof before;
    expect(after.documents.find((d) => d.id === row.id)!.openPositions).toBe(row.openPositions + 1);

    const api = await page.request.get("/api/documents");
    const { documents } = (await api.json()) as { documents: { role: string }[] };
    expect(documents.every((d) => d.role === "delegate")).toBe(true);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/documents")).status()).toBe(401);
  });

  test("only the account routes the product uses are open: a delegate cannot rename themselves (update-user) nor reach the others", async ({ page, server }) => {
    await signIn(page, server, "albania");
    const headers = { origin: server.url };
    const rename = await page.request.post("/api/auth/update-user", { data: { name: "Chair" }, headers });
    expect(rename.status()).toBe(404);
    expect(await rename.json()).toEqual({ error: "not_found", message: "no such account route" });
    for (const path of ["/api/auth/change-email", "/api/auth/delete-user", "/api/auth/list-sessions", "/api/auth/sign-up/email", "/api/auth/request-password-reset"]) {
      expect((await page.request.post(path, { data: {}, headers })).status(), path).toBe(404);
    }
    const session = (await (await page.request.get("/api/auth/get-session")).json()) as { user: { name: string } };
    expect(session.user.name).not.toBe("Chair");
    expect(session.user.name).toContain("Albania");
  });

  test("scripts sign in with POST /api/auth/sign-in/email and read the paragraph model", async ({ playwright, server }) => {
    const api = await playwright.request.newContext({ baseURL: server.url });
    const res = await api.post("/api/auth/sign-in/email", { data: { email: ACCOUNTS.chair, password: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    const list = (await (await api.get("/api/documents")).json()) as { documents: { id: string; title: string; role: string }[] };
    const osce = list.documents.find((d) => d.title.includes(OSCE));
    expect(osce?.role).toBe("chair");
    const doc = (await (await api.get(`/api/documents/${osce!.id}`)).json()) as {
      paragraphs: { id: string; number: string | null; kind: string; text: string }[];
    };
    const ops = doc.paragraphs.filter((p) => p.kind === "operative");
    expect(ops.map((p) => p.number)).toEqual(["OP1", "OP2", "OP3", "OP4"]);
    expect(ops[0]!.text).toMatch(/^Continue to implement/);
    expect(doc.paragraphs.find((p) => p.number === "PP1")?.text).toMatch(/^Noting/);
    await api.dispose();
  });

  test("a user with no role gets 403 from the page, the API and the socket", async ({ page, server, browser }) => {
    // The chair creates a document; the Albanian delegate holds no role on it.
    const chair = await browser.newContext({ baseURL: server.url });
    const chairPage = await chair.newPage();
    await signIn(chairPage, server, "chair");
    const created = await chairPage.request.post("/api/documents", {
      data: { title: "Chair's private draft" },
      headers: { origin: server.url },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await signIn(page, server, "albania");
    expect((await page.request.get(`/api/documents/${id}`)).status()).toBe(403);
    await page.goto(`/documents/${id}`);
    await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
    const socket = await tryRawSocket(`${server.url.replace(/^http/, "ws")}/collab/${id}`, {
      cookie: await cookieHeader(page.context()),
    });
    expect(socket).toEqual({ status: 403, messages: 0 });
    const osceId = await documentId(page, OSCE);
    expect((await page.request.get(`/api/documents/${osceId}`)).status()).toBe(200);
    await chair.close();
  });

  test("state-changing API calls from another origin are refused", async ({ page, server }) => {
    await signIn(page, server, "chair");
    const res = await page.request.post("/api/documents", {
      data: { title: "CSRF" },
      headers: { origin: "https://evil.example" },
    });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { message: string }).message).toMatch(/cross-site/);
  });
});
