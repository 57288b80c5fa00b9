import type { Page } from "@playwright/test";
import { documentId, expect, OSCE, personPage, test } from "./fixtures";
import { caretAt, keepText, shown } from "./paragraphs";

/** Counts the presence (awareness, type 1) frames a window sends while `counting`, and its socket closes. */
function watchPresence(page: Page) {
  const seen = { counting: false, sent: 0, closed: 0 };
  page.on("websocket", (ws) => {
    if (!ws.url().includes("/collab/")) return;
    ws.on("framesent", ({ payload }) => {
      if (seen.counting && typeof payload !== "string" && payload[0] === 1) seen.sent += 1;
    });
    ws.on("close", () => (seen.closed += 1));
  });
  return seen;
}

test("a window whose caret stands still sends no presence while someone else types fast, and nobody's socket is closed for presence", async ({ browser, server }) => {
  const one = await personPage(browser, server, "chair");
  const two = await personPage(browser, server, "chair");
  const id = await documentId(one, OSCE);
  const restore = await keepText(one, id, server.url);
  const still = watchPresence(one);
  const typist = watchPresence(two);
  for (const p of [one, two]) {
    await p.goto(`/documents/${id}`);
    await expect(p.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  }
  await caretAt(one, "PP1", "end");
  await caretAt(two, "PP2", "end");
  await one.waitForTimeout(300);

  // 240 keystrokes as fast as the browser takes them: each one a remote edit for `one`, and a
  // caret move of `two`'s own.
  const words = " and further".repeat(20);
  still.counting = typist.counting = true;
  const started = Date.now();
  await two.keyboard.type(words, { delay: 0 });
  await expect.poll(() => shown(one, "PP2"), { timeout: 20_000 }).toContain(words);
  const seconds = (Date.now() - started) / 1000;
  await one.waitForTimeout(500);
  still.counting = typist.counting = false;

  // `one`'s caret did not move: nothing to tell (the stock caret plugin re-announced it on
  // every remote edit, past the server's presence limit in a busy room).
  expect(still.sent).toBeLessThanOrEqual(1);
  // `two`'s caret moves are sent at most about ten times a second, the last one included.
  expect(typist.sent).toBeGreaterThan(0);
  expect(typist.sent).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 3);
  expect(still.closed + typist.closed).toBe(0);
  for (const p of [one, two]) await expect(p.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  // `one` sees `two`'s caret at the end of the typed words.
  await expect(one.locator('[data-number="PP2"] .collaboration-carets__caret')).toHaveCount(1);

  await restore();
  await Promise.all([one.context().close(), two.context().close()]);
});
