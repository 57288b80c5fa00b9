import { documentId, editor, expect, OSCE, personPage, test } from "./fixtures";

test("two delegates see each other's typing live (open drafting), with carets and the online list", async ({ browser, server }) => {
  const albania = await personPage(browser, server, "albania");
  const belarus = await personPage(browser, server, "belarus");
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(albania, OSCE);
  // Seeded documents start in chair's pen; delegates type once the chair opens the drafting.
  const opened = await chair.request.put(`/api/documents/${id}/mode`, { data: { mode: "open_drafting" }, headers: { origin: server.url } });
  expect(opened.status()).toBe(200);
  await Promise.all([albania.goto(`/documents/${id}`), belarus.goto(`/documents/${id}`)]);
  for (const p of [albania, belarus]) {
    await expect(p.getByTestId("connection")).toHaveAttribute("data-state", "synced");
    await expect(p.locator('[data-number="OP1"]')).toContainText("Continue to implement");
  }

  for (const p of [albania, belarus]) await p.getByRole("tab", { name: /Online/ }).click();
  await expect(albania.getByTestId("presence")).toContainText("Delegate of Belarus");
  await expect(belarus.getByTestId("presence")).toContainText("Delegate of Albania");

  await albania.locator('[data-number="OP4"]').click();
  await albania.keyboard.press("End");
  await albania.keyboard.type(" Albania types here.");
  await expect(belarus.locator('[data-number="OP4"]')).toContainText("Albania types here.");

  await belarus.locator('[data-number="PP1"]').click();
  await belarus.keyboard.press("End");
  await belarus.keyboard.type(" Belarus answers.");
  await expect(albania.locator('[data-number="PP1"]')).toContainText("Belarus answers.");
  await expect(editor(albania)).toHaveAttribute("contenteditable", "true");

  // The other's caret carries the server-known name.
  await expect(albania.locator(".collaboration-carets__label", { hasText: "Delegate of Belarus" })).toBeVisible();

  // The live paragraph model over the API shows both edits.
  const model = (await (await albania.request.get(`/api/documents/${id}`)).json()) as { paragraphs: { number: string; text: string }[] };
  expect(model.paragraphs.find((p) => p.number === "OP4")?.text).toContain("Albania types here.");
  // Typing was tracked: each delegation's words carry its code.
  await expect(albania.locator('[data-number="PP1"] ins[data-delegation="BLR"]')).toHaveText(" Belarus answers.");
  await chair.request.put(`/api/documents/${id}/mode`, { data: { mode: "chairs_pen" }, headers: { origin: server.url } });
  await albania.context().close();
  await belarus.context().close();
  await chair.context().close();
});
