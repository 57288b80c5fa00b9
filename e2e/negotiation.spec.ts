import type { Page, Route } from "@playwright/test";
import * as Y from "yjs";
import { documentId, expect, fileObjection, OSCE, personPage, test, caretAtEnd, serverParagraph, signIn } from "./fixtures";
import { cookieHeader, nodeProvider, until } from "./raw-client";

async function openDoc(page: Page, id: string): Promise<void> {
  await page.goto(`/documents/${id}`);
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await expect(page.locator('[data-number="OP1"]')).toBeVisible();
}

/** Selects one word of a numbered paragraph by double-clicking it. */
async function selectWord(page: Page, number: string, word: string): Promise<void> {
  await page.locator(`[data-number="${number}"]`).getByText(word, { exact: false }).first().waitFor();
  const box = await page.evaluate(
    ({ number, word }) => {
      const el = document.querySelector(`[data-number="${number}"]`);
      if (!el) return null;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent?.indexOf(word) ?? -1;
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + word.length);
        const sel = window.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(range);
        return true;
      }
      return null;
    },
    { number, word },
  );
  expect(box).toBe(true);
  await expect(page.locator(".composer-quote q")).toHaveText(word);
}

async function liveParagraph(page: Page, id: string, number: string): Promise<string> {
  return (await serverParagraph(page, id, number)).text;
}


test("a delegate objects to a phrase and a second delegate's window shows it live", async ({ browser, server }) => {
  const albania = await personPage(browser, server, "albania");
  const belarus = await personPage(browser, server, "belarus");
  const id = await documentId(albania, OSCE);
  await openDoc(albania, id);
  await openDoc(belarus, id);

  await selectWord(albania, "OP2", "practical platform");
  await albania.getByText("Object", { exact: true }).click();
  await albania.getByLabel("Note (optional)").fill("The OSCE is not a platform for this.");
  await albania.getByRole("button", { name: "Submit" }).click();
  const submitted = albania.getByRole("status").filter({ hasText: "Objection submitted on OP2." });
  await expect(submitted).toBeVisible();
  // The same words are not offered again (a second click filed a twin), and the focus is on
  // what happened, not lost to the page.
  await expect(submitted).toBeFocused();
  await expect(albania.getByRole("button", { name: "Submit" })).toBeDisabled();
  // Another kind on the same words is another position.
  await albania.getByText("Reserve", { exact: true }).click();
  await expect(albania.getByRole("button", { name: "Submit" })).toBeEnabled();
  await albania.getByText("Object", { exact: true }).click();
  await expect(albania.getByRole("button", { name: "Submit" })).toBeDisabled();
  await expect(albania.getByText("Filed. To file another, select other words or choose another kind.")).toBeVisible();
  const op2 = await serverParagraph(albania, id, "OP2");
  const from = op2.text.indexOf("practical platform");
  const twin = await albania.request.post(`/api/documents/${id}/annotations`, {
    data: { blockId: op2.id, from, to: from + 18, quote: "practical platform", kind: "objection", body: "again" },
    headers: { origin: server.url },
  });
  expect(twin.status()).toBe(409);
  expect(((await twin.json()) as { message: string }).message).toBe("your delegation has already filed this objection on these words and it is open: reply to it instead");

  const card = belarus.getByRole("article", { name: "Objection by Albania on OP2" });
  await expect(card).toBeVisible({ timeout: 2_000 });
  await expect(card.locator("blockquote")).toHaveText("practical platform");
  // Drawn on the text for everyone, in Albania's colour.
  await expect(belarus.locator('[data-number="OP2"] .ann-objection')).toHaveText("practical platform");

  // Albania withdraws it: asked first (cancel keeps it), then it leaves every window.
  await albania.getByRole("tab", { name: /Positions/ }).click();
  const own = albania.getByRole("article", { name: "Objection by Albania on OP2" }).filter({ hasText: "The OSCE is not a platform for this." });
  const asked: string[] = [];
  albania.once("dialog", (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await own.getByRole("button", { name: "Withdraw" }).click();
  await expect.poll(() => asked).toEqual(["Withdraw your delegation's objection on OP2?"]);
  await expect(own).toContainText("open");
  albania.once("dialog", (d) => void d.accept());
  await own.getByRole("button", { name: "Withdraw" }).click();
  await expect(albania.locator("#side-panel").getByRole("status")).toHaveText("Withdrawn: Albania's objection on OP2.");
  await expect(card).toHaveCount(0);
  await albania.context().close();
  await belarus.context().close();
});

test("a delegate proposes a replacement, another co-sponsors, the chair accepts: every window shows the new text", async ({ browser, server }) => {
  const albania = await personPage(browser, server, "albania");
  const belarus = await personPage(browser, server, "belarus");
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  for (const p of [albania, belarus, chair]) await openDoc(p, id);

  await selectWord(albania, "OP4", "Invite");
  await albania.getByText("Amend", { exact: true }).click();
  await albania.getByLabel("Amendment type").selectOption("replace");
  await albania.getByLabel("Proposed wording").fill("Encourage");
  await albania.getByRole("button", { name: "Submit" }).click();

  // Everyone sees the inline proposal: "Invite" struck, "Encourage" inserted.
  for (const p of [belarus, chair]) {
    await expect(p.locator('[data-number="OP4"] .amend-del')).toHaveText("Invite");
    await expect(p.locator('[data-number="OP4"] .amend-ins')).toHaveText("Encourage");
  }

  await belarus.getByRole("tab", { name: /Positions/ }).click();
  const onBelarus = belarus.getByRole("article", { name: "Amendment by Albania on OP4" });
  await onBelarus.getByRole("button", { name: "Co-sponsor" }).click();
  await expect(onBelarus).toContainText("with Belarus");
  await expect(belarus.locator("#side-panel").getByRole("status")).toHaveText("Your delegation co-sponsors Albania's amendment on OP4.");
  // A co-sponsorship can be withdrawn while the amendment is open, and given again.
  await onBelarus.getByRole("button", { name: "Stop co-sponsoring" }).click();
  await expect(belarus.locator("#side-panel").getByRole("status")).toHaveText("Your delegation no longer co-sponsors Albania's amendment on OP4.");
  await expect(onBelarus).not.toContainText("with Belarus");
  await expect(onBelarus.locator(".history")).toContainText("cosponsorship withdrawn by Delegate of Belarus (Belarus)");
  await onBelarus.getByRole("button", { name: "Co-sponsor" }).click();
  await expect(onBelarus).toContainText("with Belarus");

  await chair.getByRole("tab", { name: "Review" }).click();
  const item = chair.getByTestId("review").getByRole("listitem").filter({ hasText: "Encourage" });
  await item.getByRole("button", { name: /^Invite|amendment/ }).first().click();
  await item.getByRole("button", { name: "Accept (A)" }).click();

  for (const p of [albania, belarus, chair]) {
    await expect(p.locator('[data-number="OP4"]')).toHaveText(/^Encourage the OSCE Partners for Co-operation/);
  }
  expect(await liveParagraph(chair, id, "OP4")).toMatch(/^Encourage the OSCE Partners/);
  // The delegations behind it are told, wherever their panel is.
  await expect(albania.getByTestId("mode-notice")).toContainText("The chair accepted your amendment replacing “Invite” with “Encourage” on OP4.");
  await expect(belarus.getByTestId("mode-notice")).toContainText("The chair accepted Albania's amendment replacing “Invite” with “Encourage” on OP4, which your delegation co-sponsors.");
  await albania.getByRole("tab", { name: /Positions/ }).click();
  await albania.getByLabel("Open only").uncheck();
  const accepted = albania.getByRole("article", { name: "Amendment by Albania on OP4" });
  await expect(accepted).toContainText("accepted");
  await accepted.getByText(/History/).click();
  await expect(accepted.locator(".history")).toContainText("accepted by Chair");
  for (const p of [albania, belarus, chair]) await p.context().close();
});

test("the chair works through the review by keyboard: the queue fits the window, the current item stays in view, a decision says what it decided and U takes it back", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  await chair.setViewportSize({ width: 1440, height: 900 });
  // The page hydrates cleanly (it did not while the export menu, a <details>, sat in a <p>).
  const pageErrors: string[] = [];
  chair.on("pageerror", (err) => pageErrors.push(err.message));
  const id = await documentId(chair, OSCE);
  await openDoc(chair, id);
  // "?" outside the text lists the shortcuts; Esc closes the list.
  await chair.locator(".doc-heading").click();
  await chair.keyboard.press("?");
  const shortcuts = chair.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toBeVisible();
  await expect(shortcuts.getByText("undo the last decision that left the text as it was")).toBeVisible();
  await chair.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();
  // From the text, Alt+Shift+V goes to the review queue.
  await chair.getByRole("tab", { name: /Positions/ }).click();
  await chair.locator('[data-number="PP1"]').click();
  // A J pressed at once after the shortcut is never typed into the text.
  const pp1Text = (await chair.locator('[data-number="PP1"]').textContent()) ?? "";
  await chair.keyboard.press("Alt+Shift+V");
  await chair.keyboard.press("j");
  const review = chair.getByTestId("review");
  await expect(review).toBeFocused();
  await expect(chair.locator('[data-number="PP1"]')).toHaveText(pp1Text);
  await chair.keyboard.press("k");
  // Keys with modifiers are not decisions: Ctrl+A and Alt+Shift+A leave the queue as it is.
  const queued = await review.getByRole("listitem").count();
  await chair.keyboard.press("Control+a");
  await chair.keyboard.press("Alt+Shift+A");
  await chair.waitForTimeout(300);
  await expect(review.getByRole("listitem")).toHaveCount(queued);
  await expect(review.getByRole("status")).toHaveCount(0);
  // The side column ends inside the window: the queue scrolls in its own panel.
  const panel = await chair.locator("#side-panel").boundingBox();
  expect(panel!.y + panel!.height).toBeLessThanOrEqual(900);

  const counter = review.getByText(/^\d+ of \d+ ·/);
  const count = async () => Number(/of (\d+)/.exec((await counter.textContent()) ?? "")![1]);
  const all = await count();
  expect(all).toBeGreaterThan(3);
  await review.focus();
  for (let i = 1; i < all; i++) await chair.keyboard.press("j");
  await expect(counter).toHaveText(new RegExp(`^${all} of ${all}`));
  await expect(review.locator('li[aria-current="true"]')).toBeInViewport();

  // A second objection, so that the one decided below has a neighbour the queue could move to.
  const belarus = await personPage(browser, server, "belarus");
  await fileObjection(belarus, server, id, "PP1");
  await expect.poll(count).toBe(all + 1);
  await review.getByLabel("Review kind").selectOption("objection");
  const total = await count();
  expect(total).toBeGreaterThan(1);
  await review.focus();
  const current = (await review.locator('li[aria-current="true"] .review-item').textContent()) ?? "";
  const [, number, who] = /^(\S+) objection · ([^:+]+?)(?: \+\d+)?:/.exec(current)!;
  // The refresh of the position that the decision's event starts answers late, after the U
  // below (as on a busy server): that older read must not take the reopened item away again.
  const oneAnnotation = /\/api\/documents\/[^/]+\/annotations\/[^/?]+$/;
  const slowReads = async (route: Route) => {
    if (route.request().method() !== "GET") return route.fallback();
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ response });
  };
  await chair.route(oneAnnotation, slowReads);
  await chair.keyboard.press("s");
  await expect(review.getByRole("status")).toContainText(`Resolved: ${who}'s objection`);
  await expect(review.getByRole("status")).toContainText(`on ${number}.`);
  await expect(review.getByText(total > 1 ? new RegExp(`of ${total - 1} ·`) : "Nothing left to review.")).toBeVisible();
  await chair.keyboard.press("u");
  await expect(review.getByRole("status")).toHaveText(/Decision taken back/);
  await expect(counter).toHaveText(new RegExp(`of ${total} ·`));
  // The reopened item is current again: the next key decides it, not the one after it.
  await expect(review.locator('li[aria-current="true"] .review-item')).toHaveText(current);
  // Once the late reads have come in, the reopened item is still there and still current.
  await chair.waitForTimeout(2500);
  await chair.unroute(oneAnnotation, slowReads);
  await expect(counter).toHaveText(new RegExp(`of ${total} ·`));
  await expect(review.locator('li[aria-current="true"] .review-item')).toHaveText(current);
  const { annotations } = (await (await chair.request.get(`/api/documents/${id}/annotations`)).json()) as { annotations: { status: string; kind: string }[] };
  expect(annotations.filter((a) => a.kind === "objection" && a.status === "open")).toHaveLength(total);
  // Escape goes back to the text, at the current item's paragraph (Alt+Shift+R would mark it).
  await review.focus();
  await chair.keyboard.press("Escape");
  await expect(chair.locator(".ProseMirror")).toBeFocused();
  expect(await chair.evaluate(() => (window.getSelection()?.anchorNode?.parentElement?.closest("[data-number]") as HTMLElement | null)?.dataset.number)).toBe(number);
  // Alt+Shift+V from elsewhere in the text shows the current item's paragraph before any J / K:
  // what A would decide is on screen.
  const elsewhere = await chair.locator(".ProseMirror [data-number]").evaluateAll((els, n) => els.map((e) => (e as HTMLElement).dataset.number).filter((x) => x && x !== n).pop(), number);
  await chair.locator(`[data-number="${elsewhere}"]`).click();
  const item = chair.locator(`[data-number="${number}"]`);
  await expect(item).not.toBeInViewport();
  await chair.keyboard.press("Alt+Shift+V");
  await expect(review).toBeFocused();
  await expect(item).toBeInViewport();
  // A reason typed in a narrow panel keeps its buttons inside the item.
  await chair.keyboard.press("r");
  const form = review.locator('li[aria-current="true"]');
  const [box, cancel] = await Promise.all([form.boundingBox(), form.getByRole("button", { name: "Cancel" }).boundingBox()]);
  expect(cancel!.x + cancel!.width).toBeLessThanOrEqual(box!.x + box!.width);
  await chair.keyboard.press("Escape");
  expect(pageErrors).toEqual([]);
  await chair.context().close();
});

