import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { test as base, documentId, expect, OSCE, personPage, signInAs } from "./fixtures";
import { PlenaryServer } from "./server-process";

/**
 * This spec's server trusts this machine as a proxy, so that each person here calls from an
 * address of their own (X-Forwarded-For), and allows 4 failed sign-ins (or wrong current
 * passwords) a minute per address: each person's wrong tries count apart from the others'.
 */
const test = base.extend<object, { server: PlenaryServer }>({
  server: [
    async ({}, use) => {
      const server = new PlenaryServer();
      await server.start({ TRUSTED_PROXIES: "127.0.0.1,::1", SIGN_IN_PER_MINUTE: "4" });
      await use(server);
      await server.stop();
      server.cleanup();
    },
    { scope: "worker" },
  ],
});

interface Person {
  email: string;
  password: string;
  /** The OSCE decision, on which the person is a delegate of Norway. */
  id: string;
  /** Where the person's browsers call from. */
  address: string;
}

let addresses = 0;

/**
 * A person of this spec's own, added by the chair from a pasted list as a delegate of Norway
 * on the OSCE decision, with the generated password a chair hands out (the demo accounts'
 * passwords are the other specs').
 */
async function newPerson(browser: Browser, server: PlenaryServer, email: string, name: string): Promise<Person> {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  const res = await chair.request.post(`/api/documents/${id}/participants/list`, { data: { list: `${email}, ${name}, NOR` }, headers: { origin: server.url } });
  expect(res.status()).toBe(200);
  const { added } = (await res.json()) as { added: { email: string; password: string | null }[] };
  const password = added.find((a) => a.email === email)?.password;
  expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await chair.context().close();
  addresses += 1;
  return { email, password: password!, id, address: `203.0.113.${addresses}` };
}

/** A browser context of the person's own (from the person's address), signed in with `password`. */
async function signedIn(browser: Browser, server: PlenaryServer, person: Person, password = person.password): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: server.url, extraHTTPHeaders: { "x-forwarded-for": person.address } })).newPage();
  await signInAs(page, "/sign-in", person.email, password);
  return page;
}

/** Fills the change-password form and sends it. */
async function change(page: Page, current: string, next: string, confirm = next): Promise<void> {
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("New password again").fill(confirm);
  await page.getByRole("button", { name: "Change password" }).click();
}

