import { performance } from "node:perf_hooks";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { MAX_DOCX_ELEMENTS, MAX_DOCX_TEXT_BYTES, MAX_IMPORT_BLOCKS, readDraftWithWarnings } from "./import";
import { Importer } from "./importer";

const PARAGRAPH = "<w:p><w:r><w:t>Recalls its resolution 70/1 and urges all States to act.</w:t></w:r></w:p>";

/** A Word file whose text part is `paragraphs` times `paragraph` (by default ~90 bytes of XML), deflated at level 9. */
async function wordFile(paragraphs: number, paragraph = PARAGRAPH): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file("word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph.repeat(paragraphs)}</w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** The draft without its blocks' ids (new ones on each reading). */
function withoutIds(read: Awaited<ReturnType<typeof readDraftWithWarnings>>) {
  return { ...read, draft: { ...read.draft, blocks: read.draft.blocks.map(({ id: _, ...block }) => block) } };
}

/** How busy this (the main) thread's event loop was while `work` ran, 0 to 1. */
async function loopBusy<T>(work: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; busy: number }> {
  const before = performance.eventLoopUtilization();
  const [result] = await Promise.allSettled([work()]);
  return { result, busy: performance.eventLoopUtilization(before).utilization };
}

describe("Importer (a worker thread per draft)", () => {
  it("reads a draft as the importer does in-process, warnings included", async () => {
    const bytes = await wordFile(30);
    const inWorker = await new Importer().read("d.docx", bytes);
    expect(withoutIds(inWorker)).toEqual(withoutIds(await readDraftWithWarnings("d.docx", bytes)));
    expect(inWorker.draft.blocks).toHaveLength(30);
    // The caller's bytes are still whole (the worker got a copy).
    expect(bytes.byteLength).toBeGreaterThan(0);
    await expect(new Importer().read("x.pdf", bytes)).rejects.toMatchObject({ code: "bad_request", message: "import a .docx, .md or .txt file" });
  });

  it("refuses a zip bomb by its unpacked size, before reading it (80 KiB that unpack past the text limit)", async () => {
    const bytes = await wordFile(Math.ceil((MAX_DOCX_TEXT_BYTES * 1.3) / PARAGRAPH.length));
    expect(bytes.byteLength).toBeLessThan(200 * 1024);
    const started = performance.now();
    await expect(new Importer().read("bomb.docx", bytes)).rejects.toMatchObject({ code: "too_large", message: expect.stringContaining("unpacks to more than 16 MiB") });
    // Refused while unpacking, not after building the tree (which takes over 15 s for this file).
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("leaves the server's thread free while a long draft is read, and refuses one with too many paragraphs", async () => {
    // 6,000 paragraphs (0.6 MiB of text): about a second of mammoth's work on this machine.
    const bytes = await wordFile(MAX_IMPORT_BLOCKS + 1_000);
    const inWorker = await loopBusy(() => new Importer().read("long.docx", bytes));
    expect(inWorker.result).toMatchObject({ status: "rejected", reason: { code: "too_large", message: "the draft has 6,000 paragraphs; a document takes at most 5,000" } });
    const inProcess = await loopBusy(() => readDraftWithWarnings("long.docx", bytes));
    expect(inProcess.result.status).toBe("rejected");
    // In-process the reading took this thread whole; in the worker, this thread mostly waited.
    expect(inProcess.busy).toBeGreaterThan(0.8);
    expect(inWorker.busy).toBeLessThan(0.4);
  });

  it("refuses a text of countless tiny elements before building its tree (24 KiB of empty paragraphs took 54 s and 3 GB)", async () => {
    const bytes = await wordFile(MAX_DOCX_ELEMENTS + 1, "<w:p/>");
    expect(bytes.byteLength).toBeLessThan(64 * 1024);
    await expect(readDraftWithWarnings("empty.docx", bytes)).rejects.toMatchObject({
      code: "too_large",
      // The paragraphs, the document and its body.
      message: "the Word file's text has 500,003 elements; Plenary reads at most 500,000; split the draft",
    });
    // Ordinary paragraphs (six elements each) are read.
    expect((await readDraftWithWarnings("twenty.docx", await wordFile(20))).draft.blocks).toHaveLength(20);
  });

  it("stops a draft past its heap or its time, with a reason, and goes on reading others", async () => {
    const bytes = await wordFile(20_000);
    await expect(new Importer({ heapMb: 16 }).read("heavy.docx", bytes)).rejects.toMatchObject({ code: "too_large", message: "the file needs too much memory to read; split the draft" });
    await expect(new Importer({ timeoutMs: 300 }).read("slow.docx", bytes)).rejects.toMatchObject({ code: "too_large", message: "the file took more than 0 s to read; split the draft" });
    const importer = new Importer({ concurrent: 1 });
    const first = importer.read("a.docx", await wordFile(5));
    await expect(importer.read("b.docx", await wordFile(5))).rejects.toMatchObject({ code: "rate_limited" });
    expect((await first).draft.blocks).toHaveLength(5);
    expect((await importer.read("c.docx", await wordFile(7))).draft.blocks).toHaveLength(7);
  });
});