test("the review's current item stays itself when a delegate files a position earlier in the text; Escape closes the reject form; after a rejection the keys still work", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const belarus = await personPage(browser, server, "belarus");
  const id = await documentId(chair, OSCE);
  await openDoc(chair, id);
  await chair.getByRole("tab", { name: "Review" }).click();
  const review = chair.getByTestId("review");
  const counter = review.getByText(/^\d+ of \d+ ·/);
  const all = Number(/of (\d+)/.exec((await counter.textContent()) ?? "")![1]);
  await review.focus();
  for (let i = 1; i < all; i++) await chair.keyboard.press("j");
  await expect(counter).toHaveText(new RegExp(`^${all} of ${all}`));
  const currentItem = review.locator('li[aria-current="true"] .review-item');
  const looking = (await currentItem.textContent()) ?? "";

  // Belarus objects to PP1, the first paragraph: the new item is queued above the current one.
  const pp1 = await serverParagraph(belarus, id, "PP1");
  const filed = await belarus.request.post(`/api/documents/${id}/annotations`, {
    data: { blockId: pp1.id, from: 0, to: 6, quote: pp1.text.slice(0, 6), kind: "objection", body: "filed while the chair reviews" },
    headers: { origin: server.url },
  });
  expect(filed.status()).toBe(201);
  await expect(counter).toHaveText(new RegExp(`^${all + 1} of ${all + 1}`));
  await expect(currentItem).toHaveText(looking);

  // R opens the reason; Escape closes it and the queue's keys work again.
  await chair.keyboard.press("r");
  await expect(review.getByLabel("Reason")).toBeFocused();
  await chair.keyboard.press("Escape");
  await expect(review.getByLabel("Reason")).toHaveCount(0);
  await expect(review).toBeFocused();
  await chair.keyboard.press("k");
  await expect(counter).toHaveText(new RegExp(`^${all} of ${all + 1}`));
  await chair.keyboard.press("j");
  await expect(currentItem).toHaveText(looking);

  // A rejection with a reason: the focus comes back to the queue, so U takes it back.
  await chair.keyboard.press("r");
  await chair.keyboard.type("not the moment");
  await chair.keyboard.press("Enter");
  await expect(review.getByRole("status")).toContainText("Rejected:");
  await expect(review).toBeFocused();
  await chair.keyboard.press("u");
  await expect(review.getByRole("status")).toHaveText(/Decision taken back/);
  await expect(counter).toHaveText(new RegExp(`of ${all + 1} ·`));
  await expect(currentItem).toHaveText(looking);

  // Leave the shared text's positions as they were.
  const { id: filedId } = (await filed.json()) as { id: string };
  expect((await belarus.request.post(`/api/documents/${id}/annotations/${filedId}/withdraw`, { data: {}, headers: { origin: server.url } })).status()).toBe(200);
  await chair.context().close();
  await belarus.context().close();
});