/** The sign-in form's answer to `email` with `password`, in a fresh context: true when it lets the person in. */
async function signsIn(browser: Browser, server: PlenaryServer, person: Person, password: string): Promise<boolean> {
  const context = await browser.newContext({ baseURL: server.url, extraHTTPHeaders: { "x-forwarded-for": person.address } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const admitted = page.getByRole("heading", { name: "Documents" });
  await expect(admitted.or(page.getByText("Wrong email or password."))).toBeVisible();
  const outcome = await admitted.isVisible();
  await context.close();
  return outcome;
}

test("a person changes the generated password on the Account page: wrong, short or mistyped tries are refused on their field; the change signs out the other sessions when asked, and only the new password signs in", async ({ browser, server }) => {
  const person = await newPerson(browser, server, "ingrid@mfa.no", "Ingrid Dahl");
  const changed = "fjord and birch in May";
  const final = "a third passphrase, longer";

  // The same person in another browser, with the document open and its socket synced.
  const other = await signedIn(browser, server, person);
  await other.goto(`/documents/${person.id}`);
  await expect(other.getByTestId("connection")).toHaveAttribute("data-state", "synced");

  const page = await signedIn(browser, server, person);
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Ingrid Dahl" }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/^Account/);
  const you = page.getByRole("region", { name: "You", exact: true });
  await expect(you).toContainText("Ingrid Dahl");
  await expect(you).toContainText("ingrid@mfa.no");
  const roles = page.getByRole("region", { name: "Your roles" }).getByRole("listitem");
  await expect(roles).toHaveCount(1);
  await expect(roles.first()).toContainText(/ENHANCING OSCE EFFORTS/i);
  await expect(roles.first()).toContainText("Delegate · Norway");

  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/api/auth/change-password")) sent.push(r.method());
  });
  const current = page.getByLabel("Current password");
  const next = page.getByLabel("New password", { exact: true });
  const confirm = page.getByLabel("New password again");
  const revoke = page.getByRole("checkbox", { name: "Sign out my other sessions" });
  await expect(revoke).toBeChecked();

  // A wrong current password: the server says so, on that field, and the focus is on the message.
  await change(page, "not-my-password", changed);
  const wrong = page.getByRole("alert").filter({ hasText: "The current password is wrong." });
  await expect(wrong).toBeVisible();
  await expect(wrong).toBeFocused();
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(current).toHaveAttribute("aria-describedby", (await wrong.getAttribute("id"))!);
  expect(sent).toEqual(["POST"]);

  // Too short for the server's minimum (8): refused before it is sent, as the server would.
  await change(page, person.password, "seven77");
  const short = page.getByRole("alert").filter({ hasText: "The new password needs at least 8 characters." });
  await expect(short).toBeFocused();
  await expect(next).toHaveAttribute("aria-invalid", "true");
  await expect(next).toHaveAttribute("aria-describedby", new RegExp(`\\b${await short.getAttribute("id")}\\b`));
  await expect(current).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("The current password is wrong.")).toHaveCount(0);
  expect(sent).toHaveLength(1);

  // The same as the current one, and a confirmation that differs.
  await change(page, person.password, person.password);
  await expect(page.getByRole("alert").filter({ hasText: "same as the current one" })).toBeFocused();
  await change(page, person.password, changed, "fjord and birch in june");
  await expect(page.getByRole("alert").filter({ hasText: "The two new passwords differ." })).toBeFocused();
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  expect(sent).toHaveLength(1);

  // Changed without signing out the other session: it stays signed in.
  await revoke.uncheck();
  await change(page, person.password, changed);
  const done = page.getByRole("status").filter({ hasText: "Your password is changed. Your other sessions stay signed in." });
  await expect(done).toBeFocused();
  // (Next's route announcer is an empty alert of its own, outside the form.)
  await expect(page.getByRole("region", { name: "Change password" }).getByRole("alert")).toHaveCount(0);
  for (const field of [current, next, confirm]) await expect(field).toHaveValue("");
  await expect(revoke).toBeChecked();
  expect((await other.request.get("/api/documents")).status()).toBe(200);

  // Changed again, signing out the other sessions: the other browser's socket is closed
  // within seconds (the once-a-second sweep of ended sessions) and its requests are refused;
  // this browser stays signed in, and a document open in its other tab carries on (its
  // session was renewed with the change: the tab connects again instead of asking for a reload).
  const tab = await page.context().newPage();
  await tab.goto(`/documents/${person.id}`);
  await expect(tab.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  // Every state the tab's connection goes through, as it changes.
  await tab.evaluate(() => {
    const el = document.querySelector('[data-testid="connection"]')!;
    const states: string[] = [];
    (window as unknown as { states: string[] }).states = states;
    new MutationObserver(() => states.push(el.getAttribute("data-state") ?? "")).observe(el, { attributes: true, attributeFilter: ["data-state"] });
  });
  await change(page, changed, final);
  await expect(page.getByRole("status").filter({ hasText: "Your other sessions are signed out" })).toBeFocused();
  await expect(other.getByTestId("connection")).toHaveAttribute("data-state", "ended", { timeout: 5_000 });
  await expect(other.getByText(/Access ended/)).toBeVisible();
  expect((await other.request.get("/api/documents")).status()).toBe(401);
  expect((await page.request.get("/api/documents")).status()).toBe(200);
  // The tab went through the sweep (its socket's session is gone), then came back.
  await expect.poll(() => tab.evaluate(() => (window as unknown as { states: string[] }).states.join(" ")), { timeout: 10_000 }).toMatch(/reconnecting.* synced$/);
  await expect(tab.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await expect(tab.getByText(/Access ended/)).toHaveCount(0);
  // Its live positions came back too: a delegate's objection filed now shows there.
  const para = ((await (await tab.request.get(`/api/documents/${person.id}`)).json()) as { paragraphs: { id: string; number: string | null; text: string }[] }).paragraphs.find((p) => p.number === "OP1")!;
  const quote = para.text.split(" ").slice(0, 3).join(" ");
  expect((await page.request.post(`/api/documents/${person.id}/annotations`, { data: { blockId: para.id, from: 0, to: quote.length, quote, kind: "objection" }, headers: { origin: server.url } })).status()).toBe(201);
  await expect(tab.getByRole("article", { name: /^Objection by Norway on OP1/ })).toBeVisible({ timeout: 10_000 });
  await tab.close();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();
  expect(sent).toHaveLength(3);

  // Only the newest password signs in.
  expect(await signsIn(browser, server, person, person.password)).toBe(false);
  expect(await signsIn(browser, server, person, changed)).toBe(false);
  expect(await signsIn(browser, server, person, final)).toBe(true);
  await other.context().close();
  await page.context().close();
});

test("the server refuses a change of password sent from another site (foreign Origin, or none with Sec-Fetch-Site: cross-site) and one below its minimum length, and the password stays", async ({ browser, server }) => {
  const person = await newPerson(browser, server, "lars@mfa.no", "Lars Berg");
  const page = await signedIn(browser, server, person);
  const body = { currentPassword: person.password, newPassword: "chosen by someone else", revokeOtherSessions: true };
  const variants: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }];
  for (const headers of variants) {
    const res = await page.request.post("/api/auth/change-password", { data: body, headers });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
  }
  expect((await page.request.get("/api/documents")).status()).toBe(200);
  // The server's own minimum is the form's (8): one character less is refused there too.
  const short = await page.request.post("/api/auth/change-password", { data: { currentPassword: person.password, newPassword: "seven77" }, headers: { origin: server.url } });
  expect(short.status()).toBe(400);
  expect(((await short.json()) as { code: string }).code).toBe("PASSWORD_TOO_SHORT");
  expect(await signsIn(browser, server, person, "chosen by someone else")).toBe(false);
  expect(await signsIn(browser, server, person, person.password)).toBe(true);
  await page.context().close();
});

