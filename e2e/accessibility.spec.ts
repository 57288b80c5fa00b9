import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { caretAtEnd, documentId, editor, expect, fileObjection, OSCE, personPage, signIn, test } from "./fixtures";

/**
 * Every main page, scanned by axe-core (WCAG 2.0/2.1 A and AA rules: labels, names,
 * contrast, landmarks, ARIA) in Chromium, as a chair and as a delegate would see it.
 */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
}

test("sign-in, documents, editor with each panel, versions, a version, compare, participants and new-document pages pass axe's WCAG 2.1 A/AA rules", async ({ browser, server }) => {
  // Some fifteen pages and panels through axe, first in the run (a cold server): 40 s on a
  // quiet machine, over the default 60 s once when the machine was busy.
  test.setTimeout(150_000);
  const context = await browser.newContext({ baseURL: server.url });
  const anonymous = await context.newPage();
  await anonymous.goto("/sign-in");
  expect(await violations(anonymous), "sign-in").toEqual([]);
  await context.close();

  const chair = await personPage(browser, server, "chair");
  expect(await violations(chair), "documents").toEqual([]);
  // The scan is live: a field without a label added to the page is reported.
  await chair.evaluate(() => document.querySelector("main")?.append(Object.assign(document.createElement("input"), { type: "text" })));
  expect((await violations(chair)).join("\n")).toMatch(/^label \(critical\)/m);
  const id = await documentId(chair, OSCE);

  await chair.goto(`/documents/${id}`);
  await expect(editor(chair)).toBeVisible();
  await expect(chair.getByText("synced", { exact: false }).first()).toBeVisible();
  expect(await violations(chair), "editor (chair)").toEqual([]);
  for (const tab of ["Review", "Positions", "Paragraphs", "Online"]) {
    await chair.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
    expect(await violations(chair), `editor (chair), ${tab} panel`).toEqual([]);
  }

  const saved = await chair.request.post(`/api/documents/${id}/versions`, { data: { label: "A11y base" }, headers: { origin: server.url } });
  const base = (await saved.json()) as { id: string };
  await chair.goto(`/documents/${id}/versions`);
  expect(await violations(chair), "versions").toEqual([]);
  await chair.goto(`/documents/${id}/versions/${base.id}`);
  expect(await violations(chair), "a saved version").toEqual([]);
  await chair.goto(`/documents/${id}/compare?from=${base.id}&to=live`);
  await expect(chair.getByTestId("compare-summary")).toBeVisible();
  expect(await violations(chair), "compare").toEqual([]);
  // Side by side, every paragraph shown (the live text has not changed since the base). The
  // layout is React state: a click before hydration is lost, so the clicks are retried.
  await expect(async () => {
    await chair.getByRole("radio", { name: "Side by side" }).check();
    await chair.getByRole("checkbox", { name: "Only changed" }).uncheck();
    await expect(chair.locator(".cmp-sides").first()).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(chair.getByTestId("compare-columns")).toHaveText(/^A11y base\s*Live text$/);
  expect(await violations(chair), "compare, side by side").toEqual([]);
  await chair.goto(`/documents/${id}/participants`);
  expect(await violations(chair), "participants").toEqual([]);
  await chair.goto("/documents/new");
  expect(await violations(chair), "new document / import").toEqual([]);
  await chair.context().close();

  const delegate = await personPage(browser, server, "albania");
  await delegate.goto(`/documents/${id}`);
  await expect(editor(delegate)).toBeVisible();
  expect(await violations(delegate), "editor (delegate)").toEqual([]);
  for (const tab of ["Positions", "Paragraphs", "Online"]) {
    await delegate.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
    expect(await violations(delegate), `editor (delegate), ${tab} panel`).toEqual([]);
  }
  await delegate.context().close();
});

test("the document's side panels work from the keyboard (WAI-ARIA tabs: arrows, Home, End) and each panel is named by its tab", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  await chair.goto(`/documents/${id}`);
  await expect(editor(chair)).toBeVisible();
  const tabs = chair.getByRole("tablist", { name: "Panels" }).getByRole("tab");
  await expect(tabs).toHaveCount(4);
  const review = chair.getByRole("tab", { name: "Review" });
  await expect(review).toHaveAttribute("aria-selected", "true");
  // One tab in the Tab order: the selected one.
  await expect(chair.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
  await review.focus();
  await chair.keyboard.press("ArrowRight");
  const positions = chair.getByRole("tab", { name: /^Positions/ });
  await expect(positions).toBeFocused();
  await expect(positions).toHaveAttribute("aria-selected", "true");
  await expect(chair.getByRole("tabpanel")).toHaveAttribute("aria-labelledby", (await positions.getAttribute("id"))!);
  await chair.keyboard.press("End");
  await expect(chair.getByRole("tab", { name: /^Online/ })).toBeFocused();
  await chair.keyboard.press("ArrowRight");
  await expect(review).toBeFocused();
  await expect(review).toHaveAttribute("aria-selected", "true");
  await chair.keyboard.press("ArrowLeft");
  await expect(chair.getByRole("tab", { name: /^Online/ })).toHaveAttribute("aria-selected", "true");
  await chair.keyboard.press("Home");
  await expect(review).toHaveAttribute("aria-selected", "true");
  await expect(chair.getByRole("tabpanel", { name: "Review" })).toBeVisible();
  await chair.context().close();
});

test("Alt+Shift+G goes to a paragraph by the number said in the room, for a delegate reading too; an unknown number is said, the dialog passes axe", async ({ browser, server }) => {
  const delegate = await personPage(browser, server, "albania");
  const id = await documentId(delegate, OSCE);
  await delegate.goto(`/documents/${id}`);
  await expect(delegate.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await delegate.locator('[data-number="PP1"]').click();
  await delegate.keyboard.press("Alt+Shift+G");
  const dialog = delegate.getByRole("dialog", { name: "Go to paragraph" });
  const field = dialog.getByLabel(/^Paragraph/);
  await expect(field).toBeFocused();
  expect(await violations(delegate), "go to paragraph dialog").toEqual([]);
  await field.fill("OP99");
  await field.press("Enter");
  await expect(dialog.getByRole("alert")).toHaveText("No paragraph OP99 in this text.");
  await field.fill("operative 4");
  await field.press("Enter");
  await expect(dialog).toBeHidden();
  const op4 = delegate.locator('[data-number="OP4"]');
  await expect(op4).toBeInViewport();
  const caretIn = () =>
    delegate.evaluate(() => {
      const node = window.getSelection()?.anchorNode ?? null;
      const el = node instanceof Element ? node : (node?.parentElement ?? null);
      return (el?.closest("[data-number]") as HTMLElement | null)?.dataset.number;
    });
  expect(await caretIn()).toBe("OP4");
  // The button says the shortcut; Esc closes the dialog.
  await delegate.getByRole("button", { name: "Go to paragraph (Alt+Shift+G)" }).click();
  await expect(field).toBeFocused();
  await delegate.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await delegate.context().close();
});

/** How far the page scrolls sideways (0: it reflows). */
function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("at 320 CSS px wide and at 200% zoom no page scrolls sideways (WCAG 1.4.10): documents, the document as chair, delegate and observer, participants, an import's preview", async ({ browser, server }) => {
  test.setTimeout(120_000);
  // 320 x 640 is WCAG's reflow width; 640 x 400 is a 1280 x 800 window zoomed to 200%.
  for (const viewport of [
    { width: 320, height: 640 },
    { width: 640, height: 400 },
  ]) {
    for (const who of ["chair", "albania", "observer"] as const) {
      const context = await browser.newContext({ baseURL: server.url, viewport });
      const page = await context.newPage();
      await signIn(page, server, who);
      const at = `${viewport.width} px, ${who}`;
      await expect.poll(() => sideways(page), { message: `documents at ${at}` }).toBe(0);
      const id = await documentId(page, OSCE);
      await page.goto(`/documents/${id}`);
      await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "synced");
      await expect.poll(() => sideways(page), { message: `the document at ${at}` }).toBe(0);
      if (who === "chair") {
        await page.goto(`/documents/${id}/participants`);
        await expect(page.getByRole("table")).toBeVisible();
        await expect.poll(() => sideways(page), { message: `participants at ${at}` }).toBe(0);
        await page.goto("/documents/new");
        const draft = "# Draft decision\n\nPP1. Recalling its resolution 75/240,\n\nOP1. Requests the Secretary-General to report on confidence-building measures.\n";
        await page.getByLabel(/^Word, Markdown or text file/).setInputFiles({ name: "draft.md", mimeType: "text/markdown", buffer: Buffer.from(draft) });
        await page.getByRole("button", { name: "Detect structure" }).click();
        await expect(page.getByRole("table", { name: "Detected structure" })).toBeVisible();
        await expect.poll(() => sideways(page), { message: `import preview at ${at}` }).toBe(0);
      }
      await context.close();
    }
  }
});

/**
 * What an element looks like, colours included: the background it shows (its own or, when
 * transparent, the one behind it), its text colour, border and weight.
 */
function shownLook(target: Locator): Promise<string> {
  return target.evaluate((el) => {
    const clear = (c: string) => /^rgba\(.*, 0\)$/.test(c);
    let back = "rgba(0, 0, 0, 0)";
    for (let at: Element | null = el; at && clear(back); at = at.parentElement) back = getComputedStyle(at).backgroundColor;
    const s = getComputedStyle(el);
    return [back, s.color, s.borderTopWidth, s.borderTopColor, s.fontWeight, s.textDecorationLine].join(" ");
  });
}

test("in Windows high contrast (forced colours) the chosen kind of a new position shows without its blue", async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url, forcedColors: "active" });
  const delegate = await context.newPage();
  await signIn(delegate, server, "albania");
  const id = await documentId(delegate, OSCE);
  await delegate.goto(`/documents/${id}`);
  await expect(delegate.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await delegate.locator('[data-number="OP1"]').click();
  const picker = delegate.getByRole("group", { name: "Kind" });
  await expect(picker.getByRole("radio", { name: "Object" })).toBeChecked();
  const look = (name: string) => shownLook(picker.locator("label", { hasText: name }));
  expect(await look("Object"), "the chosen kind looks like the others").not.toBe(await look("Reserve"));
  await context.close();
});