test("a decision on a Positions card says what it did, keeps the focus in the panel and can be undone", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const belarus = await personPage(browser, server, "belarus");
  const id = await documentId(chair, OSCE);
  const pp1 = await serverParagraph(belarus, id, "PP1");
  const filed = await belarus.request.post(`/api/documents/${id}/annotations`, {
    data: { blockId: pp1.id, from: 0, to: 6, quote: pp1.text.slice(0, 6), kind: "reservation", body: "card decision" },
    headers: { origin: server.url },
  });
  expect(filed.status()).toBe(201);
  const { id: filedId } = (await filed.json()) as { id: string };
  await openDoc(chair, id);
  await chair.getByRole("tab", { name: /Positions/ }).click();
  const card = chair.locator(`article[data-annotation-id="${filedId}"]`);
  await card.getByRole("button", { name: "Resolve" }).click();
  // The card leaves the open-only list; the panel says what happened and holds the focus.
  await expect(card).toHaveCount(0);
  const done = chair.locator("#side-panel").getByRole("status");
  await expect(done).toHaveText(/^Resolved: Belarus's reservation on PP1\. Undo$/);
  await expect(done).toBeFocused();
  await done.getByRole("button", { name: "Undo" }).click();
  await expect(done).toHaveText("Decision taken back: the position is open again.");
  await expect(card).toContainText("open");
  // Accepting a reservation leaves the text alone, and says what it did.
  await card.getByRole("button", { name: "Accept" }).click();
  await expect(done).toHaveText(/^Accepted: Belarus's reservation on PP1\. The reservation is recorded with PP1 \(the compilation lists it as accepted\); the text is unchanged\. Undo$/);
  await done.getByRole("button", { name: "Undo" }).click();
  await expect(card).toContainText("open");
  expect((await belarus.request.post(`/api/documents/${id}/annotations/${filedId}/withdraw`, { data: {}, headers: { origin: server.url } })).status()).toBe(200);

  // A position on no words (the whole paragraph) is flagged in the text where it was filed.
  const whole = await belarus.request.post(`/api/documents/${id}/annotations`, {
    data: { blockId: pp1.id, from: 0, to: 0, quote: "", kind: "objection", body: "on the whole paragraph" },
    headers: { origin: server.url },
  });
  expect(whole.status()).toBe(201);
  const { id: wholeId } = (await whole.json()) as { id: string };
  const flag = chair.locator(`[data-number="PP1"] .ann-point[data-annotation-id="${wholeId}"]`);
  await expect(flag).toHaveAttribute("aria-label", "Objection by Belarus on the whole paragraph");
  // Drawn, not typed: the paragraph's text is as it was.
  await expect(chair.locator('[data-number="PP1"]')).toHaveText(pp1.text);
  expect((await belarus.request.post(`/api/documents/${id}/annotations/${wholeId}/withdraw`, { data: {}, headers: { origin: server.url } })).status()).toBe(200);
  await expect(flag).toHaveCount(0);
  await chair.context().close();
  await belarus.context().close();
});

test("the API refuses what a delegate may not do, with a clear message", async ({ browser, server }) => {
  const albania = await personPage(browser, server, "albania");
  const belarus = await personPage(browser, server, "belarus");
  const id = await documentId(albania, OSCE);
  const headers = { origin: server.url };
  const { annotations } = (await (await albania.request.get(`/api/documents/${id}/annotations`)).json()) as {
    annotations: { id: string; kind: string; author: { delegation: { code: string } | null }; status: string }[];
  };
  const byBelarus = annotations.find((a) => a.author.delegation?.code === "BLR" && a.status === "open")!;
  const decide = await albania.request.post(`/api/documents/${id}/annotations/${byBelarus.id}/decision`, { data: { decision: "accept" }, headers });
  expect(decide.status()).toBe(403);
  expect(((await decide.json()) as { message: string }).message).toBe("only the chair decides");
  const withdraw = await albania.request.post(`/api/documents/${id}/annotations/${byBelarus.id}/withdraw`, { data: {}, headers });
  expect(withdraw.status()).toBe(403);
  expect(((await withdraw.json()) as { message: string }).message).toBe("only its author delegation can withdraw it");

  const op1 = await serverParagraph(albania, id, "OP1");
  const forged = await albania.request.post(`/api/documents/${id}/annotations`, {
    data: { blockId: op1.id, from: 0, to: 8, quote: "Continue", kind: "objection", delegation: "BLR" },
    headers,
  });
  expect(forged.status()).toBe(403);
  expect(((await forged.json()) as { message: string }).message).toBe("you speak for Albania only");
  const own = await belarus.request.post(`/api/documents/${id}/annotations`, {
    data: { blockId: op1.id, from: 0, to: 8, quote: "Continue", kind: "support" },
    headers,
  });
  expect(own.status()).toBe(201);
  expect(((await own.json()) as { author: { delegation: { code: string } } }).author.delegation.code).toBe("BLR");
  // A selection past the paragraph, and text XML cannot carry: refused with a reason, in the user's terms.
  const past = await belarus.request.post(`/api/documents/${id}/annotations`, {
    data: { blockId: op1.id, from: 99_999_999, to: 99_999_999, quote: "", kind: "comment" },
    headers,
  });
  expect(past.status()).toBe(400);
  expect(((await past.json()) as { message: string }).message).toMatch(/^the selection ends past the paragraph \(it has \d+ characters\): select it again$/);
  const control = await belarus.request.post(`/api/documents/${id}/annotations`, {
    data: { blockId: op1.id, from: 0, to: 8, quote: "Continue", kind: "comment", body: "bad \u0001 text \ufffe" },
    headers,
  });
  expect(control.status()).toBe(400);
  expect(((await control.json()) as { message: string }).message).toBe("body: contains a control character or malformed Unicode");
  await albania.context().close();
  await belarus.context().close();
});

test("chair's pen: a raw client with a delegate's cookie that deletes accepted text sees it restored", async ({ browser, server }) => {
  const russia = await personPage(browser, server, "russia");
  const belarus = await personPage(browser, server, "belarus");
  const id = await documentId(russia, OSCE);
  // The delegate's open window is told why the change went away; another delegation's is not.
  await openDoc(russia, id);
  await openDoc(belarus, id);
  const before = await liveParagraph(russia, id, "OP1");
  const doc = new Y.Doc();
  const provider = nodeProvider(server.url, id, await cookieHeader(russia.context()), doc);
  await until(() => provider.synced, 10_000, "sync");
  const fragment = doc.getXmlFragment("default");
  const op1 = fragment.toArray().find((el) => el instanceof Y.XmlElement && el.nodeName === "operative") as Y.XmlElement;
  const text = op1.get(0) as Y.XmlText;
  const plain = () => (text.toDelta() as { insert: string }[]).map((d) => d.insert).join("");
  expect(plain()).toBe(before);
  text.delete(0, "Continue to implement all".length);
  expect(plain()).not.toBe(before);
  await until(() => plain() === before, 10_000, "the server restores the deleted text");
  expect(await liveParagraph(russia, id, "OP1")).toBe(before);
  await expect(russia.getByTestId("mode-notice")).toHaveText(/^Your change was undone: the chair holds the pen\./);
  await belarus.waitForTimeout(500);
  await expect(belarus.getByTestId("mode-notice")).toHaveCount(0);
  provider.destroy();
  await russia.context().close();
  await belarus.context().close();
});

test("open drafting: a delegate's typing is a tracked insertion in its colour, and the chair rejects it", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const albania = await personPage(browser, server, "albania");
  const id = await documentId(chair, OSCE);
  await openDoc(chair, id);
  await openDoc(albania, id);
  await chair.getByLabel("Editing mode").selectOption("open_drafting");
  await expect(albania.getByText(/Open drafting: your typing and deletions are tracked/)).toBeVisible();

  await caretAtEnd(albania, "OP1");
  // A new paragraph is the chair's: Enter does nothing, and says so.
  await albania.keyboard.press("Enter");
  await expect(albania.getByTestId("mode-notice")).toContainText("A new paragraph is the chair's to make");
  await albania.keyboard.type(" promptly");
  const onChair = chair.locator('[data-number="OP1"] ins.suggestion-insertion[data-delegation="ALB"]');
  await expect(onChair).toHaveText(" promptly");
  await expect(onChair).toHaveCSS("color", "rgb(185, 28, 28)");
  // The accepted text has not changed: the live model includes the suggestion as marked text only.
  await chair.getByRole("tab", { name: "Review" }).click();
  const item = chair.getByTestId("review").getByRole("listitem").filter({ hasText: "tracked insertion" }).filter({ hasText: "promptly" });
  await item.getByRole("button").first().click();
  await item.getByRole("button", { name: "Reject… (R)" }).click();
  await item.getByLabel("Reason").fill("Not agreed in the room.");
  await item.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(albania.locator('[data-number="OP1"]')).not.toContainText("promptly");
  await expect(chair.locator('[data-number="OP1"]')).not.toContainText("promptly");
  // The delegation is told, with the chair's reason.
  await expect(albania.locator(".side-notices")).toContainText("The chair rejected your tracked insertion in OP1 (“promptly”): “Not agreed in the room.”");

  // A word deleted key by key, with Backspace, is one proposed deletion (one review item).
  await caretAtEnd(albania, "OP1");
  const op1 = (await albania.locator('[data-number="OP1"]').textContent()) ?? "";
  const last = op1.trimEnd().slice(-6);
  for (let i = 0; i < 6; i++) await albania.keyboard.press("Backspace");
  const deleted = chair.locator('[data-number="OP1"] del.suggestion-deletion[data-delegation="ALB"]');
  await expect(deleted).toHaveCount(1);
  // Its text, without Albania's caret label drawn inside it.
  await expect.poll(() => deleted.evaluate((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(""))).toBe(last);
  await expect(chair.getByTestId("review").getByRole("listitem").filter({ hasText: "tracked deletion" })).toHaveCount(1);
  await chair.request.post(`/api/documents/${id}/suggestions/decision`, { data: { decision: "reject", delegation: "ALB", reason: "Kept." }, headers: { origin: server.url } });
  await expect(deleted).toHaveCount(0);
  await chair.getByLabel("Editing mode").selectOption("chairs_pen");
  await chair.context().close();
  await albania.context().close();
});

/** The texts of a paragraph's tracked-change elements (`selector`), without other people's caret labels drawn inside them. */
function marked(page: Page, number: string, selector: string): Promise<string[]> {
  return page.$$eval(`[data-number="${number}"] ${selector}`, (els) =>
    els.map((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".collaboration-carets__caret").forEach((c) => c.remove());
      return copy.textContent ?? "";
    }),
  );
}

