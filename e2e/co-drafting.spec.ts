import { documentId, editor, expect, OSCE, personPage, test } from "./fixtures";

test("two delegates see each other's typing live, with carets and the online list", async ({ browser, server }) => {
  const albania = await personPage(browser, server, "albania");
  const belarus = await personPage(browser, server, "belarus");
  const id = await documentId(albania, OSCE);
  await Promise.all([albania.goto(`/documents/${id}`), belarus.goto(`/documents/${id}`)]);
  for (const p of [albania, belarus]) {
    await expect(p.getByTestId("connection")).toHaveAttribute("data-state", "synced");
    await expect(p.locator('[data-number="OP1"]')).toContainText("Continue to implement");
  }

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
  await albania.context().close();
  await belarus.context().close();
});
