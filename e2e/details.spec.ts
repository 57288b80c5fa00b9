import AxeBuilder from "@axe-core/playwright";
import { expect, personPage, test } from "./fixtures";

test("the chair edits the document's details: the header, a delegate's open window, the documents list and the exports follow; Escape leaves the form; a delegate may not", async ({ browser, server }) => {
  const [chair, delegate] = [await personPage(browser, server, "chair"), await personPage(browser, server, "albania")];
  const headers = { origin: server.url };
  const made = await chair.request.post("/api/documents", { data: { title: "Draft report of the Working Group", symbol: "A/AC.292/2026/CRP.1" }, headers });
  const { id } = (await made.json()) as { id: string };
  expect((await chair.request.post(`/api/documents/${id}/participants`, { data: { email: "albania@example.org", role: "delegate" }, headers })).status()).toBeLessThan(300);
  for (const page of [chair, delegate]) {
    await page.goto(`/documents/${id}`);
    await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  }
  await expect(delegate.getByRole("button", { name: "Edit details" })).toHaveCount(0);

  // Escape leaves the form, the focus back on its button.
  const edit = chair.getByRole("button", { name: "Edit details" });
  await edit.click();
  const form = chair.getByRole("form", { name: "Document details" });
  await expect(form.getByLabel("Title")).toBeFocused();
  await chair.keyboard.press("Escape");
  await expect(form).toHaveCount(0);
  await expect(edit).toBeFocused();

  // An empty title is refused in words.
  await edit.click();
  await form.getByLabel("Title").fill("  ");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form.getByRole("alert")).toHaveText("Give the document a title.");
  await expect(form.getByRole("alert")).toBeFocused();
  await expect(form.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  // The same refusal again takes the focus again (the button it came from was disabled).
  await form.getByLabel("Title").focus();
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form.getByRole("alert")).toBeFocused();
  const axe = await new AxeBuilder({ page: chair }).include("form").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // Saved meanwhile from elsewhere (another chair, another tab): a field the chair leaves alone is not put back.
  expect((await chair.request.patch(`/api/documents/${id}`, { data: { originalLanguage: "French" }, headers })).status()).toBe(200);
  await form.getByLabel("Title").fill("Final report of the Working Group");
  await form.getByLabel("Symbol").fill("A/AC.292/2026/L.1");
  await form.getByLabel("Date").fill("12 July 2026");
  await form.getByLabel("Place").fill("New York");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form).toHaveCount(0);
  await expect(edit).toBeFocused();
  await expect(chair.getByRole("status").filter({ hasText: "Details saved." })).toBeVisible();
  for (const page of [chair, delegate]) {
    await expect(page.locator(".doc-heading")).toHaveText("Final report of the Working Group");
    await expect(page.locator(".doc-symbol")).toContainText("A/AC.292/2026/L.1");
    await expect(page.getByTestId("fact-date")).toHaveText("12 July 2026");
    await expect(page.getByTestId("fact-place")).toHaveText("New York");
  }
  await expect(chair.getByTestId("fact-original")).toHaveText("French");
  // A symbol with a space is refused by the server, with its reason, and nothing changes;
  // so is one given to a new document (it could not be kept by an edit of its details).
  const bad = await chair.request.patch(`/api/documents/${id}`, { data: { symbol: "A/AC 292" }, headers });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { message: string }).message).toMatch(/^symbol: a document symbol is letters/);
  const badNew = await chair.request.post("/api/documents", { data: { title: "Another draft", symbol: "A/AC.292/2026/CRP.1 (draft)" }, headers });
  expect(badNew.status()).toBe(400);
  // A delegate may not.
  const refused = await delegate.request.patch(`/api/documents/${id}`, { data: { title: "Albania's report" }, headers });
  expect(refused.status()).toBe(403);
  // The documents list and the exports print the new details; clearing a field clears it.
  const listed = ((await (await chair.request.get("/api/documents")).json()) as { documents: { id: string; title: string; symbol: string | null }[] }).documents.find((d) => d.id === id);
  expect(listed).toMatchObject({ title: "Final report of the Working Group", symbol: "A/AC.292/2026/L.1" });
  const md = await (await chair.request.get(`/api/documents/${id}/export?format=md&version=live`)).text();
  expect(md.split("\n")[0]).toContain("A/AC.292/2026/L.1 · 12 July 2026");
  expect((await chair.request.patch(`/api/documents/${id}`, { data: { place: "" }, headers })).status()).toBe(200);
  await expect(delegate.getByTestId("fact-place")).toHaveCount(0);
  // One Yjs in the process: the pages' server rendering loads the custom server's copy (a
  // second one logged "Yjs was already imported. This breaks constructor checks").
  expect(server.output()).not.toContain("Yjs was already imported");
  await chair.context().close();
  await delegate.context().close();
});