test("open drafting: words typed over a selection are one replacement, decided whole with one reason, told once, and withdrawn whole", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const russia = await personPage(browser, server, "russia");
  const id = await documentId(chair, OSCE);
  await openDoc(chair, id);
  await openDoc(russia, id);
  await chair.getByLabel("Editing mode").selectOption("open_drafting");
  await expect(russia.getByText(/Open drafting: your typing and deletions are tracked/)).toBeVisible();
  const before = await liveParagraph(chair, id, "PP2");
  const replaced = before.replace("open, secure", "free and secure");
  expect(replaced).not.toBe(before);

  /** Russia selects "open, secure" and types over it, then types on: one tracked change. */
  const typeOver = async () => {
    await selectWord(russia, "PP2", "open, secure");
    await russia.keyboard.type("free");
    await russia.keyboard.type(" and secure");
    await expect.poll(() => marked(chair, "PP2", 'del[data-delegation="RUS"]')).toEqual(["open, secure"]);
    await expect.poll(() => marked(chair, "PP2", 'ins[data-delegation="RUS"]')).toEqual(["free and secure"]);
    const ids = await chair.locator('[data-number="PP2"] [data-delegation="RUS"]').evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute("data-sid")))]);
    expect(ids).toHaveLength(1);
  };
  await typeOver();
  // Russia's own list: one change, read as a replacement.
  const own = russia.getByRole("region", { name: "Your tracked changes awaiting the chair (1)" });
  await expect(own).toContainText("PP2 tracked replacement: Replace “open, secure” with “free and secure”");

  // The chair's queue: one item, decided at once, with one reason.
  await chair.getByRole("tab", { name: "Review" }).click();
  const queue = chair.getByTestId("review");
  const item = queue.locator(".review-list > li").filter({ hasText: "tracked replacement" });
  await expect(queue.locator(".review-list > li").filter({ hasText: "Russian Federation" }).filter({ hasText: /tracked (insertion|deletion|replacement)/ })).toHaveCount(1);
  await expect(item).toContainText("PP2 tracked replacement · Russian Federation: Replace “open, secure” with “free and secure”");
  await item.getByRole("button", { name: /tracked replacement/ }).click();
  await item.getByRole("button", { name: "Reject… (R)" }).click();
  await item.getByLabel("Reason").fill("Keep the agreed wording.");
  await item.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(queue.getByRole("status")).toHaveText("Rejected: Russian Federation's tracked replacement in PP2.");
  await expect(item).toHaveCount(0);
  await expect.poll(() => liveParagraph(chair, id, "PP2")).toBe(before);
  await expect(chair.locator('[data-number="PP2"] [data-delegation="RUS"]')).toHaveCount(0);
  await expect(russia.locator(".side-notices")).toContainText("The chair rejected your tracked replacement of “open, secure” with “free and secure” in PP2: “Keep the agreed wording.”");
  await expect(russia.locator(".side-notices").getByText(/The chair rejected/)).toHaveCount(1);

  // Again, accepted: the new words stay, unmarked, and the old ones go.
  await typeOver();
  await expect(item).toHaveCount(1);
  await item.getByRole("button", { name: /tracked replacement/ }).click();
  await item.getByRole("button", { name: "Accept (A)" }).click();
  await expect.poll(() => liveParagraph(chair, id, "PP2")).toBe(replaced);
  await expect(russia.locator('[data-number="PP2"] [data-delegation="RUS"]')).toHaveCount(0);
  await expect(russia.locator(".side-notices")).toContainText("The chair accepted your tracked replacement of “open, secure” with “free and secure” in PP2.");

  // Once more, withdrawn by Russia: both halves go, and the chair is told once.
  await selectWord(russia, "PP2", "free and secure");
  await russia.keyboard.type("open, secure");
  await expect.poll(() => marked(chair, "PP2", ':is(ins, del)[data-delegation="RUS"]')).toEqual(["free and secure", "open, secure"]);
  // Russia's list is read from its text at most 150 ms after a keystroke: the chair can see the last letters first.
  await expect(own).toContainText("PP2 tracked replacement: Replace “free and secure” with “open, secure”");
  russia.once("dialog", (d) => void d.accept());
  await own.getByRole("button", { name: "Withdraw your tracked replacement in PP2" }).click();
  await expect(russia.getByRole("status").filter({ hasText: "Withdrawn: your tracked replacement of “free and secure” with “open, secure” in PP2." })).toBeFocused();
  await expect.poll(() => liveParagraph(chair, id, "PP2")).toBe(replaced);
  await expect(chair.locator(".side-notices")).toContainText("Russian Federation withdrew its tracked replacement of “free and secure” with “open, secure” in PP2.");

  // The text as it was, for the other tests on this server.
  await selectWord(russia, "PP2", "free and secure");
  await russia.keyboard.type("open, secure");
  await expect(item).toHaveCount(1);
  const headers = { origin: server.url };
  expect((await chair.request.post(`/api/documents/${id}/suggestions/decision`, { data: { decision: "accept", delegation: "RUS" }, headers })).status()).toBe(200);
  await expect.poll(() => liveParagraph(chair, id, "PP2")).toBe(before);
  await chair.getByLabel("Editing mode").selectOption("chairs_pen");
  await chair.context().close();
  await russia.context().close();
});