test("the Account page passes axe's WCAG 2.1 A/AA rules, with a refusal and after a change, and reflows at 320 px", async ({ browser, server }) => {
  const person = await newPerson(browser, server, "sofie@mfa.no", "Sofie Lund");
  const page = await signedIn(browser, server, person);
  await page.goto("/account");
  const violations = async () =>
    (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  expect(await violations(), "account").toEqual([]);
  await change(page, "", "short", "other");
  await expect(page.getByRole("region", { name: "Change password" }).getByRole("alert")).toHaveCount(2);
  expect(await violations(), "account, with refusals").toEqual([]);
  await change(page, person.password, "a passphrase of Sofie's");
  await expect(page.getByRole("status").filter({ hasText: "Your password is changed." })).toBeVisible();
  expect(await violations(), "account, changed").toEqual([]);

  await page.setViewportSize({ width: 320, height: 640 });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.context().close();
});

test("changes of password from one address are not limited (a room shares one); wrong current passwords are, as failed sign-ins, and each person's changes a minute: past a limit the form says how long to wait", async ({ browser, server }) => {
  const [nora, ola, kari] = [await newPerson(browser, server, "nora@mfa.no", "Nora Holm"), await newPerson(browser, server, "ola@mfa.no", "Ola Lie"), await newPerson(browser, server, "kari@mfa.no", "Kari Dahl")];
  // The three at one address, a room's.
  ola.address = kari.address = nora.address;
  const changeBy = async (page: Page, currentPassword: string, newPassword: string) =>
    (await page.request.post("/api/auth/change-password", { data: { currentPassword, newPassword }, headers: { origin: server.url } })).status();
  // Five changes in a row from one address (better-auth's own rule refused the fourth in ten seconds).
  const noraPage = await signedIn(browser, server, nora);
  const olaPage = await signedIn(browser, server, ola);
  const passwords = { nora: nora.password, ola: ola.password };
  for (const [who, page, i] of [["nora", noraPage, 1], ["ola", olaPage, 2], ["nora", noraPage, 3], ["ola", olaPage, 4], ["nora", noraPage, 5]] as const) {
    const next = `passphrase number ${i}`;
    expect(await changeBy(page, passwords[who], next), `change ${i}`).toBe(200);
    passwords[who] = next;
  }
  // Four wrong current passwords from that address (this server's limit a minute), then the fifth is refused unchecked.
  const page = await signedIn(browser, server, kari);
  await page.goto("/account");
  for (let i = 0; i < 4; i++) expect(await changeBy(page, `guess ${i} of it`, "a new passphrase")).toBe(400);
  await change(page, kari.password, "a new passphrase");
  const wait = page.getByRole("region", { name: "Change password" }).getByRole("alert");
  await expect(wait).toHaveText(/^Too many tries\. Your password was not changed\. Try again in ([1-5]?[0-9]|60) seconds?\.$/);
  await expect(wait).toBeFocused();
  // One person's changes, right or wrong, are five a minute (each hashes a password): Nora's
  // three, then two wrong ones from an address of her own, and her sixth is refused before
  // any password is checked.
  const away = await (await browser.newContext({ baseURL: server.url, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.7" } })).newPage();
  await signInAs(away, "/sign-in", nora.email, passwords.nora);
  for (const guess of ["guess one", "guess two"]) expect(await changeBy(away, guess, "a sixth passphrase")).toBe(400);
  const sixth = await away.request.post("/api/auth/change-password", { data: { currentPassword: passwords.nora, newPassword: "a sixth passphrase" }, headers: { origin: server.url } });
  expect(sixth.status()).toBe(429);
  expect(((await sixth.json()) as { message: string }).message).toMatch(/^too many changes of password: try again in \d+ s$/);
  await away.context().close();
  for (const p of [noraPage, olaPage]) await p.context().close();
  // Counted with the account's failed sign-ins: 4 more from each of four other addresses make
  // the account's 20 (5 x 4) with these 4, and the right password is refused from a fifth.
  const from = (address: string) => browser.newContext({ baseURL: server.url, extraHTTPHeaders: { "x-forwarded-for": address } });
  for (let a = 1; a <= 4; a++) {
    const guesser = await from(`203.0.113.${240 + a}`);
    for (let i = 0; i < 4; i++) {
      const res = await guesser.request.post("/api/auth/sign-in/email", { data: { email: kari.email, password: `wrong ${a}.${i}` }, headers: { origin: server.url } });
      expect(res.status()).toBe(401);
    }
    await guesser.close();
  }
  const elsewhere = await from("203.0.113.250");
  const refused = await elsewhere.request.post("/api/auth/sign-in/email", { data: { email: kari.email, password: kari.password }, headers: { origin: server.url } });
  expect(refused.status()).toBe(429);
  await elsewhere.close();
  await page.context().close();
});
