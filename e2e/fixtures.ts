import { test as base, expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { PlenaryServer } from "./server-process";

export const DEMO_PASSWORD = "plenary-demo";

export const ACCOUNTS = {
  chair: "chair@example.org",
  albania: "albania@example.org",
  belarus: "belarus@example.org",
  russia: "russian-federation@example.org",
  observer: "observer@example.org",
} as const;

export type Who = keyof typeof ACCOUNTS;

/** Signs in through the real form and waits for the document list. */
export async function signIn(page: Page, server: PlenaryServer, who: Who): Promise<void> {
  await signInAs(page, `${server.url}/sign-in`, ACCOUNTS[who], DEMO_PASSWORD);
}

/** Signs in any account (one a chair made) through the real form at `url`, and waits for the document list. */
export async function signInAs(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Documents" })).toBeVisible();
}

/** A signed-in page in its own browser context (one context per simulated person). */
export async function personPage(browser: Browser, server: PlenaryServer, who: Who, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, ...options });
  const page = await context.newPage();
  await signIn(page, server, who);
  return page;
}

/** The id of the seeded document whose title contains `titlePart`. */
export async function documentId(page: Page, titlePart: string): Promise<string> {
  const res = await page.request.get("/api/documents");
  expect(res.status()).toBe(200);
  const { documents } = (await res.json()) as { documents: { id: string; title: string }[] };
  const doc = documents.find((d) => d.title.toLowerCase().includes(titlePart.toLowerCase()));
  if (!doc) throw new Error(`no document with "${titlePart}" in: ${documents.map((d) => d.title).join(" | ")}`);
  return doc.id;
}

/** The editor's editable area. */
export function editor(page: Page) {
  return page.getByLabel(/^Text of /);
}

export const OSCE = "ENHANCING OSCE EFFORTS";

/** One real server per spec file (worker-scoped), seeded on first start. */
export const test = base.extend<object, { server: PlenaryServer }>({
  server: [
    async ({}, use) => {
      const server = new PlenaryServer();
      await server.start();
      await use(server);
      await server.stop();
      server.cleanup();
    },
    { scope: "worker" },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

export { expect };

/** Places the caret at the very end of a numbered paragraph (End only reaches the visual line's end). */
export async function caretAtEnd(page: Page, number: string): Promise<void> {
  const paragraph = page.locator(`[data-number="${number}"]`);
  await paragraph.click();
  await page.evaluate((n) => {
    const el = document.querySelector(`[data-number="${n}"]`);
    const walker = el ? document.createTreeWalker(el, NodeFilter.SHOW_TEXT) : null;
    let last: Node | null = null;
    for (let t = walker?.nextNode(); t; t = walker?.nextNode()) last = t;
    if (!last) return;
    const range = document.createRange();
    range.setStart(last, last.textContent?.length ?? 0);
    range.collapse(true);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  }, number);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest("[data-number]")?.getAttribute("data-number"))).toBe(number);
}

/** A paragraph of the live text as the server holds it (`GET /api/documents/<id>`), by its number. */
export async function serverParagraph(page: Page, id: string, number: string): Promise<{ id: string; text: string; runs: { text: string; marks?: string[] }[] }> {
  const doc = (await (await page.request.get(`/api/documents/${id}`)).json()) as { paragraphs: { id: string; number: string | null; text: string; runs: { text: string; marks?: string[] }[] }[] };
  const p = doc.paragraphs.find((x) => x.number === number);
  if (!p) throw new Error(`no paragraph ${number} in document ${id}`);
  return p;
}

/** `page`'s user files an objection on the first two words of paragraph `number` (through the API, as a delegate's window does). */
export async function fileObjection(page: Page, server: PlenaryServer, documentId: string, number: string): Promise<void> {
  const paragraph = await serverParagraph(page, documentId, number);
  const quote = paragraph.text.split(" ").slice(0, 2).join(" ");
  const filed = await page.request.post(`/api/documents/${documentId}/annotations`, {
    data: { blockId: paragraph.id, from: 0, to: quote.length, quote, kind: "objection" },
    headers: { origin: server.url },
  });
  expect(filed.status()).toBe(201);
}