test("the chair marks a paragraph agreed from the keyboard; delegates see the status live and in the overview, and cannot draft in it", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const belarus = await personPage(browser, server, "belarus");
  const id = await documentId(chair, OSCE);
  await openDoc(chair, id);
  await openDoc(belarus, id);
  await chair.locator('[data-number="PP2"]').click();
  await chair.keyboard.press("Alt+Shift+A");
  await expect(belarus.locator('[data-number="PP2"]')).toHaveAttribute("data-status", "agreed", { timeout: 2_000 });
  await belarus.getByRole("tab", { name: "Paragraphs" }).click();
  await expect(belarus.getByTestId("overview").getByRole("row", { name: /PP2/ })).toContainText("Agreed");

  // Open drafting: the agreed paragraph stays closed to delegates (the editor says so and
  // keeps the keys; the server reverts a raw client's try, see server/collab/policy.test.ts).
  const pp2 = (await belarus.locator('[data-number="PP2"]').textContent()) ?? "";
  await chair.getByLabel("Editing mode").selectOption("open_drafting");
  await expect(belarus.getByText(/Open drafting: your typing and deletions are tracked/)).toBeVisible();
  await caretAtEnd(belarus, "PP2");
  await belarus.keyboard.type(" also");
  await belarus.keyboard.press("Backspace");
  await expect(belarus.getByTestId("mode-notice")).toHaveText(/^PP2 is agreed: it is closed to drafting\./);
  await expect(belarus.locator('[data-number="PP2"]')).toHaveText(pp2);
  // Another paragraph takes the suggestion.
  await caretAtEnd(belarus, "PP1");
  await belarus.keyboard.type(" also");
  await expect(chair.locator('[data-number="PP1"] ins.suggestion-insertion[data-delegation="BLR"]')).toHaveText(" also");
  // The chair's typing right after it is the chair's text, not part of Belarus's proposal
  // (which Belarus could otherwise withdraw, taking the chair's words with it).
  await caretAtEnd(chair, "PP1");
  await chair.keyboard.type(" CHAIR");
  await expect(belarus.locator('[data-number="PP1"]')).toContainText("also CHAIR");
  await expect(belarus.locator('[data-number="PP1"] ins.suggestion-insertion[data-delegation="BLR"]')).toHaveText(" also");
  await expect(chair.locator('[data-number="PP1"] ins.suggestion-insertion[data-delegation="BLR"]')).toHaveText(" also");
  for (let i = 0; i < " CHAIR".length; i++) await chair.keyboard.press("Backspace");
  await expect(belarus.locator('[data-number="PP1"]')).not.toContainText("CHAIR");
  // Nor inside it: the proposal is then in two pieces around the chair's word.
  await chair.keyboard.press("ArrowLeft");
  await chair.keyboard.press("ArrowLeft");
  await chair.keyboard.type("X");
  await expect(chair.locator('[data-number="PP1"]')).toContainText(" alXso");
  await expect(chair.locator('[data-number="PP1"] ins.suggestion-insertion[data-delegation="BLR"]')).toHaveText([" al", "so"]);
  // Belarus's window, without the chair's caret label drawn inside the words.
  const belarusPieces = () =>
    belarus.$$eval('[data-number="PP1"] ins.suggestion-insertion[data-delegation="BLR"]', (els) =>
      els.map((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll(".collaboration-carets__caret").forEach((c) => c.remove());
        return copy.textContent;
      }),
    );
  await expect.poll(belarusPieces).toEqual([" al", "so"]);
  await chair.keyboard.press("Backspace");
  await expect.poll(belarusPieces).toEqual([" also"]);
  // The overview counts it (tracked changes awaiting a decision).
  const pp1Row = belarus.getByTestId("overview").getByRole("row").filter({ has: belarus.getByRole("button", { name: "PP1", exact: true }) });
  await expect(pp1Row.getByRole("cell").last()).toHaveText("1");
  // A version saved now shows the pending change as a proposal, not as agreed text.
  const saved = await chair.request.post(`/api/documents/${id}/versions`, { data: { label: "With a pending change" }, headers: { origin: server.url } });
  expect(saved.status()).toBe(201);
  const versionPage = await chair.context().newPage();
  await versionPage.goto(`/documents/${id}/versions/${((await saved.json()) as { id: string }).id}`);
  await expect(versionPage.locator('[data-number="PP1"] ins')).toHaveText(" also");
  await expect(versionPage.locator('[data-number="PP1"] ins')).toHaveAttribute("title", "Proposed insertion, awaiting a decision");
  await expect(versionPage.getByTestId("pending-note")).toContainText("tracked changes awaiting a decision");
  await versionPage.close();
  // And open comments, in their own column.
  await expect(belarus.getByTestId("overview").getByRole("columnheader", { name: "Open comments" })).toHaveText("Com");
  const column = await belarus.getByTestId("overview").getByRole("columnheader").evaluateAll((ths) => ths.findIndex((th) => th.textContent?.trim() === "Com"));
  const pp1Id = (await serverParagraph(belarus, id, "PP1")).id;
  const commentCell = pp1Row.locator(":scope > *").nth(column);
  await expect(commentCell).toHaveText("0");
  const note = await belarus.request.post(`/api/documents/${id}/annotations`, { data: { blockId: pp1Id, from: 0, to: 0, quote: "", kind: "comment", body: "For the record." }, headers: { origin: server.url } });
  expect(note.status()).toBe(201);
  await expect(commentCell).toHaveText("1");
  const noteId = ((await note.json()) as { id: string }).id;
  expect((await belarus.request.post(`/api/documents/${id}/annotations/${noteId}/withdraw`, { data: {}, headers: { origin: server.url } })).status()).toBe(200);
  await expect(commentCell).toHaveText("0");
  // Not agreed while a tracked change waits in it: the chair is told to decide it first.
  await chair.locator('[data-number="PP1"]').click();
  await chair.keyboard.press("Alt+Shift+A");
  await expect(chair.getByTestId("mode-notice")).toContainText("PP1: the paragraph has 1 tracked change awaiting a decision: accept or reject it first.");
  await expect(chair.locator('[data-number="PP1"]')).not.toHaveAttribute("data-status", "agreed");
  await chair.request.post(`/api/documents/${id}/suggestions/decision`, { data: { decision: "reject", delegation: "BLR", reason: "Kept." }, headers: { origin: server.url } });
  await chair.getByLabel("Editing mode").selectOption("chairs_pen");

  // The chair splits the agreed paragraph: its second part is agreed too (a new block, closed
  // to drafting like the first), and the chair is told; joined again, the text is as it was.
  const pp2Before = (await chair.locator('[data-number="PP2"]').textContent()) ?? "";
  const pp3Before = (await chair.locator('[data-number="PP3"]').textContent()) ?? "";
  await chair.locator('[data-number="PP2"]').click();
  await chair.evaluate(() => {
    const el = document.querySelector('[data-number="PP2"]')!;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent?.indexOf("accessible") ?? -1;
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.collapse(true);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      return;
    }
  });
  await chair.keyboard.press("Enter");
  await expect(chair.locator('[data-number="PP3"]')).toHaveText(/^accessible/);
  await expect(chair.getByTestId("mode-notice")).toContainText("PP2 was split into PP2 and PP3: both are agreed.");
  await expect(belarus.locator('[data-number="PP3"]')).toHaveAttribute("data-status", "agreed");
  await chair.keyboard.press("Backspace");
  // In the chair's window: Belarus's window shows the chair's caret label in the text.
  await expect(chair.locator('[data-number="PP2"]')).toHaveText(pp2Before);
  await expect(chair.locator('[data-number="PP3"]')).toHaveText(pp3Before);
  // Split near its start: the longer second part keeps the paragraph's identity, and the new
  // first part takes its status; joined again, the paragraph has its identity back.
  const pp2Id = (await serverParagraph(chair, id, "PP2")).id;
  await chair.evaluate(() => {
    const el = document.querySelector('[data-number="PP2"]')!;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode()!;
    const range = document.createRange();
    range.setStart(first, "Recognizing ".length);
    range.collapse(true);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  });
  await chair.keyboard.press("Enter");
  await expect(chair.locator('[data-number="PP2"]')).toHaveText("Recognizing ");
  await expect(chair.getByTestId("mode-notice")).toContainText("PP2 was split into PP2 and PP3: both are agreed.");
  await expect(belarus.locator('[data-number="PP2"]')).toHaveAttribute("data-status", "agreed");
  await expect(belarus.locator('[data-number="PP3"]')).toHaveAttribute("data-status", "agreed");
  await chair.keyboard.press("Backspace");
  await expect(chair.locator('[data-number="PP2"]')).toHaveText(pp2Before);
  await expect.poll(async () => (await serverParagraph(chair, id, "PP2")).id).toBe(pp2Id);

  await chair.locator('[data-number="PP2"]').click();
  await chair.keyboard.press("Alt+Shift+O");
  await expect(belarus.locator('[data-number="PP2"]')).not.toHaveAttribute("data-status", "agreed");
  await chair.context().close();
  await belarus.context().close();
});

