import { documentId, expect, OSCE, personPage, test } from "./fixtures";
import type { Page } from "@playwright/test";

/** Puts the caret at a text offset of a paragraph (`end`: its end), skipping the other people's caret labels. */
async function caretAt(page: Page, number: string, at: number | "end"): Promise<void> {
  await page.locator(`[data-number="${number}"]`).click();
  await page.evaluate(
    ([n, at]) => {
      const el = document.querySelector(`[data-number="${n}"]`)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
        acceptNode: (t) => (t.parentElement?.closest(".collaboration-carets__caret, [contenteditable=false]") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      const texts: Text[] = [];
      for (let t = walker.nextNode(); t; t = walker.nextNode()) texts.push(t as Text);
      let node = texts.at(-1)!;
      let offset = node.length;
      if (at !== "end") {
        let left = at as number;
        for (const t of texts) {
          if (left <= t.length) {
            node = t;
            offset = left;
            break;
          }
          left -= t.length;
        }
      }
      const range = document.createRange();
      range.setStart(node, offset);
      range.collapse(true);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    },
    [number, at] as const,
  );
  await page.waitForTimeout(100);
}

/** A paragraph's text as shown, without the other people's caret labels. */
function shown(page: Page, number: string): Promise<string> {
  return page.$eval(`[data-number="${number}"] > *:not(.paragraph-gutter), [data-number="${number}"]`, (el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((c) => c.remove());
    return copy.textContent ?? "";
  });
}

test("two people typing in the same paragraph: each one's caret stays after their own words", async ({ browser, server }) => {
  const one = await personPage(browser, server, "chair");
  const two = await personPage(browser, server, "chair");
  const id = await documentId(one, OSCE);
  for (const p of [one, two]) {
    await p.goto(`/documents/${id}`);
    await expect(p.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  }
  await caretAt(one, "PP1", "end");
  await one.keyboard.type(" ab", { delay: 50 });
  await expect.poll(() => shown(two, "PP1")).toContain(" ab");
  await caretAt(two, "PP1", 0);
  await two.keyboard.type("X", { delay: 50 });
  await expect.poll(() => shown(one, "PP1")).toContain("X");
  await one.keyboard.type("cd", { delay: 50 });
  await expect.poll(() => shown(two, "PP1")).toContain("cd");
  expect(await shown(one, "PP1")).toContain(" abcd");
  expect(await shown(two, "PP1")).toBe(await shown(one, "PP1"));

  // Both typing at once, one in the middle and one at the end: each word stays whole.
  const start = (await shown(one, "PP2")).indexOf("benefit");
  expect(start).toBeGreaterThan(0);
  await caretAt(one, "PP2", start);
  await caretAt(two, "PP2", "end");
  await Promise.all([one.keyboard.type("greatly ", { delay: 60 }), two.keyboard.type(" for all", { delay: 45 })]);
  await expect.poll(() => shown(one, "PP2")).toContain(" for all");
  await expect.poll(() => shown(two, "PP2")).toContain("greatly benefit");
  expect(await shown(one, "PP2")).toMatch(/greatly benefit.* for all$/);
  expect(await shown(two, "PP2")).toBe(await shown(one, "PP2"));
  await one.context().close();
  await two.context().close();
});

test("two delegates suggesting in the same paragraph (open drafting): each one's tracked words stay whole and theirs", async ({ browser, server }) => {
  const albania = await personPage(browser, server, "albania");
  const belarus = await personPage(browser, server, "belarus");
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(albania, OSCE);
  const headers = { origin: server.url };
  expect((await chair.request.put(`/api/documents/${id}/mode`, { data: { mode: "open_drafting" }, headers })).status()).toBe(200);
  for (const p of [albania, belarus]) {
    await p.goto(`/documents/${id}`);
    await expect(p.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  }
  await caretAt(albania, "PP3", "end");
  await caretAt(belarus, "PP3", 0);
  await Promise.all([albania.keyboard.type(" and beyond", { delay: 60 }), belarus.keyboard.type("Also ", { delay: 45 })]);
  await expect.poll(() => shown(albania, "PP3")).toMatch(/^Also /);
  await expect.poll(() => shown(belarus, "PP3")).toMatch(/ and beyond$/);
  await expect(albania.locator('[data-number="PP3"] ins[data-delegation="ALB"]')).toHaveText(" and beyond");
  await expect(albania.locator('[data-number="PP3"] ins[data-delegation="BLR"]')).toHaveText("Also ");
  expect(await shown(belarus, "PP3")).toBe(await shown(albania, "PP3"));
  expect((await chair.request.post(`/api/documents/${id}/suggestions/decision`, { data: { decision: "reject", delegation: "ALB" }, headers })).status()).toBe(200);
  expect((await chair.request.post(`/api/documents/${id}/suggestions/decision`, { data: { decision: "reject", delegation: "BLR" }, headers })).status()).toBe(200);
  expect((await chair.request.put(`/api/documents/${id}/mode`, { data: { mode: "chairs_pen" }, headers })).status()).toBe(200);
  for (const p of [albania, belarus, chair]) await p.context().close();
});
