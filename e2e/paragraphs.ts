import type { Page } from "@playwright/test";
import { documentId, expect, OSCE, personPage, test } from "./fixtures";

// Several people in the paragraphs of the OSCE statement: carets, selections, the text as shown.

/**
 * Puts the caret at a text offset of a paragraph (`end`: its end), or selects from `at` to
 * `to`, skipping the other people's caret labels.
 */
export async function caretAt(page: Page, number: string, at: number | "end", to?: number): Promise<void> {
  await page.locator(`[data-number="${number}"]`).click();
  await page.evaluate(
    ([n, at, to]) => {
      const el = document.querySelector(`[data-number="${n}"]`)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
        acceptNode: (t) => (t.parentElement?.closest(".collaboration-carets__caret, [contenteditable=false]:not(.ProseMirror)") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      const texts: Text[] = [];
      for (let t = walker.nextNode(); t; t = walker.nextNode()) texts.push(t as Text);
      const point = (at: number | "end"): [Text, number] => {
        if (at === "end") return [texts.at(-1)!, texts.at(-1)!.length];
        let left = at;
        for (const t of texts) {
          if (left <= t.length) return [t, left];
          left -= t.length;
        }
        return [texts.at(-1)!, texts.at(-1)!.length];
      };
      const range = document.createRange();
      range.setStart(...point(at));
      if (to === null) range.collapse(true);
      else range.setEnd(...point(to));
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    },
    [number, at, to ?? null] as const,
  );
  await page.waitForTimeout(100);
}

/**
 * Saves the live text as a version and returns a function that restores it: the other
 * specs on this server read the OSCE statement's text (its references, its words).
 */
export async function keepText(chair: Page, id: string, origin: string): Promise<() => Promise<void>> {
  const headers = { origin };
  const saved = await chair.request.post(`/api/documents/${id}/versions`, { data: { label: `Before ${test.info().title.slice(0, 40)} ${Date.now()}` }, headers });
  expect(saved.status()).toBe(201);
  const version = ((await saved.json()) as { id: string }).id;
  return async () => {
    expect((await chair.request.post(`/api/documents/${id}/versions/${version}/restore`, { data: {}, headers })).status()).toBe(200);
  };
}

/** Two windows of the chair on the OSCE statement, synced; `close` puts the text back as it was. */
export async function twoWindows(browser: Parameters<typeof personPage>[0], server: Parameters<typeof personPage>[1]) {
  const one = await personPage(browser, server, "chair");
  const two = await personPage(browser, server, "chair");
  const id = await documentId(one, OSCE);
  const restore = await keepText(one, id, server.url);
  for (const p of [one, two]) {
    await p.goto(`/documents/${id}`);
    await expect(p.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  }
  const close = async () => {
    await restore();
    await Promise.all([one.context().close(), two.context().close()]);
  };
  return { one, two, id, close };
}

/**
 * Albania, Belarus and the chair on the OSCE statement in open drafting, the delegates'
 * windows synced (and the chair's, when `chairWindow`); `close` puts the chair's pen and the
 * text back as they were.
 */
export async function openDrafting(browser: Parameters<typeof personPage>[0], server: Parameters<typeof personPage>[1], chairWindow: boolean) {
  const albania = await personPage(browser, server, "albania");
  const belarus = await personPage(browser, server, "belarus");
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(albania, OSCE);
  const headers = { origin: server.url };
  const restore = await keepText(chair, id, server.url);
  expect((await chair.request.put(`/api/documents/${id}/mode`, { data: { mode: "open_drafting" }, headers })).status()).toBe(200);
  for (const p of chairWindow ? [albania, belarus, chair] : [albania, belarus]) {
    await p.goto(`/documents/${id}`);
    await expect(p.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  }
  const close = async () => {
    expect((await chair.request.put(`/api/documents/${id}/mode`, { data: { mode: "chairs_pen" }, headers })).status()).toBe(200);
    await restore();
    for (const p of [albania, belarus, chair]) await p.context().close();
  };
  return { albania, belarus, chair, id, headers, close };
}

/** A paragraph's text as shown, without the other people's caret labels. */
export function shown(page: Page, number: string): Promise<string> {
  return page.$eval(`[data-number="${number}"] > *:not(.paragraph-gutter), [data-number="${number}"]`, (el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((c) => c.remove());
    return copy.textContent ?? "";
  });
}