test("a delegate is told when the chair opens or closes the text, and when typing goes nowhere under the chair's pen", async ({ browser, server }) => {
  const albania = await personPage(browser, server, "albania");
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(albania, OSCE);
  await openDoc(albania, id);
  const notice = albania.getByTestId("mode-notice");
  await expect(notice).toHaveCount(0);
  const before = (await serverParagraph(albania, id, "OP1")).text;
  await albania.locator('[data-number="OP1"]').click();
  await albania.keyboard.type("x");
  await expect(notice).toContainText("The chair holds the pen: your typing is not part of the text.");
  expect((await serverParagraph(albania, id, "OP1")).text).toBe(before);

  const setMode = async (mode: string) =>
    expect((await chair.request.put(`/api/documents/${id}/mode`, { data: { mode }, headers: { origin: server.url } })).status()).toBe(200);
  await setMode("open_drafting");
  await expect(notice).toContainText("The chair opened the text for drafting");
  await setMode("chairs_pen");
  await expect(notice).toContainText("The chair holds the pen again");
  // The older notices stay listed under the newest (the warning about typing included), each dismissed on its own.
  const older = albania.getByTestId("older-notice");
  await expect(older).toHaveCount(2);
  await expect(older.first()).toContainText("The chair opened the text for drafting");
  await expect(older.last()).toContainText("The chair holds the pen: your typing is not part of the text.");
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toContainText("The chair opened the text for drafting");
  await expect(older).toHaveCount(1);
  for (let left = 2; left > 0; left--) await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);

  // Typed offline in open drafting, while the chair took the pen back: the words are undone
  // on reconnect, and quoted back to the delegate so they can propose them another way.
  await setMode("open_drafting");
  await expect(notice).toContainText("The chair opened the text for drafting");
  await albania.context().setOffline(true);
  await expect(albania.getByTestId("connection")).not.toHaveAttribute("data-state", "synced");
  await caretAtEnd(albania, "OP1");
  await albania.keyboard.type(" offline words");
  await setMode("chairs_pen");
  await albania.context().setOffline(false);
  await expect(albania.locator(".side-notices")).toContainText("Your words “offline words” were undone: the chair holds the pen.");
  await expect(albania.locator('[data-number="OP1"]')).not.toContainText("offline words");
  expect((await serverParagraph(albania, id, "OP1")).text).toBe(before);
  await albania.context().close();
  await chair.context().close();
});

test("a delegation withdraws its own tracked change after the chair took the pen back; nobody else can", async ({ browser, server }) => {
  const albania = await personPage(browser, server, "albania");
  const belarus = await personPage(browser, server, "belarus");
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(albania, OSCE);
  const setMode = async (mode: string) =>
    expect((await chair.request.put(`/api/documents/${id}/mode`, { data: { mode }, headers: { origin: server.url } })).status()).toBe(200);
  const before = (await serverParagraph(albania, id, "OP2")).text;
  await setMode("open_drafting");
  const chairOpen = await personPage(browser, server, "chair");
  await openDoc(chairOpen, id);
  await openDoc(albania, id);
  await caretAtEnd(albania, "OP2");
  await albania.keyboard.type(" without delay");
  await expect.poll(async () => (await serverParagraph(albania, id, "OP2")).text).toBe(`${before} without delay`);
  await setMode("chairs_pen");

  const own = albania.getByRole("region", { name: /Your tracked changes awaiting the chair \(1\)/ });
  await expect(own).toContainText("OP2 tracked insertion: without delay");
  // Another delegation cannot take it back through the API.
  const suggestionId = await albania.locator('[data-number="OP2"] [data-sid]').first().getAttribute("data-sid");
  expect(suggestionId).toBeTruthy();
  const refused = await belarus.request.post(`/api/documents/${id}/suggestions/withdraw`, { data: { id: suggestionId }, headers: { origin: server.url } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).message).toContain("only the delegation that proposed a tracked change can withdraw it");
  albania.once("dialog", (d) => void d.accept());
  await own.getByRole("button", { name: "Withdraw your tracked insertion in OP2" }).click();
  await expect(albania.getByRole("status").filter({ hasText: "Withdrawn: your tracked insertion in OP2" })).toBeFocused();
  await expect.poll(async () => (await serverParagraph(albania, id, "OP2")).text).toBe(before);
  await expect(albania.locator('[data-number="OP2"]')).not.toContainText("without delay");
  await expect(albania.getByRole("heading", { name: "Your tracked changes awaiting the chair (0)" })).toBeVisible();
  // The chair's review queue no longer lists it, and a chair with the text open is told.
  await expect(chairOpen.locator(".side-notices")).toContainText("withdrew its tracked insertion in OP2");
  await openDoc(chair, id);
  await expect(chair.getByRole("tabpanel")).not.toContainText("without delay");
  for (const p of [albania, belarus, chair, chairOpen]) await p.context().close();
});