test("in forced colours a proposed amendment's wording is told apart from a tracked insertion (both underlined in the text colour)", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  const doc = (await (await chair.request.get(`/api/documents/${id}`)).json()) as { editingMode: string; paragraphs: { id: string; number: string | null }[] };
  const pp4 = doc.paragraphs.find((p) => p.number === "PP4")!;
  const mode = (m: string) => chair.request.put(`/api/documents/${id}/mode`, { data: { mode: m }, headers: { origin: server.url } });
  expect((await mode("open_drafting")).status()).toBe(200);

  const context = await browser.newContext({ baseURL: server.url, forcedColors: "active" });
  const delegate = await context.newPage();
  await signIn(delegate, server, "albania");
  const filed = await delegate.request.post(`/api/documents/${id}/annotations`, {
    data: { blockId: pp4.id, from: 0, to: 0, quote: "", kind: "amendment", op: "insert", proposedText: "Deeply " },
    headers: { origin: server.url },
  });
  expect(filed.status()).toBe(201);
  await delegate.goto(`/documents/${id}`);
  await expect(delegate.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await caretAtEnd(delegate, "PP4");
  await delegate.keyboard.type(" openly");
  const insertion = delegate.locator('[data-number="PP4"] ins.suggestion-insertion');
  const proposal = delegate.locator('[data-number="PP4"] ins.amend-ins', { hasText: "Deeply" });
  await expect(insertion).toHaveText(" openly");
  await expect(proposal).toBeVisible();
  // Colours aside (forced colours paint both in the text colour): line, style, border, outline.
  const shape = (el: Element) => {
    const s = getComputedStyle(el);
    return [s.textDecorationLine, s.textDecorationStyle, s.borderBottomStyle, s.borderTopStyle, s.outlineStyle, s.fontStyle].join(" ");
  };
  expect(await proposal.evaluate(shape), "a proposal looks like words already in the text").not.toBe(await insertion.evaluate(shape));
  expect((await mode(doc.editingMode)).status()).toBe(200);
  await context.close();
  await chair.context().close();
});

