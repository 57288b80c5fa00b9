import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { caretAtEnd, documentId, editor, expect, OSCE, personPage, serverParagraph, test } from "./fixtures";

/** The OSCE decision's OP3 starts with these words. */
const FIRST_THREE = "Encourage executive OSCE";

async function openDoc(page: Page, id: string): Promise<void> {
  await page.goto(`/documents/${id}`);
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await expect(page.locator('[data-number="OP3"]')).toBeVisible();
}

/** Alt+Shift+G, the number, Enter: the keyboard's way into a paragraph of the text. */
async function goToParagraph(page: Page, number: string): Promise<void> {
  await page.keyboard.press("Alt+Shift+G");
  const field = page.getByRole("dialog", { name: "Go to paragraph" }).getByLabel(/^Paragraph/);
  await expect(field).toBeFocused();
  await page.keyboard.type(number);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Go to paragraph" })).toBeHidden();
}

/** Three words from the paragraph's start, as the keyboard selects them. */
async function selectThreeWords(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+Control+ArrowRight");
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(FIRST_THREE);
}

/** Every way of changing the text from the keyboard or the clipboard, in OP3; none may change it. */
async function tryToChange(page: Page): Promise<void> {
  await page.keyboard.type("x");
  // Cut with a word selected; the paste below replaces it, if anything.
  for (const key of ["Enter", "Backspace", "Delete", "Shift+Control+ArrowRight", "Control+x", "Control+z"]) await page.keyboard.press(key);
  await editor(page).evaluate((el) => {
    const data = new DataTransfer();
    data.setData("text/plain", "PASTED WORDS");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    const dropped = new DataTransfer();
    dropped.setData("text/plain", "DROPPED WORDS");
    const target = el.querySelector('[data-number="OP3"]')!.getBoundingClientRect();
    el.dispatchEvent(new DragEvent("drop", { dataTransfer: dropped, bubbles: true, cancelable: true, clientX: target.left + 20, clientY: target.top + 5 }));
  });
}

/** A paragraph's text as shown, tracked changes included, others' caret labels left out. */
async function shown(page: Page, number: string): Promise<string> {
  return page.locator(`[data-number="${number}"]`).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((c) => c.remove());
    return copy.textContent ?? "";
  });
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
}