test("a decision the chair takes back (U) is taken back in the delegation's window too: the notice of it is replaced, and an upheld objection is called upheld", async ({ browser, server }) => {
  const [chair, belarus] = [await personPage(browser, server, "chair"), await personPage(browser, server, "belarus")];
  await chair.setViewportSize({ width: 1440, height: 900 });
  const id = await documentId(chair, "Collective Security Treaty");
  const doc = (await (await chair.request.get(`/api/documents/${id}`)).json()) as { paragraphs: { number: string | null }[] };
  const number = doc.paragraphs.find((p) => p.number)!.number!;
  await fileObjection(belarus, server, id, number);
  for (const page of [belarus, chair]) {
    await page.goto(`/documents/${id}`);
    await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  }
  await chair.getByRole("tab", { name: "Review" }).click();
  const review = chair.getByTestId("review");
  await review.getByLabel("Review kind").selectOption("objection");
  await review.getByLabel("Review delegation").selectOption({ label: "Belarus" });
  const item = review.getByRole("listitem").filter({ hasText: "objection · Belarus" });
  await item.locator(".review-item").click();
  // An objection is upheld, not "accepted": the button says so, and so does Belarus's notice.
  await item.getByRole("button", { name: "Uphold (A)" }).click();
  const told = belarus.getByTestId("mode-notice").locator("p");
  await expect(told).toHaveText(`The chair upheld your objection on ${number}.`.replace("..", "."));
  await review.focus();
  await chair.keyboard.press("u");
  await expect(review.getByRole("status")).toHaveText(/Decision taken back/);
  await expect(told).toHaveText(new RegExp(`^The chair took back its decision on your objection on ${number.replace(".", "\\.")}: it is open again\\.$`));
  await expect(belarus.locator(".side-notices")).not.toContainText("upheld");
  // Resolved (S, or its button), then taken back again: one notice of it at a time.
  await item.locator(".review-item").click();
  await item.getByRole("button", { name: "Resolve (S)" }).click();
  await expect(told).toHaveText(`The chair resolved your objection on ${number}.`.replace("..", "."));
  await expect(belarus.locator(".side-notices")).not.toContainText("took back");
  await review.focus();
  await chair.keyboard.press("u");
  await expect(told).toContainText("The chair took back its decision on your objection");
  await expect(belarus.locator(".side-notice")).toHaveCount(1);
  // Nothing left to take back: U says so (it did nothing).
  await chair.keyboard.press("u");
  await expect(review.getByRole("status")).toHaveText(/^Nothing to undo: U takes back the last decision that left the text as it was/);
  // At 1366 x 768, under the decision's message, R opens the reason with the item's heading
  // still in the queue's box (the reason's focus had scrolled it out above).
  await chair.setViewportSize({ width: 1366, height: 768 });
  const para = await serverParagraph(belarus, id, number);
  for (let words = 3; words < 9; words++) {
    const quote = para.text.split(" ").slice(0, words).join(" ");
    const filed = await belarus.request.post(`/api/documents/${id}/annotations`, { data: { blockId: para.id, from: 0, to: quote.length, quote, kind: "objection" }, headers: { origin: server.url } });
    expect(filed.status()).toBe(201);
  }
  await expect(review.getByRole("listitem")).toHaveCount(7);
  await review.focus();
  // Upheld: the longest message a decision leaves above the queue.
  await chair.keyboard.press("a");
  await expect(review.getByRole("status")).toContainText("Upheld: Belarus's objection");
  await expect(review.getByRole("listitem")).toHaveCount(6);
  for (let i = 0; i < 5; i++) await chair.keyboard.press("j");
  await chair.keyboard.press("r");
  const current = review.locator('li[aria-current="true"]');
  await expect(current.getByLabel("Reason")).toBeFocused();
  const inBox = await current.evaluate((li) => {
    const box = li.closest(".review-list")!.getBoundingClientRect();
    const head = li.querySelector(".review-item")!.getBoundingClientRect();
    const input = li.querySelector("input")!.getBoundingClientRect();
    return { head: head.top >= box.top - 1 && head.bottom <= box.bottom + 1, input: input.top >= box.top - 1 && input.bottom <= box.bottom + 1 };
  });
  expect(inBox).toEqual({ head: true, input: true });
  await chair.context().close();
  await belarus.context().close();
});

test("on a phone, selecting words raises the new position's form at the foot of the window, with the words still in sight; it is filed there and closed", async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 }, hasTouch: true });
  const russia = await context.newPage();
  await signIn(russia, server, "russia");
  const id = await documentId(russia, "Collective Security Treaty");
  await russia.goto(`/documents/${id}`);
  await expect(russia.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  const composer = russia.locator("form.composer");
  // A cursor alone (typing) does not raise it.
  await russia.locator('[data-number="2."]').click();
  await expect(russia.locator(".composer-sheet")).toHaveCount(0);
  await selectWord(russia, "2.", "avails");
  await expect(russia.locator(".composer-sheet")).toBeVisible();
  await expect(composer).toBeInViewport({ ratio: 1 });
  // The selected words are above the sheet, not under it.
  const words = await russia.evaluate(() => window.getSelection()!.getRangeAt(0).getBoundingClientRect().bottom);
  const sheetTop = (await composer.boundingBox())!.y;
  expect(words).toBeLessThanOrEqual(sheetTop);
  await composer.getByLabel("Note (optional)").fill("Not agreed.");
  await composer.getByRole("button", { name: "Submit" }).click();
  // Filed: the sheet closes, back to the text, and the filing is told in the floating notices.
  await expect(russia.getByTestId("mode-notice")).toContainText("Objection submitted on 2.");
  await expect(russia.getByTestId("mode-notice")).toBeInViewport();
  await expect(russia.locator(".composer-sheet")).toHaveCount(0);
  await expect(russia.locator('[data-number="2."]')).toBeInViewport();
  // Other words raise it again, and what the delegate was told stays in sight above it (the sheet covered it); Close closes it.
  await selectWord(russia, "2.", "Office");
  await expect(russia.locator(".composer-sheet")).toBeVisible();
  await expect(russia.getByTestId("mode-notice")).toBeInViewport();
  const noticeBottom = (await russia.locator(".side-notices").boundingBox())!;
  expect(noticeBottom.y + noticeBottom.height).toBeLessThanOrEqual((await composer.boundingBox())!.y);
  await composer.getByRole("button", { name: "Close" }).click();
  await expect(russia.locator(".composer-sheet")).toHaveCount(0);
  // And Escape closes it too.
  await selectWord(russia, "2.", "Geneva");
  await expect(russia.locator(".composer-sheet")).toBeVisible();
  await composer.getByLabel("Note (optional)").focus();
  await russia.keyboard.press("Escape");
  await expect(russia.locator(".composer-sheet")).toHaveCount(0);
  const filed = (await (await russia.request.get(`/api/documents/${id}/annotations`)).json()) as { annotations: { quote: string; body: string | null; author: { delegation: { code: string } | null } }[] };
  expect(filed.annotations.some((a) => a.quote === "avails" && a.body === "Not agreed." && a.author.delegation?.code === "RUS")).toBe(true);
  await context.close();
});

test("an amendment inserted at the cursor shows the words around the point, and is not filed from inside a word", async ({ browser, server }) => {
  const russia = await personPage(browser, server, "russia");
  const id = await documentId(russia, "Collective Security Treaty");
  await russia.goto(`/documents/${id}`);
  await expect(russia.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  /** Puts the caret `offset` characters into the first occurrence of `word` in paragraph 2. */
  const caretIn = (word: string, offset: number) =>
    russia.evaluate(
      ({ word, offset }) => {
        const el = document.querySelector('[data-number="2."]')!;
        (el.closest("[contenteditable]") as HTMLElement).focus();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.textContent?.indexOf(word) ?? -1;
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(n, i + offset);
          range.collapse(true);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return;
        }
      },
      { word, offset },
    );
  await caretIn("avails", 3);
  const composer = russia.locator("form.composer");
  await composer.getByText("Amend", { exact: true }).click();
  // (Read out as "insertion point, between: … ava and ils …"; the mark is for the eye.)
  await expect(composer.locator(".insertion-point")).toHaveText(/Geneva ava‸ and ils itself/);
  await expect(composer.getByRole("alert")).toHaveText("The insertion point is inside a word: place the cursor between words, or select the word and replace it.");
  await composer.getByLabel("Proposed wording").fill("hereby ");
  await expect(composer.getByRole("button", { name: "Submit" })).toBeDisabled();
  // Between words, it is filed.
  await caretIn("avails", 0);
  await expect(composer.getByRole("alert")).toHaveCount(0);
  await expect(composer.locator(".insertion-point")).toHaveText(/Geneva ‸ and avails/);
  await composer.getByLabel("Proposed wording").fill("hereby ");
  await composer.getByRole("button", { name: "Submit" }).click();
  await expect(composer.getByRole("status")).toHaveText("Amendment submitted on 2.");
  await russia.context().close();
});

