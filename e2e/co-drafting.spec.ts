import { documentId, editor, expect, OSCE, personPage, test, caretAtEnd, serverParagraph } from "./fixtures";

test("two delegates see each other's typing live (open drafting), with carets and the online list", async ({ browser, server }) => {
  const albania = await personPage(browser, server, "albania");
  const belarus = await personPage(browser, server, "belarus");
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(albania, OSCE);
  // Seeded documents start in chair's pen; delegates type once the chair opens the drafting.
  const opened = await chair.request.put(`/api/documents/${id}/mode`, { data: { mode: "open_drafting" }, headers: { origin: server.url } });
  expect(opened.status()).toBe(200);
  const saved = await chair.request.post(`/api/documents/${id}/versions`, { data: { label: `Before co-drafting ${Date.now()}` }, headers: { origin: server.url } });
  expect(saved.status()).toBe(201);
  const before = (await saved.json()) as { id: string };
  await Promise.all([albania.goto(`/documents/${id}`), belarus.goto(`/documents/${id}`)]);
  for (const p of [albania, belarus]) {
    await expect(p.getByTestId("connection")).toHaveAttribute("data-state", "synced");
    await expect(p.locator('[data-number="OP1"]')).toContainText("Continue to implement");
  }

  for (const p of [albania, belarus]) await p.getByRole("tab", { name: /Online/ }).click();
  await expect(albania.getByTestId("presence")).toContainText("Delegate of Belarus");
  await expect(belarus.getByTestId("presence")).toContainText("Delegate of Albania");

  await caretAtEnd(albania, "OP4");
  await albania.keyboard.type(" Albania types here.");
  await expect(belarus.locator('[data-number="OP4"]')).toContainText("Albania types here.");

  await caretAtEnd(belarus, "PP1");
  await belarus.keyboard.type(" Belarus answers.");
  await expect(albania.locator('[data-number="PP1"]')).toContainText("Belarus answers.");
  await expect(editor(albania)).toHaveAttribute("contenteditable", "true");

  // The other's caret carries the server-known name.
  await expect(albania.locator(".collaboration-carets__label", { hasText: "Delegate of Belarus" })).toBeVisible();

  // The live paragraph model over the API shows both edits.
  expect((await serverParagraph(albania, id, "OP4")).text).toContain("Albania types here.");
  // Typing was tracked: each delegation's words carry its code.
  await expect(albania.locator('[data-number="PP1"] ins[data-delegation="BLR"]')).toHaveText(" Belarus answers.");
  const headers = { origin: server.url };
  // Compared with a version saved before they typed, the live text holds no new accepted
  // text, and the compare page says what awaits the chair instead of only "No differences".
  await chair.goto(`/documents/${id}/compare?from=${before.id}&to=live`);
  // Their two changes are named among any that earlier tests left waiting in this text.
  const pending = chair.getByTestId("pending-to");
  await expect(pending).toContainText(/^Live text holds \d+ tracked changes awaiting the chair's decision \(.*\), not compared: a proposal is not text until it is accepted\./);
  await expect(pending).toContainText(/[(;] ?by ([^;]* and )?Belarus( and [^;]*)? in PP1[;)]/);
  await expect(pending).toContainText(/[(;] ?by ([^;]* and )?Albania( and [^;]*)? in OP4[;)]/);
  await expect(chair.getByTestId("pending-to").getByRole("link", { name: "Review them in the live text" })).toHaveAttribute("href", `/documents/${id}`);
  // The version saved before they typed holds only what earlier tests left waiting, if anything: two fewer.
  const held = async (side: string) => Number(/holds (\d+) tracked/.exec((await chair.getByTestId(`pending-${side}`).allTextContents()).join(" "))?.[1] ?? 0);
  expect(await held("to")).toBe((await held("from")) + 2);
  await expect(chair.getByTestId("compare-summary")).toContainText("No differences in the accepted text");
  await expect(chair.getByTestId("reference-changes")).toHaveText(/^References and watched terms: none removed, added or moved \(\d+ in Before co-drafting \d+ · \d+ in Live text\)\.$/);
  // The chair accepts Albania's tracked changes and rejects Belarus's: the text is clean again.
  expect((await chair.request.post(`/api/documents/${id}/suggestions/decision`, { data: { decision: "accept", delegation: "ALB" }, headers })).status()).toBe(200);
  expect((await chair.request.post(`/api/documents/${id}/suggestions/decision`, { data: { decision: "reject", delegation: "BLR" }, headers })).status()).toBe(200);
  await expect(belarus.locator('[data-number="PP1"]')).not.toContainText("Belarus answers.");
  await expect(belarus.locator('[data-number="OP4"] ins')).toHaveCount(0);
  await expect(belarus.locator('[data-number="OP4"]')).toContainText("Albania types here.");
  await chair.request.put(`/api/documents/${id}/mode`, { data: { mode: "chairs_pen" }, headers });
  await albania.context().close();
  await belarus.context().close();
  await chair.context().close();
});

test("the chair pastes from Word with tracked changes: the text arrives as accepted, no mark without an id", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, "Albania");
  await chair.goto(`/documents/${id}`);
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await caretAtEnd(chair, "2.");
  // Word's clipboard HTML carries revisions as bare <ins>/<del> elements.
  await chair.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/html", '<p class=MsoNormal> Pasted <ins cite="mailto:Secretariat" datetime="2026-11-30T10:00">kept words</ins><del cite="mailto:Secretariat">dropped words</del> end.</p>');
    data.setData("text/plain", " Pasted kept wordsdropped words end.");
    document.querySelector(".ProseMirror")!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(chair.locator('[data-number="2."]')).toContainText("Pasted kept words end.");
  await expect(chair.locator('[data-number="2."]')).not.toContainText("dropped words");
  await expect(chair.locator('[data-number="2."] ins, [data-number="2."] del')).toHaveCount(0);
  // Stored as plain text: the server's paragraph model has no tracked-change run in it.
  await expect
    .poll(async () => {
      const p = await serverParagraph(chair, id, "2.");
      return { text: p.text.endsWith("Pasted kept words end."), marked: p.runs.some((r) => r.marks?.some((m) => m === "insertion" || m === "deletion")) };
    })
    .toEqual({ text: true, marked: false });
  await chair.context().close();
});
