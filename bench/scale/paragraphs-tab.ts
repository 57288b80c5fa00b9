/**
 * The chair's Paragraphs tab on the scale fixture (bench/scale/session.ts), in headless
 * Chromium against a running server: time from clicking the tab to its rows painted, to all
 * rows in the page, the longest task meanwhile and the main thread's busy time (CDP
 * Performance metrics); scrolling the panel from top to bottom; and the CPU a keystroke costs
 * with the tab open (typing in a paragraph without a tracked change, and at the start of one
 * with a tracked change, which moves that change and so changes the list of tracked changes).
 * Run: BASE=http://127.0.0.1:3611 DOC=<id> npx tsx bench/scale/paragraphs-tab.ts
 */
import { chromium, type CDPSession, type Page } from "@playwright/test";

const BASE = process.env.BASE ?? "http://127.0.0.1:3611";
const DOC = process.env.DOC!;
const RUNS = Number(process.env.RUNS ?? 7);
const KEYS = Number(process.env.KEYS ?? 30);

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Main-thread milliseconds between two samples: all tasks, of which script, style and layout. */
function busy(a: Metrics, b: Metrics) {
  const d = (k: string) => ((b[k] ?? 0) - (a[k] ?? 0)) * 1000;
  return { task: d("TaskDuration"), script: d("ScriptDuration"), style: d("RecalcStyleDuration"), layout: d("LayoutDuration") };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

/** Waits until the main thread has had no long task for `quietMs`. */
async function settle(page: Page, quietMs = 1000): Promise<void> {
  await page.evaluate(
    (quiet) =>
      new Promise<void>((done) => {
        let last = performance.now();
        const obs = new PerformanceObserver(() => (last = performance.now()));
        obs.observe({ type: "longtask" });
        const check = () => (performance.now() - last > quiet ? (obs.disconnect(), done()) : setTimeout(check, 100));
        setTimeout(check, 100);
      }),
    quietMs,
  );
}

/** Clicks the tab in the page; resolves with when the first rows were painted, when all were in the page, and the longest task. */
async function openTab(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ shown: number; all: number; longest: number; rows: number }>((done) => {
        let longest = 0;
        const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => (longest = Math.max(longest, e.duration))));
        obs.observe({ type: "longtask" });
        const expected = document.querySelectorAll(".document-text > [data-number]").length;
        const rows = () => document.querySelectorAll('[data-testid="overview"] [data-block-id]').length;
        const t0 = performance.now();
        let shown = 0;
        // After a frame: a task queued from requestAnimationFrame runs once that frame is painted.
        const frame = () => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
        (document.getElementById("tab-paragraphs") as HTMLButtonElement).click();
        const poll = async () => {
          const at = await frame();
          if (!shown && rows() > 0) shown = at - t0;
          if (rows() >= expected && shown) {
            const all = at - t0;
            await frame();
            obs.disconnect();
            done({ shown, all, longest, rows: rows() });
            return;
          }
          void poll();
        };
        void poll();
      }),
  );
}

/** Scrolls the side panel to its end 150 px a frame: total time, and the longest frame. */
async function scrollPanel(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ total: number; worstFrame: number; frames: number }>((done) => {
        const panel = document.getElementById("side-panel")!;
        panel.scrollTop = 0;
        let prev = performance.now();
        const t0 = prev;
        let worst = 0;
        let frames = 0;
        const step = () => {
          const now = performance.now();
          worst = Math.max(worst, now - prev);
          prev = now;
          frames++;
          if (panel.scrollTop + panel.clientHeight >= panel.scrollHeight - 1) return done({ total: now - t0, worstFrame: worst, frames });
          panel.scrollTop += 150;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
}

async function typeIn(page: Page, cdp: CDPSession, number: string, where: "Home" | "End") {
  await page.locator(`[data-number="${number}"]`).click();
  await page.keyboard.press(where);
  await settle(page, 500);
  const a = await metrics(cdp);
  for (let i = 0; i < KEYS; i++) await page.keyboard.type("x", { delay: 0 }).then(() => page.waitForTimeout(120));
  await page.waitForTimeout(400);
  const b = await metrics(cdp);
  const per = busy(a, b);
  return { task: per.task / KEYS, script: per.script / KEYS, style: per.style / KEYS, layout: per.layout / KEYS };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1400, height: 900 } });
