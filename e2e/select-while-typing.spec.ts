import type { Page } from "@playwright/test";
import { documentId, expect, OSCE, personPage, test } from "./fixtures";
import { caretAt, keepText, openDrafting, shown } from "./paragraphs";

/**
 * Lets a test hold the page's incoming collaboration messages (`hold`) and deliver them at
 * the next `selectionchange`, before ProseMirror reads it (`releaseOnSelectionChange`). A
 * remote change can arrive then in any browser: Shift+Arrow moves the DOM selection at once,
 * `selectionchange` tells the editor a task later, and a socket message may be handled in
 * between. Here it does every time instead of now and then.
 */
async function holdRemoteChanges(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const held: (() => void)[] = [];
    let holding = false;
    let armed = false;
    let updates = 0;
    const release = () => {
      holding = false;
      updates = 0;
      for (const deliver of held.splice(0)) deliver();
    };
    // Registered before the editor's own listener, so it runs first.
    document.addEventListener("selectionchange", () => {
      if (!armed) return;
      armed = false;
      release();
    });
    const Native = window.WebSocket;
    class HeldSocket extends Native {
      set onmessage(handler: ((event: MessageEvent) => void) | null) {
        super.onmessage = handler
          ? (event: MessageEvent) => {
              if (!holding) return handler.call(this, event);
              const bytes = new Uint8Array(event.data as ArrayBuffer);
              // y-websocket's sync message (0) carrying a document update (2).
              if (bytes[0] === 0 && bytes[1] === 2) updates++;
              held.push(() => handler.call(this, event));
            }
          : null;
      }
      get onmessage(): ((event: MessageEvent) => void) | null {
        return super.onmessage;
      }
    }
    window.WebSocket = HeldSocket;
    Object.assign(window, {
      remoteChanges: {
        hold: () => (holding = true),
        heldUpdates: () => updates,
        held: () => held.length + (holding ? 1 : 0),
        releaseOnSelectionChange: () => (armed = true),
      },
    });
  });
  await page.reload();
  await expect(page.getByTestId("connection")).toHaveAttribute("data-state", "synced");
}

interface RemoteChanges {
  hold: () => void;
  heldUpdates: () => number;
  held: () => number;
  releaseOnSelectionChange: () => void;
}

function remote(page: Page) {
  const call = <K extends keyof RemoteChanges>(name: K) => page.evaluate((n) => (window as unknown as { remoteChanges: RemoteChanges }).remoteChanges[n]() as number, name);
  return { hold: () => call("hold"), heldUpdates: () => call("heldUpdates"), held: () => call("held"), releaseOnSelectionChange: () => call("releaseOnSelectionChange") };
}

/** The selected text: in the editor's state and in the page (without the other people's caret labels). */
function selected(page: Page): Promise<{ state: string; page: string }> {
  return page.evaluate(() => {
    const dom = document.querySelector(".ProseMirror") as HTMLElement & { editor: { state: { selection: { from: number; to: number }; doc: { textBetween: (from: number, to: number) => string } } } };
    const { selection, doc } = dom.editor.state;
    const range = window.getSelection()!.getRangeAt(0).cloneContents();
    range.querySelectorAll(".collaboration-carets__caret").forEach((c) => c.remove());
    return { state: doc.textBetween(selection.from, selection.to), page: range.textContent ?? "" };
  });
}

/** Shift+ArrowRight `count` times; before each, `other` types one character, which reaches `page` right as its selection moves. */
async function selectWhileTyping(page: Page, other: Page, count: number): Promise<void> {
  const changes = remote(page);
  for (let i = 0; i < count; i++) {
    await changes.hold();
    await other.keyboard.type("x");
    await expect.poll(changes.heldUpdates).toBeGreaterThan(0);
    await changes.releaseOnSelectionChange();
    await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(changes.held).toBe(0);
  }
}

