import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { caretAt, openDrafting, shown, twoWindows } from "./paragraphs";

/** The live text's paragraphs as the server holds them. */
async function serverTexts(page: Page, id: string): Promise<string[]> {
  const doc = (await (await page.request.get(`/api/documents/${id}`)).json()) as { paragraphs: { text: string }[] };
  return doc.paragraphs.map((p) => p.text);
}

test("two people typing in the same paragraph: each one's caret stays after their own words", async ({ browser, server }) => {
  const { one, two, close } = await twoWindows(browser, server);
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
  await close();
});

test("two delegates suggesting in the same paragraph (open drafting): each one's tracked words stay whole and theirs", async ({ browser, server }) => {
  const { albania, belarus, chair, id, headers, close } = await openDrafting(browser, server, false);
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
  await close();
});

test("the characters under your caret deleted or re-created by someone else: it stays in your words", async ({ browser, server }) => {
  const { one, two, id, close } = await twoWindows(browser, server);
  const headers = { origin: server.url };

  // Enter at the very start of your paragraph (a new paragraph before it): your paragraph's
  // text moves into a new one, and your caret goes with it.
  const pp3 = await shown(one, "PP3");
  const blocks = two.locator(".document-text > *");
  const count = await blocks.count();
  await caretAt(two, "PP3", 20);
  await caretAt(one, "PP3", 0);
  await one.keyboard.press("Enter");
  await expect(blocks).toHaveCount(count + 1);
  await two.keyboard.type("@@", { delay: 40 });
  await expect.poll(async () => (await serverTexts(two, id)).find((t) => t.includes("@@"))).toBe(`${pp3.slice(0, 20)}@@${pp3.slice(20)}`);
  // Backspace joining it to the (empty) paragraph before: the caret stays after "@@".
  await one.keyboard.press("Backspace");
  await expect(blocks).toHaveCount(count);
  await two.keyboard.type("##", { delay: 40 });
  await expect.poll(() => shown(one, "PP3")).toBe(`${pp3.slice(0, 20)}@@##${pp3.slice(20)}`);

  // Enter earlier in your paragraph: the rest, with your caret, goes to a new paragraph.
  const pp6 = await shown(one, "PP6");
  await caretAt(two, "PP6", 40);
  await caretAt(one, "PP6", 10);
  await one.keyboard.press("Enter");
  await expect(blocks).toHaveCount(count + 1);
  await two.keyboard.type("%%", { delay: 40 });
  await expect.poll(async () => (await serverTexts(two, id)).find((t) => t.includes("%%"))).toBe(`${pp6.slice(10, 40)}%%${pp6.slice(40)}`);
  // And Backspace joining the two halves again: the caret stays after "%%".
  await one.keyboard.press("Backspace");
  await expect(blocks).toHaveCount(count);
  await two.keyboard.type("&&", { delay: 40 });
  await expect.poll(() => shown(one, "PP6")).toBe(`${pp6.slice(0, 40)}%%&&${pp6.slice(40)}`);

  // A range deleted around your caret: it stays where the range was.
  const pp5 = await shown(one, "PP5");
  await caretAt(two, "PP5", 25);
  await caretAt(one, "PP5", 15, 40);
  await one.keyboard.press("Backspace");
  await expect.poll(() => shown(two, "PP5")).toBe(pp5.slice(0, 15) + pp5.slice(40));
  await two.keyboard.type("E");
  await expect.poll(() => shown(one, "PP5")).toBe(`${pp5.slice(0, 15)}E${pp5.slice(40)}`);

  // A version restored (every paragraph deleted and inserted again): your caret stays in
  // your paragraph, at its place.
  const saved = await one.request.post(`/api/documents/${id}/versions`, { data: { label: "Before the caret test" }, headers });
  expect(saved.status()).toBe(201);
  const version = ((await saved.json()) as { id: string }).id;
  await caretAt(one, "OP1", "end");
  await one.keyboard.type(" TO BE UNDONE");
  await expect.poll(() => shown(two, "OP1")).toContain("TO BE UNDONE");
  const pp2 = await shown(two, "PP2");
  await caretAt(two, "PP2", 15);
  expect((await one.request.post(`/api/documents/${id}/versions/${version}/restore`, { data: {}, headers })).status()).toBe(200);
  await expect.poll(() => shown(two, "OP1")).not.toContain("TO BE UNDONE");
  await two.keyboard.type("K");
  await expect.poll(() => shown(one, "PP2")).toBe(`${pp2.slice(0, 15)}K${pp2.slice(15)}`);
  await close();
});

