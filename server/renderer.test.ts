import { performance } from "node:perf_hooks";
import { unzipSync, strFromU8 } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { compareParagraphs } from "../lib/diff";
import type { ExportParagraph } from "../lib/exporter";
import { renderFile, type RenderJob } from "./render";
import { Renderer } from "./renderer";

const renderers: Renderer[] = [];
afterEach(async () => {
  await Promise.all(renderers.splice(0).map((r) => r.close()));
});
function renderer(options?: ConstructorParameters<typeof Renderer>[0]): Renderer {
  const r = new Renderer(options);
  renderers.push(r);
  return r;
}

/** A report of `n` operative paragraphs, some bold and bracketed. */
function report(n: number): ExportParagraph[] {
  return Array.from({ length: n }, (_, i) => {
    const text = `Recalls its resolution 70/${i} and urges all States to further develop the norms of responsible behaviour of States in the use of information and communications technologies.`;
    return { id: `p${i}`, kind: "operative", number: `${i + 1}.`, text, runs: [{ text: "Recalls ", marks: ["bold"] }, { text: text.slice(8, 40) }, { text: text.slice(40), marks: i % 3 ? [] : ["bracket"] }] };
  });
}
const meta = { title: "Draft report of the Open-ended Working Group", symbol: "A/AC.292/2026/CRP.1", date: "2026-07-11", versionLabel: "Rev.2" };

/** How busy this (the main) thread's event loop was while `work` ran, 0 to 1. */
async function loopBusy<T>(work: () => Promise<T>): Promise<{ value: T; busy: number }> {
  const before = performance.eventLoopUtilization();
  const value = await work();
  return { value, busy: performance.eventLoopUtilization(before).utilization };
}

const wordText = (docx: Uint8Array) => strFromU8(unzipSync(docx)["word/document.xml"]!);

describe("Renderer (Word and PDF exports in a worker thread)", () => {
  it("lays out the same Word file as in-process, and a PDF, while the server's thread stays free", async () => {
    const job: RenderJob = { format: "docx", meta, paragraphs: report(300) };
    const r = renderer();
    const inWorker = await loopBusy(() => r.render(job));
    const inProcess = await loopBusy(() => renderFile(job));
    expect(wordText(inWorker.value)).toEqual(wordText(inProcess.value));
    expect(wordText(inWorker.value)).toContain("its resolution 70/299");
    const pdf = await loopBusy(() => r.render({ format: "pdf", meta, paragraphs: report(150) }));
    expect(strFromU8(pdf.value.subarray(0, 5))).toBe("%PDF-");
    expect(r.rendered).toBe(2);
    // In-process the layout took this thread whole; in the worker, this thread waited.
    expect(inProcess.busy).toBeGreaterThan(0.8);
    expect(pdf.busy).toBeLessThan(0.3);
    // A redline's authors travel with their pairs.
    const [before, after] = [report(3), report(3).map((p, i) => (i === 1 ? { ...p, text: `${p.text} Also`, runs: [...p.runs, { text: " Also" }] } : p))];
    const { pairs } = compareParagraphs(before, after);
    const redline = await r.render({
      format: "docx-redline",
      meta,
      pairs,
      authors: pairs.map((pair) => ({ author: pair.classification === "unchanged" ? "Chair" : "ALB, BLR", date: "2026-07-11T10:00:00.000Z" })),
      sources: { from: before, to: after },
    });
    expect(wordText(redline)).toMatch(/<w:ins w:id="\d+" w:author="ALB, BLR"/);
  });

  it("compares two versions there as in-process", async () => {
    const from = report(300);
    const to = from.map((p, i) => (i % 3 ? p : { ...p, id: `new${i}`, text: p.text.replace("further develop", "develop") }));
    const r = renderer();
    const inWorker = await loopBusy(() => r.compare(from, to));
    expect(inWorker.value).toEqual(compareParagraphs(from, to));
    expect(inWorker.value.summary.modified).toBe(100);
    expect(r.rendered).toBe(1);
  });

  it("lays out an identical job once (every delegation exporting the same version), keeping the last few", async () => {
    const r = renderer({ cached: 2 });
    const job = (n: number): RenderJob => ({ format: "docx", meta, paragraphs: report(n) });
    const [first, again] = await Promise.all([r.render(job(5)), r.render(job(5))]);
    expect(again).toBe(first);
    expect(await r.render(job(5))).toBe(first);
    expect(r.rendered).toBe(1);
    // Anything different (here one paragraph more) is laid out anew.
    await r.render(job(6));
    await r.render(job(7));
    expect(r.rendered).toBe(3);
    // Two kept: the first job's file was the oldest and is laid out again.
    expect(wordText(await r.render(job(5)))).toEqual(wordText(first));
    expect(r.rendered).toBe(4);
    await r.render(job(7));
    expect(r.rendered).toBe(4);
  });

  it("refuses exports past its queue with a reason, and takes them again once it has room", async () => {
    const r = renderer({ maxQueued: 1, cached: 0 });
    const job: RenderJob = { format: "pdf", meta, paragraphs: report(20) };
    const first = r.render(job);
    await expect(r.render(job)).rejects.toMatchObject({ code: "rate_limited", message: "many exports are being prepared; try again in a moment" });
    await first;
    expect((await r.render(job)).byteLength).toBeGreaterThan(1000);
  });

  it("lays out in-process while its worker cannot run, and tries a new one after a pause", async () => {
    // A worker that dies as soon as it starts, as one out of memory would.
    const r = renderer({ entry: new URL("data:text/javascript,throw new Error('worker died')"), retryAfterMs: 300, cached: 0 });
    const job: RenderJob = { format: "docx", meta, paragraphs: report(3) };
    await expect(r.render(job)).rejects.toMatchObject({ code: "internal", message: "the export could not be prepared; try again" });
    // Within the pause: laid out here, nothing refused.
    expect(wordText(await r.render(job))).toContain("Recalls");
    expect(r.rendered).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await expect(r.render(job)).rejects.toMatchObject({ code: "internal" });
  });
});