test("a delegate away when the chair decided (a laptop asleep, a closed tab) is told on coming back; a first visit is told nothing", async ({ browser, server }) => {
  const [albania, chair] = [await personPage(browser, server, "albania"), await personPage(browser, server, "chair")];
  const id = await documentId(albania, "Collective Security Treaty");
  const para = await serverParagraph(albania, id, "1.");
  const quote = para.text.split(" ").slice(0, 5).join(" ");
  const filed = await albania.request.post(`/api/documents/${id}/annotations`, { data: { blockId: para.id, from: 0, to: quote.length, quote, kind: "objection" }, headers: { origin: server.url } });
  expect(filed.status()).toBe(201);
  const { id: aid } = (await filed.json()) as { id: string };
  // Albania's browser reads the document (its first visit: nothing to tell), then leaves.
  await albania.goto(`/documents/${id}`);
  await expect(albania.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await expect(albania.getByRole("article", { name: "Objection by Albania on 1." }).filter({ hasText: quote })).toBeVisible();
  await expect(albania.locator(".side-notice")).toHaveCount(0);
  await albania.goto("/");
  // Meanwhile the chair rejects it, with a reason.
  const decided = await chair.request.post(`/api/documents/${id}/annotations/${aid}/decision`, { data: { decision: "reject", reason: "Not agreed in the room." }, headers: { origin: server.url } });
  expect(decided.status()).toBe(200);
  await albania.goto(`/documents/${id}`);
  await expect(albania.getByTestId("mode-notice")).toContainText("The chair rejected your objection on 1.: “Not agreed in the room.”");
  // Told once: the next visit tells nothing again.
  await albania.reload();
  await expect(albania.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await albania.waitForTimeout(1000);
  await expect(albania.locator(".side-notice")).toHaveCount(0);
  // The window stays open but its network drops (a laptop asleep): a decision taken meanwhile is told when it is back.
  const second = para.text.split(" ").slice(0, 6).join(" ");
  const again = await albania.request.post(`/api/documents/${id}/annotations`, { data: { blockId: para.id, from: 0, to: second.length, quote: second, kind: "objection" }, headers: { origin: server.url } });
  const { id: aid2 } = (await again.json()) as { id: string };
  await expect(albania.getByRole("article", { name: "Objection by Albania on 1." }).filter({ hasText: second })).toBeVisible();
  await albania.context().setOffline(true);
  await expect(albania.getByTestId("connection")).not.toHaveAttribute("data-state", "synced");
  expect((await chair.request.post(`/api/documents/${id}/annotations/${aid2}/decision`, { data: { decision: "resolve" }, headers: { origin: server.url } })).status()).toBe(200);
  await albania.context().setOffline(false);
  await expect(albania.getByTestId("mode-notice")).toContainText("The chair resolved your objection on 1.", { timeout: 20_000 });
  await albania.context().close();
  await chair.context().close();
});

test("a delegate away when the chair decided its tracked changes is told on coming back, once", async ({ browser, server }) => {
  const [albania, chair] = [await personPage(browser, server, "albania"), await personPage(browser, server, "chair")];
  const id = await documentId(albania, "Collective Security Treaty");
  const headers = { origin: server.url };
  expect((await chair.request.put(`/api/documents/${id}/mode`, { data: { mode: "open_drafting" }, headers })).status()).toBe(200);
  // Albania types a tracked insertion (its browser's first visit: nothing to tell), then leaves.
  await albania.goto(`/documents/${id}`);
  await expect(albania.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await caretAtEnd(albania, "1.");
  await albania.keyboard.type(" without delay");
  await expect.poll(async () => (await serverParagraph(albania, id, "1.")).text).toContain("without delay");
  await expect(albania.locator(".side-notice")).toHaveCount(0);
  await albania.goto("/");
  // Meanwhile the chair rejects it, with a reason.
  expect((await chair.request.post(`/api/documents/${id}/suggestions/decision`, { data: { decision: "reject", delegation: "ALB", reason: "Not agreed in the room." }, headers })).status()).toBe(200);
  // Albania's page reads the positions but is closed before its text comes in (the notice
  // waits for the text, to name the paragraph): it is kept by the browser and told next time.
  const tab = await albania.context().newPage();
  const pending = () => tab.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).length, `plenary:missed-changes:${id}:`);
  await tab.routeWebSocket(/\/collab/, () => {});
  await tab.goto(`/documents/${id}`);
  await expect.poll(pending).toBe(1);
  await expect(tab.getByTestId("connection")).not.toHaveAttribute("data-state", "synced");
  await expect(tab.locator(".side-notice")).toHaveCount(0);
  await tab.goto("/");
  await albania.goto(`/documents/${id}`);
  await expect(albania.getByTestId("mode-notice").locator("p")).toHaveText("While you were away, the chair rejected your tracked insertion in 1. (“without delay”): “Not agreed in the room.”");
  expect(await pending()).toBe(0);
  await tab.close();
  // Told once: the next visit tells nothing again.
  await albania.reload();
  await expect(albania.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await albania.waitForTimeout(1000);
  await expect(albania.locator(".side-notice")).toHaveCount(0);
  // A decision told live, in the open window, is not told again on the next visit.
  await caretAtEnd(albania, "1.");
  await albania.keyboard.type(" in full");
  await expect.poll(async () => (await serverParagraph(albania, id, "1.")).text).toContain("in full");
  expect((await chair.request.post(`/api/documents/${id}/suggestions/decision`, { data: { decision: "accept", delegation: "ALB" }, headers })).status()).toBe(200);
  await expect(albania.getByTestId("mode-notice").locator("p")).toHaveText("The chair accepted your tracked insertion in 1. (“in full”).");
  await albania.reload();
  await expect(albania.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await albania.waitForTimeout(1000);
  await expect(albania.locator(".side-notice")).toHaveCount(0);
  expect((await chair.request.put(`/api/documents/${id}/mode`, { data: { mode: "chairs_pen" }, headers })).status()).toBe(200);
  await albania.context().close();
  await chair.context().close();
});

test("at 1366 x 768 the review's two filters fit its panel on one row, with delegations' long names in the list", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  await chair.setViewportSize({ width: 1366, height: 768 });
  await openDoc(chair, await documentId(chair, OSCE));
  const review = chair.getByTestId("review");
  // The seeded objection's co-sponsors include "Venezuela (Bolivarian Republic of)".
  await expect(review.getByLabel("Review delegation").locator("option", { hasText: "Venezuela (Bolivarian Republic of)" })).toHaveCount(1);
  // Both filters whole inside the panel, on one row (the kinds select was cut off at its edge).
  const filters = await review.locator(".review-head").evaluate((head) => {
    const panel = head.closest(".review")!.getBoundingClientRect();
    return [...head.querySelectorAll(".filters select")].map((el) => {
      const r = el.getBoundingClientRect();
      return { inside: r.left >= panel.left - 1 && r.right <= panel.right + 1, top: Math.round(r.top) };
    });
  });
  expect(filters).toHaveLength(2);
  expect(filters.every((f) => f.inside)).toBe(true);
  expect(filters[0]!.top).toBe(filters[1]!.top);
  await chair.context().close();
});

test("a position with ten co-sponsors names two of them and counts the rest until asked", async ({ browser, server }) => {
  const albania = await personPage(browser, server, "albania");
  await openDoc(albania, await documentId(albania, OSCE));
  const card = albania.getByRole("article", { name: "Objection by Belarus on PP3" });
  const more = card.getByRole("button", { name: "and 8 others" });
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await expect(card.locator(".ann-author")).toHaveText(/^ Belarus with [^,]+, [^,]+ and 8 others$/);
  await more.click();
  const fewer = card.getByRole("button", { name: "(fewer)" });
  await expect(fewer).toBeFocused();
  await expect(fewer).toHaveAttribute("aria-expanded", "true");
  // All ten, in the order they joined.
  await expect(card.locator(".ann-author")).toHaveText(/^ Belarus with ([^,]+, ){9}[^,]+ \(fewer\)$/);
  await albania.context().close();
});

test("on a touch-only phone the block-kind select names the kinds without keyboard shortcuts (with a keyboard it shows them), and the review queue below the text is one tap away", async ({ browser, server }) => {
  const phone = await personPage(browser, server, "chair", { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const desk = await personPage(browser, server, "chair");
  const id = await documentId(phone, "Contribution by Albania");
  for (const page of [phone, desk]) {
    await page.goto(`/documents/${id}`);
    await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  }
  await expect(phone.getByLabel("Block kind").locator("option", { hasText: "Heading" })).toHaveText("Heading");
  // The review queue, below the whole text in one column, is one tap away.
  await expect(desk.getByRole("link", { name: /Review queue/ })).toBeHidden();
  await phone.getByRole("link", { name: "Review queue and positions ↓" }).click();
  await expect(phone.getByTestId("review")).toBeInViewport();
  await expect(desk.getByLabel("Block kind").locator("option", { hasText: "Heading" })).toHaveText("Heading (Ctrl+Alt+H)");
  await phone.context().close();
  await desk.context().close();
});