test("under the chair's pen a delegate selects words by keyboard (Go to paragraph, Shift+Ctrl+Arrow) and objects to exactly them; typing changes nothing and says why", async ({ browser, server }) => {
  const albania = await personPage(browser, server, "albania");
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(albania, OSCE);
  const headers = { origin: server.url };
  await openDoc(albania, id);
  await openDoc(chair, id);
  const before = (await serverParagraph(albania, id, "OP3")).text;
  expect(before.startsWith(FIRST_THREE)).toBe(true);
  const shownBefore = await shown(albania, "OP3");

  // A read-only multi-line text box, in the Tab order.
  const text = albania.getByRole("textbox", { name: /^Text of .* \(read only\)$/ });
  await expect(text).toHaveAttribute("aria-readonly", "true");
  await expect(text).toHaveAttribute("aria-multiline", "true");
  await expect(text).toHaveAttribute("tabindex", "0");
  // A tap on a phone places the caret without opening the on-screen keyboard.
  await expect(text).toHaveAttribute("inputmode", "none");

  await goToParagraph(albania, "3");
  await expect(text).toBeFocused();
  // The focus ring shows (.document-text:focus-visible).
  expect(await text.evaluate((el) => el.matches(":focus-visible") && getComputedStyle(el).boxShadow !== "none")).toBe(true);
  await selectThreeWords(albania);
  await expect(albania.locator(".composer-quote q")).toHaveText(FIRST_THREE);
  expect(await violations(albania), "delegate, read-only text focused with a selection").toEqual([]);

  // The chair's typing elsewhere still arrives while the delegate holds a selection.
  const op1 = await shown(albania, "OP1");
  await caretAtEnd(chair, "OP1");
  await chair.keyboard.type(" CHAIR");
  await expect(albania.locator('[data-number="OP1"]')).toContainText("CHAIR");
  await expect(albania.locator(".composer-quote q")).toHaveText(FIRST_THREE);
  for (let i = 0; i < " CHAIR".length; i++) await chair.keyboard.press("Backspace");
  await expect.poll(() => shown(albania, "OP1")).toBe(op1);

  await albania.getByRole("radio", { name: "Object" }).check();
  await albania.getByRole("button", { name: "Submit" }).click();
  await expect(albania.getByRole("status").filter({ hasText: "Objection submitted on OP3." })).toBeVisible();
  const { annotations } = (await (await albania.request.get(`/api/documents/${id}/annotations`)).json()) as {
    annotations: { id: string; kind: string; quote: string; paragraph: string | null; status: string; author: { delegation: { code: string } | null } }[];
  };
  const filed = annotations.filter((a) => a.kind === "objection" && a.status === "open" && a.author.delegation?.code === "ALB" && a.paragraph === "OP3");
  expect(filed.map((a) => a.quote)).toEqual([FIRST_THREE]);

  // Typing, Enter, Backspace, Delete, cut, undo, paste and drop change nothing; the typing is
  // told why. Offline, so that the server cannot put back what this window would wrongly change.
  await goToParagraph(albania, "3");
  await expect(text).toBeFocused();
  await albania.context().setOffline(true);
  await expect(albania.getByTestId("connection")).not.toHaveAttribute("data-state", "synced");
  await tryToChange(albania);
  await expect(albania.getByTestId("mode-notice")).toHaveText(/The chair holds the pen: your typing is not part of the text\./);
  expect(await shown(albania, "OP3")).toBe(shownBefore);
  await albania.context().setOffline(false);
  await expect(albania.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  expect((await serverParagraph(albania, id, "OP3")).text).toBe(before);
  // "?" in the text still lists the shortcuts (it types nothing).
  await albania.keyboard.press("?");
  await expect(albania.getByRole("dialog", { name: /shortcuts/i })).toBeVisible();
  await albania.keyboard.press("Escape");

  // The chair opens the text while the delegate's focus is in it: typing is a tracked
  // suggestion at once; the chair takes the pen back: read only again, the focus kept.
  await text.focus();
  const setMode = async (mode: string) => expect((await chair.request.put(`/api/documents/${id}/mode`, { data: { mode }, headers })).status()).toBe(200);
  await setMode("open_drafting");
  const open = albania.getByRole("textbox", { name: /^Text of / });
  await expect(open).not.toHaveAttribute("aria-readonly");
  await expect(open).not.toHaveAttribute("inputmode");
  await expect(open).toBeFocused();
  await albania.keyboard.type("Q");
  await expect(albania.locator('[data-number="OP3"] ins[data-delegation="ALB"]')).toHaveText("Q");
  await setMode("chairs_pen");
  await expect(open).toHaveAttribute("aria-readonly", "true");
  await expect(open).toBeFocused();
  await albania.context().setOffline(true);
  await expect(albania.getByTestId("connection")).not.toHaveAttribute("data-state", "synced");
  await albania.keyboard.type("R");
  // Undo would take the "Q" back out through Yjs, past the text's refusal of changes: off too.
  await albania.keyboard.press("Control+z");
  await expect(albania.locator('[data-number="OP3"] ins[data-delegation="ALB"]')).toHaveText("Q");
  await albania.context().setOffline(false);
  await expect(albania.getByTestId("connection")).toHaveAttribute("data-state", "synced");

  // Nothing of it reached the server but the tracked "Q"; put the text back for the other tests.
  await expect.poll(async () => (await serverParagraph(albania, id, "OP3")).text).not.toContain("R");
  expect((await chair.request.post(`/api/documents/${id}/suggestions/decision`, { data: { decision: "reject", delegation: "ALB" }, headers })).status()).toBe(200);
  await expect.poll(async () => (await serverParagraph(albania, id, "OP3")).text).toBe(before);
  for (const a of filed) expect((await albania.request.post(`/api/documents/${id}/annotations/${a.id}/withdraw`, { data: {}, headers })).status()).toBe(200);
  await albania.context().close();
  await chair.context().close();
});

test("an observer reaches the text by Tab, selects words by keyboard, and typing in it changes nothing and says why", async ({ browser, server }) => {
  const observer = await personPage(browser, server, "observer");
  const id = await documentId(observer, OSCE);
  await openDoc(observer, id);
  const before = (await serverParagraph(observer, id, "OP3")).text;
  const shownBefore = await shown(observer, "OP3");
  const text = observer.getByRole("textbox", { name: /^Text of .* \(read only\)$/ });
  await expect(text).toHaveAttribute("aria-readonly", "true");

  // Tab from the last control before the text lands in it.
  const stops: string[] = [];
  await observer.locator("body").focus();
  for (let i = 0; i < 30 && !(await text.evaluate((el) => el === document.activeElement)); i++) {
    await observer.keyboard.press("Tab");
    stops.push(await observer.evaluate(() => document.activeElement?.outerHTML.slice(0, 60) ?? ""));
  }
  await expect(text, `Tab stops: ${stops.join(" | ")}`).toBeFocused();

  await goToParagraph(observer, "3");
  await expect(text).toBeFocused();
  await selectThreeWords(observer);
  await tryToChange(observer);
  await expect(observer.getByTestId("mode-notice")).toHaveText(/You follow this document as an observer: the text cannot be changed from here\./);
  expect(await shown(observer, "OP3")).toBe(shownBefore);
  expect((await serverParagraph(observer, id, "OP3")).text).toBe(before);
  expect(await violations(observer), "observer, read-only text focused").toEqual([]);
  await observer.context().close();
});

test("an observer typing through an input method (IME composition) in the read-only text changes nothing and is told why", async ({ browser, server }) => {
  const observer = await personPage(browser, server, "observer");
  const id = await documentId(observer, OSCE);
  await openDoc(observer, id);
  const before = (await serverParagraph(observer, id, "OP3")).text;
  const shownBefore = await shown(observer, "OP3");
  await goToParagraph(observer, "3");
  await expect(editor(observer)).toBeFocused();
  // What a Chinese, Japanese or Korean input method sends: a composition, then its text; no key events with a character.
  const cdp = await observer.context().newCDPSession(observer);
  await cdp.send("Input.imeSetComposition", { text: "協", selectionStart: 1, selectionEnd: 1 });
  await cdp.send("Input.imeSetComposition", { text: "協議", selectionStart: 2, selectionEnd: 2 });
  await cdp.send("Input.insertText", { text: "協議" });
  await expect(observer.getByTestId("mode-notice")).toHaveText(/You follow this document as an observer: the text cannot be changed from here\./);
  await expect.poll(() => shown(observer, "OP3")).toBe(shownBefore);
  expect((await serverParagraph(observer, id, "OP3")).text).toBe(before);
  await observer.context().close();
});