test("in forced colours the text's focus ring and the review's current item stay visible (they were box-shadows, which forced colours drop)", async ({ browser, server }) => {
  const ring = (el: Element) => {
    const s = getComputedStyle(el);
    return s.outlineStyle !== "none" && !/^rgba\(.*, 0\)$/.test(s.outlineColor) && parseFloat(s.outlineWidth) >= 2;
  };
  const context = await browser.newContext({ baseURL: server.url, forcedColors: "active" });
  const chair = await context.newPage();
  await signIn(chair, server, "chair");
  const id = await documentId(chair, OSCE);
  await chair.goto(`/documents/${id}`);
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await chair.keyboard.press("Alt+Shift+G");
  await chair.getByLabel(/^Paragraph/).fill("PP1");
  await chair.keyboard.press("Enter");
  await expect(editor(chair)).toBeFocused();
  expect(await editor(chair).evaluate(ring), "the focused text shows a ring").toBe(true);
  const current = chair.locator(".review-list li.is-current");
  await expect(current).toHaveCount(1);
  expect(await current.evaluate(ring), "the review's current item shows its ring").toBe(true);
  await context.close();
});

test("at 200% zoom (one column) the chair's page stays on the text: neither opening the document nor a new review item scrolls it to the queue", async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 640, height: 400 } });
  const chair = await context.newPage();
  await signIn(chair, server, "chair");
  const id = await documentId(chair, OSCE);
  // The queue counts positions once they are loaded: read it only after (a busy machine showed "1 of 1" first).
  const positions = chair.waitForResponse((r) => r.url().endsWith(`/api/documents/${id}/annotations`) && r.request().method() === "GET");
  await chair.goto(`/documents/${id}`);
  await positions;
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  const counter = chair.getByTestId("review").getByText(/^\d+ of \d+ ·/);
  await expect(counter).toBeVisible();
  const total = async () => Number(/of (\d+)/.exec((await counter.textContent()) ?? "")![1]);
  const before = await total();
  expect(await chair.evaluate(() => window.scrollY), "opening the document").toBe(0);

  // Reading PP2 when a delegation files a position: the page stays where it is.
  await chair.locator('[data-number="PP2"]').click();
  const y = await chair.evaluate(() => window.scrollY);
  const delegate = await personPage(browser, server, "belarus");
  await fileObjection(delegate, server, id, "PP2");
  await expect.poll(total).toBe(before + 1);
  expect(await chair.evaluate(() => window.scrollY), "a new review item").toBe(y);
  await expect(chair.locator('[data-number="PP2"]')).toBeInViewport();
  await delegate.context().close();
  await context.close();
});