test("selecting words with Shift+Arrow while another delegation types earlier or later in the paragraph: exactly those words are selected", async ({ browser, server }) => {
  const { albania, belarus, close } = await openDrafting(browser, server, false);
  await holdRemoteChanges(albania);
  const text = await shown(albania, "PP4");
  const start = text.indexOf("increase");
  expect(start).toBeGreaterThan(20);
  const words = text.slice(start, start + 20);

  // Earlier in the paragraph.
  await caretAt(belarus, "PP4", 10);
  await caretAt(albania, "PP4", start);
  await selectWhileTyping(albania, belarus, 20);
  expect(await selected(albania)).toEqual({ state: words, page: words });

  // Later in the paragraph (the same words, now 20 characters further on).
  await caretAt(belarus, "PP4", "end");
  await caretAt(albania, "PP4", start + 20);
  await selectWhileTyping(albania, belarus, 20);
  expect(await selected(albania)).toEqual({ state: words, page: words });
  await close();
});

test("a delegate selecting words of the chair's text with Shift+Arrow (read only) while the chair types in the paragraph: exactly those words are selected", async ({ browser, server }) => {
  const albania = await personPage(browser, server, "albania");
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  const restore = await keepText(chair, id, server.url);
  for (const p of [albania, chair]) {
    await p.goto(`/documents/${id}`);
    await expect(p.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  }
  await holdRemoteChanges(albania);
  await expect(albania.getByLabel(/^Text of /)).toHaveAttribute("aria-readonly", "true");
  const text = await shown(albania, "PP4");
  const start = text.indexOf("increase");
  const words = text.slice(start, start + 20);
  await caretAt(chair, "PP4", 10);
  // Read-only text keeps a caret (read-only-text.ts): the selection grows from it key by key.
  await caretAt(albania, "PP4", start);
  await selectWhileTyping(albania, chair, 20);
  expect(await selected(albania)).toEqual({ state: words, page: words });
  await restore();
  await Promise.all([albania.context().close(), chair.context().close()]);
});

test("words selected while others type right before them, right after them or inside them stay selected; deleted, the selection closes where they were", async ({ browser, server }) => {
  const { albania, belarus, chair, close } = await openDrafting(browser, server, true);
  const text = await shown(albania, "PP4");
  const start = text.indexOf("increase");
  const words = text.slice(start, start + 20);
  await caretAt(albania, "PP4", start);
  for (let i = 0; i < 20; i++) await albania.keyboard.press("Shift+ArrowRight");
  // The editor reads the page's selection at the next selectionchange: wait for it to settle.
  await expect.poll(() => selected(albania)).toEqual({ state: words, page: words });

  // What is typed never starts with the letter after the caret: the typist's editor writes
  // "i" typed before "increase" after that "i" (y-tiptap diffs the paragraph's old and new
  // text), which no selection on the other side can tell apart.
  const typeAt = async (at: number, typed: string) => {
    await caretAt(belarus, "PP4", at);
    await belarus.keyboard.type(typed);
    await expect.poll(() => shown(albania, "PP4")).toContain(typed);
  };
  await typeAt(start, "very large ");
  expect(await selected(albania)).toEqual({ state: words, page: words });
  await typeAt(start + 11 + 20, " indeed");
  expect(await selected(albania)).toEqual({ state: words, page: words });
  await typeAt(start + 11 + 5, "ZZ");
  const grown = `${words.slice(0, 5)}ZZ${words.slice(5)}`;
  expect(await selected(albania)).toEqual({ state: grown, page: grown });

  // The chair deletes the selected words (with what was typed inside them).
  await caretAt(chair, "PP4", start + 11, start + 11 + 22);
  await chair.keyboard.press("Delete");
  await expect.poll(() => shown(albania, "PP4")).not.toContain(grown);
  expect(await selected(albania)).toEqual({ state: "", page: "" });
  const caret = await albania.evaluate(() => {
    const dom = document.querySelector(".ProseMirror") as HTMLElement & { editor: { state: { selection: { $from: { parent: { textContent: string }; parentOffset: number } } } } };
    const { $from } = dom.editor.state.selection;
    return { before: $from.parent.textContent.slice(0, $from.parentOffset), after: $from.parent.textContent.slice($from.parentOffset) };
  });
  expect(caret.before.endsWith("very large ")).toBe(true);
  expect(caret.after.startsWith(" indeed")).toBe(true);
  await close();
});