test("a tracked change split in two by another delegation's words is one review item, decided whole, and the chair is told so", async ({ browser, server }) => {
  const { albania, belarus, chair, id, headers, close } = await openDrafting(browser, server, true);
  await caretAt(albania, "PP3", "end");
  await albania.keyboard.type(" alpha beta");
  await expect.poll(() => shown(belarus, "PP3")).toMatch(/ alpha beta$/);
  // Belarus types inside Albania's insertion: Albania's is now drawn in two pieces.
  await caretAt(belarus, "PP3", (await shown(belarus, "PP3")).length - "beta".length);
  await belarus.keyboard.type("[x] ");
  await expect.poll(() => shown(chair, "PP3")).toMatch(/ alpha \[x\] beta$/);
  await expect(chair.locator('[data-number="PP3"] ins[data-delegation="ALB"]')).toHaveCount(2);

  await chair.getByRole("tab", { name: "Review" }).click();
  await chair.getByLabel("Review kind").selectOption("suggestion");
  const queue = chair.getByTestId("review");
  const albaniaItems = queue.locator(".review-list > li").filter({ hasText: "Albania" });
  await expect(albaniaItems).toHaveCount(1);
  await expect(albaniaItems).toContainText("(2 pieces, decided together)");
  await expect(albaniaItems).toContainText("alpha … beta");
  await albaniaItems.getByRole("button", { name: /tracked insertion/ }).click();
  await albaniaItems.getByRole("button", { name: "Accept (A)" }).click();
  await expect(queue.getByRole("status")).toHaveText("Accepted: Albania's tracked insertion (2 pieces) in PP3. It is in the text. It cannot be rejected or undone now: to take it back, edit the text or restore a saved version.");
  await expect(albaniaItems).toHaveCount(0);
  await expect(queue.locator(".review-list > li").filter({ hasText: "Belarus" })).toHaveCount(1);
  await expect(chair.locator('[data-number="PP3"] ins[data-delegation="ALB"]')).toHaveCount(0);

  expect((await chair.request.post(`/api/documents/${id}/suggestions/decision`, { data: { decision: "reject", delegation: "BLR" }, headers })).status()).toBe(200);
  await close();
});

test("another delegation's proposed words: a delegate cannot strike or type over them, and is told why; their own delegation can", async ({ browser, server }) => {
  const { albania, belarus, id, close } = await openDrafting(browser, server, false);
  const WORDS = " in any way";
  await caretAt(albania, "PP3", "end");
  await albania.keyboard.type(WORDS);
  await expect.poll(() => shown(belarus, "PP3")).toMatch(/ in any way$/);
  const text = await shown(belarus, "PP3");
  const stored = await serverTexts(belarus, id);
  const start = text.length - WORDS.length;
  const notices = belarus.locator(".side-notice");
  /** Belarus is told `said` (then dismisses it), and nothing changed, in its window or on the server. */
  const told = async (said: string) => {
    const notice = notices.filter({ hasText: said });
    await expect(notice).toHaveCount(1);
    await notice.getByRole("button", { name: /^Dismiss/ }).click();
    await expect(notice).toHaveCount(0);
    expect(await shown(belarus, "PP3")).toBe(text);
    await expect(belarus.locator('[data-number="PP3"] [data-delegation="BLR"]')).toHaveCount(0);
    expect(await serverTexts(belarus, id)).toEqual(stored);
  };
  const theirs = "These words are Albania's proposal: only Albania can change them; object to it instead.";

  // Selected, then Delete, Backspace, or typed over ("in any wayat all" before).
  for (const key of ["Delete", "Backspace"]) {
    await caretAt(belarus, "PP3", start, text.length);
    await belarus.keyboard.press(key);
    await told(theirs);
  }
  await caretAt(belarus, "PP3", start, text.length);
  await belarus.keyboard.type("at all");
  await told(theirs);
  // Backspace into them from their end, one character.
  await caretAt(belarus, "PP3", "end");
  await belarus.keyboard.press("Backspace");
  await told(theirs);
  // A selection with accepted words and theirs: nothing struck, and told to select around them.
  await caretAt(belarus, "PP3", start - 10, text.length);
  await belarus.keyboard.press("Delete");
  await told("The selection includes Albania's proposed words: only Albania can change them. Select around them, or object to the proposal instead.");

  // Albania's own words stay Albania's to take back.
  await caretAt(albania, "PP3", start, text.length);
  await albania.keyboard.press("Delete");
  await expect.poll(() => shown(belarus, "PP3")).toBe(text.slice(0, start));
  await close();
});

test("open drafting through an input method (IME composition): the composed words are one tracked insertion of the delegation, once", async ({ browser, server }) => {
  const { albania, chair, id, close } = await openDrafting(browser, server, true);
  const before = await shown(chair, "OP1");
  await caretAt(albania, "OP1", "end");
  const cdp = await albania.context().newCDPSession(albania);
  // A Japanese input method: the reading composed key by key, then the chosen word committed.
  await cdp.send("Input.imeSetComposition", { text: " き", selectionStart: 2, selectionEnd: 2 });
  await cdp.send("Input.imeSetComposition", { text: " きょう", selectionStart: 4, selectionEnd: 4 });
  await cdp.send("Input.imeSetComposition", { text: " 協議", selectionStart: 3, selectionEnd: 3 });
  await cdp.send("Input.insertText", { text: " 協議" });
  const inserted = chair.locator('[data-number="OP1"] ins.suggestion-insertion[data-delegation="ALB"]');
  await expect.poll(() => inserted.evaluateAll((els) => els.map((el) => el.textContent))).toEqual([" 協議"]);
  await expect.poll(() => shown(chair, "OP1")).toBe(`${before} 協議`);
  expect(await shown(albania, "OP1")).toBe(`${before} 協議`);
  // Nothing refused nor undone on the way.
  await expect(albania.getByTestId("mode-notice")).toHaveCount(0);
  const paragraph = ((await (await chair.request.get(`/api/documents/${id}`)).json()) as { paragraphs: { number: string; text: string }[] }).paragraphs.find((p) => p.number === "OP1");
  // The server holds the words once (the live text, its tracked insertion included).
  expect(paragraph?.text).toBe(`${before} 協議`);
  await close();
});