test("in forced colours the selected side tab is the only one underlined (every tab showed the bar: a transparent border is painted too)", async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url, forcedColors: "active" });
  const observer = await context.newPage();
  await signIn(observer, server, "observer");
  await observer.goto(`/documents/${await documentId(observer, OSCE)}`);
  const tabs = observer.getByRole("tablist", { name: "Panels" }).getByRole("tab");
  await expect(tabs).toHaveCount(3);
  const bars = () => tabs.evaluateAll((els) => els.map((e) => getComputedStyle(e).borderBottomColor));
  const page = await observer.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [selected, ...others] = await bars();
  expect(selected, "the selected tab's bar shows").not.toBe(page);
  for (const other of others) expect(other, "another tab's bar is the page's colour").toBe(page);
  await context.close();
});

test("at 320 CSS px a paragraph's status in the margin ([BRACKETED], AGREED, AD REF.) is not cut off at the screen's edge", async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 320, height: 640 } });
  const chair = await context.newPage();
  await signIn(chair, server, "chair");
  const id = await documentId(chair, OSCE);
  const doc = (await (await chair.request.get(`/api/documents/${id}`)).json()) as { paragraphs: { id: string; number: string | null }[] };
  const pp1 = doc.paragraphs.find((p) => p.number === "PP1")!;
  const status = (s: string) => chair.request.put(`/api/documents/${id}/paragraphs/${pp1.id}/status`, { data: { status: s }, headers: { origin: server.url } });
  expect((await status("bracketed")).status()).toBe(200);
  await chair.goto(`/documents/${id}`);
  await expect(chair.locator('[data-number="PP1"]')).toHaveAttribute("data-status", "bracketed");
  // The label is the paragraph's ::after, right-aligned at a distance from it: where it starts,
  // from its text's width in its font.
  const labelLeft = await chair.locator('[data-number="PP1"]').evaluate((el) => {
    const s = getComputedStyle(el, "::after");
    const text = (JSON.parse(s.content) as string).toUpperCase();
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const width = ctx.measureText(text).width + (parseFloat(s.letterSpacing) || 0) * text.length;
    const box = el.getBoundingClientRect();
    return box.left + el.clientLeft + el.clientWidth - parseFloat(s.right) - width;
  });
  expect(labelLeft, "where [BRACKETED] starts").toBeGreaterThanOrEqual(0);
  expect((await status("open")).status()).toBe(200);
  await context.close();
});

test("in forced colours a pressed formatting button (Italic where the caret is in italics) looks pressed", async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url, forcedColors: "active" });
  const chair = await context.newPage();
  await signIn(chair, server, "chair");
  await chair.goto(`/documents/${await documentId(chair, OSCE)}`);
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await chair.locator('[data-number="PP3"] em').first().click();
  const toolbar = chair.getByRole("toolbar", { name: "Formatting" });
  const italic = toolbar.getByRole("button", { name: "Italic", exact: true });
  const bold = toolbar.getByRole("button", { name: "Bold", exact: true });
  await expect(italic).toHaveAttribute("aria-pressed", "true");
  await expect(bold).toHaveAttribute("aria-pressed", "false");
  expect(await shownLook(italic), "pressed Italic looks like Bold, not pressed").not.toBe(await shownLook(bold));
  await context.close();
});