// tsx keeps function names with a helper the page does not have.
await context.addInitScript("window.__name = (f) => f");
const page = await context.newPage();
await page.goto("/sign-in");
await page.getByLabel("Email").fill(process.env.WHO ?? "chair@example.org");
await page.getByLabel("Password").fill("plenary-demo");
await page.getByRole("button", { name: "Sign in" }).click();
await page.getByRole("heading", { name: "Documents" }).waitFor();
await page.goto(`/documents/${DOC}`);
await page.locator(".document-text > [data-number]").last().waitFor();
if (process.env.EXTRA_CSS) await page.addStyleTag({ content: process.env.EXTRA_CSS });
const cdp = await context.newCDPSession(page);
await cdp.send("Performance.enable");
await settle(page, 2000);

const shown: number[] = [];
const all: number[] = [];
const longest: number[] = [];
const task: number[] = [];
const script: number[] = [];
let rows = 0;
for (let r = 0; r < RUNS; r++) {
  await page.locator("#tab-people").click();
  await settle(page);
  const a = await metrics(cdp);
  const res = await openTab(page);
  const b = await metrics(cdp);
  rows = res.rows;
  shown.push(res.shown);
  all.push(res.all);
  longest.push(res.longest);
  task.push(busy(a, b).task);
  script.push(busy(a, b).script);
}
console.log(`open the tab (${rows} rows, ${RUNS} runs, median (min–max)):`);
console.log(`  rows painted        ${fmt(shown)}`);
console.log(`  all rows in page    ${fmt(all)}`);
console.log(`  longest task        ${fmt(longest)}`);
console.log(`  main thread busy    ${fmt(task)}, of which script ${fmt(script)}`);

await settle(page);
const scrolls = [];
for (let r = 0; r < 3; r++) {
  await page.locator("#tab-people").click();
  await page.locator("#tab-paragraphs").click();
  await settle(page);
  const a = await metrics(cdp);
  const s = await scrollPanel(page);
  scrolls.push({ ...s, busy: busy(a, await metrics(cdp)).task });
}
console.log(`scroll the panel to its end, 150 px a frame (first time after opening):`);
for (const s of scrolls) console.log(`  ${s.frames} frames in ${s.total.toFixed(0)} ms, worst frame ${s.worstFrame.toFixed(0)} ms, busy ${s.busy.toFixed(0)} ms`);

const numbers = await page.locator(".document-text > [data-number]").evaluateAll((els) => els.map((e) => e.getAttribute("data-number")!));
// Block 21 (OP2) has no tracked change in the fixture, block 22 (OP3) has one (bench/scale/session.ts).
for (const [label, number, where] of [
  ["keystroke, paragraph without tracked change", numbers[21]!, "End"],
  ["keystroke before a tracked change", numbers[22]!, "Home"],
] as const) {
  await page.locator("#tab-paragraphs").click();
  const open = await typeIn(page, cdp, number, where);
  await page.locator("#tab-people").click();
  const closed = await typeIn(page, cdp, number, where);
  const f = (x: typeof open) => `${x.task.toFixed(1)} ms (script ${x.script.toFixed(1)}, style ${x.style.toFixed(1)}, layout ${x.layout.toFixed(1)})`;
  console.log(`${label} (${number}), CPU per key:`);
  console.log(`  Paragraphs tab open ${f(open)}`);
  console.log(`  Online tab open     ${f(closed)}`);
}
await browser.close();
