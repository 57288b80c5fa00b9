import type { Page } from "@playwright/test";
import { documentId, expect, OSCE, personPage, test } from "./fixtures";
import { caretAt, openDrafting } from "./paragraphs";

// The side panel's Paragraphs tab: every paragraph, in order, reachable and jumping to the
// text; and the rows it renders while people type.

/**
 * Counts, per paragraph id, the times the overview's row was rendered, through the hook React
 * offers its developer tools (a rendered row gets a new props object; a skipped one keeps it).
 */
async function countRowRenders(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    const seen = new WeakSet<object>();
    const renders: Record<string, number> = {};
    type Fiber = { type: unknown; memoizedProps: Record<string, unknown> | null; child: Fiber | null; sibling: Fiber | null };
    Object.assign(window, {
      rowRenders: renders,
      __REACT_DEVTOOLS_GLOBAL_HOOK__: {
        supportsFiber: true,
        renderers: new Map(),
        inject: () => 1,
        checkDCE: () => {},
        onScheduleFiberRoot: () => {},
        onCommitFiberUnmount: () => {},
        onPostCommitFiberRoot: () => {},
        setStrictMode: () => {},
        onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
          const stack: Fiber[] = [root.current];
          while (stack.length) {
            const fiber = stack.pop()!;
            const props = fiber.memoizedProps;
            const id = props?.["data-block-id"];
            if (props && fiber.type === "tr" && typeof id === "string" && !seen.has(props)) {
              seen.add(props);
              renders[id] = (renders[id] ?? 0) + 1;
            }
            if (fiber.child) stack.push(fiber.child);
            if (fiber.sibling) stack.push(fiber.sibling);
          }
        },
      },
    });
  });
}

const rowRenders = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { rowRenders: Record<string, number> }).rowRenders }));
const resetRowRenders = (page: Page) => page.evaluate(() => Object.keys((window as unknown as { rowRenders: Record<string, number> }).rowRenders).forEach((k) => delete (window as unknown as { rowRenders: Record<string, number> }).rowRenders[k]));

test("the Paragraphs tab lists every numbered paragraph in the text's order, each reached by Tab, and a number jumps to its paragraph", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  // Short enough that the last paragraph starts out of view.
  await chair.setViewportSize({ width: 1280, height: 560 });
  const id = await documentId(chair, OSCE);
  await chair.goto(`/documents/${id}`);
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  const inText = await chair.locator(".document-text > [data-number]").evaluateAll((els) => els.map((el) => el.getAttribute("data-number")));
  expect(inText.length).toBeGreaterThan(5);
  await chair.getByRole("tab", { name: "Paragraphs" }).click();
  const overview = chair.getByTestId("overview");
  await expect(overview.getByRole("rowheader")).toHaveText(inText as string[]);
  await expect(overview.getByRole("row")).toHaveCount(inText.length + 1);

  // Tab from the first number: its status, then the next number, and so on to the last.
  await overview.getByRole("button", { name: inText[0]!, exact: true }).focus();
  const reached: string[] = [];
  for (let i = 0; i < inText.length * 2; i++) {
    reached.push(await chair.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? ""));
    await chair.keyboard.press("Tab");
  }
  expect(reached).toEqual(inText.flatMap((n) => [n, `Status of ${n}`]));

  const last = chair.locator(`[data-number="${inText.at(-1)}"]`);
  await expect(last).not.toBeInViewport();
  await overview.getByRole("button", { name: inText.at(-1)!, exact: true }).click();
  await expect(last).toBeInViewport();
  await chair.context().close();
});

test("with the Paragraphs tab open, a delegate's typing renders only the row of the paragraph typed in, and its count comes live; the chair's typing renders none", async ({ browser, server }) => {
  const { belarus, chair, id, close } = await openDrafting(browser, server, false);
  await countRowRenders(chair);
  await chair.goto(`/documents/${id}`);
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await chair.getByRole("tab", { name: "Paragraphs" }).click();
  const overview = chair.getByTestId("overview");
  const rows = await overview.getByRole("rowheader").count();
  expect(rows).toBeGreaterThan(5);
  const pp1 = overview.getByRole("row").filter({ has: chair.getByRole("button", { name: "PP1", exact: true }) });
  const pp1Id = await pp1.getAttribute("data-block-id");
  await expect(pp1.getByRole("cell").last()).toHaveText("0");
  expect(Object.keys(await rowRenders(chair))).toHaveLength(rows);

  // Belarus's tracked insertion grows with each key: the list of tracked changes changes each time.
  await resetRowRenders(chair);
  await caretAt(belarus, "PP1", "end");
  for (const word of [" also", " and", " further"]) {
    await belarus.keyboard.type(word);
    await expect(chair.locator('[data-number="PP1"] ins.suggestion-insertion[data-delegation="BLR"]')).toContainText(word.trim());
  }
  await expect(pp1.getByRole("cell").last()).toHaveText("1");
  await expect.poll(() => rowRenders(chair)).toEqual({ [pp1Id!]: 1 });

  // The chair types before it, which moves it: no figure changes. Then Belarus starts a
  // tracked change in PP2: its count shows once the tracked changes were listed after the
  // chair's typing too, and only PP2's row was rendered.
  await resetRowRenders(chair);
  await caretAt(chair, "PP1", 0);
  await chair.keyboard.type("Also ");
  await expect(belarus.locator('[data-number="PP1"]')).toContainText("Also ");
  const pp2 = overview.getByRole("row").filter({ has: chair.getByRole("button", { name: "PP2", exact: true }) });
  const pp2Id = await pp2.getAttribute("data-block-id");
  await expect(pp2.getByRole("cell").last()).toHaveText("0");
  await caretAt(belarus, "PP2", "end");
  await belarus.keyboard.type(" too");
  await expect(pp2.getByRole("cell").last()).toHaveText("1");
  await expect.poll(() => rowRenders(chair)).toEqual({ [pp2Id!]: 1 });
  await close();
});

test("a three-digit number and the longest status fit their columns (a 300-paragraph report has OP130; the chair's menu says Agreed ad ref.)", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  await chair.goto(`/documents/${id}`);
  await chair.getByRole("tab", { name: "Paragraphs" }).click();
  const row = chair.locator(".overview tbody tr").first();
  await expect(row).toBeVisible();
  // The widest number and status a long report shows, in the first row (layout only: nothing is sent).
  const fit = await row.evaluate((tr) => {
    const number = tr.querySelector("th button") as HTMLElement;
    number.textContent = "OP130";
    const select = tr.querySelector("select") as HTMLSelectElement;
    const option = [...select.options].find((o) => o.value === "agreed_ad_ref")!;
    const style = getComputedStyle(select);
    const context = document.createElement("canvas").getContext("2d")!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const th = tr.querySelector("th") as HTMLElement;
    return {
      numberFits: number.offsetWidth <= th.clientWidth && number.offsetHeight < 1.6 * parseFloat(getComputedStyle(number).lineHeight || "20"),
      // The label, its padding and the menu's arrow (about 20 px) within the menu's width.
      statusRoom: select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20 - context.measureText(option.text).width,
    };
  });
  expect(fit.numberFits).toBe(true);
  expect(fit.statusRoom).toBeGreaterThanOrEqual(0);
  await chair.context().close();
});
