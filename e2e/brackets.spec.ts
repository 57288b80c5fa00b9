import type { Page } from "@playwright/test";
import { caretAtEnd, documentId, expect, personPage, test } from "./fixtures";

/** Selects `word` in the paragraph that holds `text` (a DOM range, as dragging the mouse over it would make). */
async function select(page: Page, text: string, word: string): Promise<void> {
  const done = await page.evaluate(
    ({ text, word }) => {
      const el = [...document.querySelectorAll(".document-text > *")].find((p) => p.textContent?.includes(text));
      if (!el) return false;
      // The words may run across text nodes (a word in italics): find each end's node and offset.
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const start = nodes.map((n) => n.data).join("").indexOf(word);
      if (start < 0) return false;
      const at = (offset: number) => {
        for (const n of nodes) {
          if (offset <= n.data.length) return [n, offset] as const;
          offset -= n.data.length;
        }
        throw new Error("past the end");
      };
      const range = document.createRange();
      range.setStart(...at(start));
      range.setEnd(...at(start + word.length));
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return true;
    },
    { text, word },
  );
  expect(done).toBe(true);
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe(word);
}

test("words bracketed across italics are one bracketed stretch: one '[…]' in the editor and in the exports", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, "Contribution by Albania");
  const doc = (await (await chair.request.get(`/api/documents/${id}`)).json()) as { paragraphs: { number: string | null }[] };
  const last = doc.paragraphs.filter((p) => p.number).at(-1)!.number!;
  await chair.goto(`/documents/${id}`);
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await caretAtEnd(chair, last);
  await chair.keyboard.press("Enter");
  await chair.keyboard.type("Affirms alpha beta gamma today.");
  const para = chair.locator(".document-text > *", { hasText: "Affirms alpha beta gamma today." });
  await select(chair, "Affirms alpha", "beta");
  await chair.keyboard.press("Control+i");
  await expect(para.locator("em")).toHaveText("beta");
  await select(chair, "Affirms alpha", "alpha beta gamma");
  await chair.getByRole("button", { name: "Brackets" }).click();
  // One bracketed element around the three words, the italic word inside it; its "[" and "]" drawn once.
  await expect(para.locator(".bracketed")).toHaveCount(1);
  await expect(para.locator(".bracketed")).toHaveText("alpha beta gamma");
  await expect(para.locator(".bracketed em")).toHaveText("beta");
  expect(await para.locator(".bracketed").evaluate((el) => [getComputedStyle(el, "::before").content, getComputedStyle(el, "::after").content])).toEqual(['"["', '"]"']);
  // The exports print one pair of brackets around the stretch.
  await expect
    .poll(async () => (await chair.request.get(`/api/documents/${id}/export?format=md`)).text())
    .toContain("Affirms [alpha *beta* gamma] today.");
  // The paragraph goes again: nothing else reads it.
  await select(chair, "Affirms alpha", "Affirms alpha beta gamma today.");
  await chair.keyboard.press("Backspace");
  await chair.keyboard.press("Backspace");
  await expect(para).toHaveCount(0);
  await chair.context().close();
});
