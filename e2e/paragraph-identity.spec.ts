import { documentId, expect, personPage, test } from "./fixtures";

type Paragraph = { id: string; number: string | null; text: string };

test("a new paragraph typed at the start of another takes a new identity; the old words keep theirs, and with them their place in comparisons and the references tracker", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, "Contribution by Albania");
  const read = async () => ((await (await chair.request.get(`/api/documents/${id}`)).json()) as { paragraphs: Paragraph[] }).paragraphs;
  const target = (await read()).find((p) => p.number === "8.")!;
  await chair.goto(`/documents/${id}`);
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  // The caret at the start of paragraph 8's words.
  await chair.locator('[data-number="8."]').evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode()!;
    const range = document.createRange();
    range.setStart(first, 0);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });
  await chair.keyboard.type("Welcomes the work done.");
  await chair.keyboard.press("Enter");
  await expect.poll(async () => (await read()).map((p) => p.text)).toContain("Welcomes the work done.");
  const after = await read();
  const added = after.find((p) => p.text === "Welcomes the work done.")!;
  const old = after.find((p) => p.text === target.text)!;
  expect(old.id).toBe(target.id);
  expect(added.id).not.toBe(target.id);
  expect([added.number, old.number]).toEqual(["8.", "9."]);
  // The new paragraph goes again.
  await chair.locator('[data-number="8."]').evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });
  await chair.keyboard.press("Backspace");
  await chair.keyboard.press("Backspace");
  await expect.poll(async () => (await read()).find((p) => p.number === "8.")?.text).toBe(target.text);
  expect((await read()).find((p) => p.number === "8.")!.id).toBe(target.id);
  await chair.context().close();
});
