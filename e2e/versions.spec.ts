import type { Page } from "@playwright/test";
import fs from "node:fs";
import { caretAtEnd, documentId, expect, OSCE, personPage, serverParagraph, test } from "./fixtures";
import { strFromU8, unzipSync } from "fflate";
import { pdfToText, pdfWords, readWithLibreOffice } from "../test/readers/readers";

async function selectText(page: Page, number: string, phrase: string): Promise<void> {
  const ok = await page.evaluate(
    ({ number, phrase }) => {
      const el = document.querySelector(`[data-number="${number}"]`);
      const walker = el ? document.createTreeWalker(el, NodeFilter.SHOW_TEXT) : null;
      for (let n = walker?.nextNode(); n; n = walker?.nextNode()) {
        const i = n.textContent?.indexOf(phrase) ?? -1;
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + phrase.length);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
        return true;
      }
      return false;
    },
    { number, phrase },
  );
  expect(ok).toBe(true);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(phrase);
}

/** At a phone's width (390 CSS px) the page does not scroll sideways; the viewport is put back after. */
async function expectFitsPhone(page: Page, what: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: what }).toBeLessThanOrEqual(390);
  if (size) await page.setViewportSize(size);
}

async function saveVersion(page: Page, id: string, label: string): Promise<void> {
  await page.goto(`/documents/${id}/versions`);
  await page.getByLabel("Label").fill(label);
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByRole("link", { name: label, exact: true })).toBeVisible();
  // No page reload: the focus is on what happened, not back at the top of the page.
  await expect(page.getByRole("status").filter({ hasText: `Saved ${label}:` })).toBeFocused();
}

test("Rev.1 → Rev.2: compare names the dropped reference, the accepted amendment and its delegations; restore brings Rev.1 back", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  const headers = { origin: server.url };
  await saveVersion(chair, id, "Rev.1");

  // The chair accepts the Russian Federation's seeded amendment (capacity-building) ...
  const { annotations } = (await (await chair.request.get(`/api/documents/${id}/annotations`)).json()) as {
    annotations: { id: string; kind: string; proposedText: string | null; status: string }[];
  };
  const amendment = annotations.find((a) => a.kind === "amendment" && a.proposedText?.includes("capacity-building") && a.status === "open")!;
  expect((await chair.request.post(`/api/documents/${id}/annotations/${amendment.id}/decision`, { data: { decision: "accept" }, headers })).status()).toBe(200);

  // ... and deletes "the UN Charter and " from PP3 with the keyboard.
  await chair.goto(`/documents/${id}`);
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  // Titles name the document by its symbol (WCAG 2.4.2); the closed export menu and the
  // toolbar take no more than a phone's width.
  await expect(chair).toHaveTitle("MC.DEC/5/17 · Plenary");
  await expectFitsPhone(chair, "document");
  await chair.locator('[data-number="PP3"]').click();
  await selectText(chair, "PP3", "the UN Charter and ");
  await chair.keyboard.press("Backspace");
  await expect(chair.locator('[data-number="PP3"]')).not.toContainText("UN Charter");
  await expect
    .poll(async () => (await serverParagraph(chair, id, "PP3")).text)
    .not.toContain("UN Charter");
  await saveVersion(chair, id, "Rev.2");

  // By name: "To" as a label would also match a select listing "Before restoring ..." (another spec restores on this server).
  await chair.locator("select[name=from]").selectOption({ label: "Rev.1" });
  await chair.locator("select[name=to]").selectOption({ label: "Rev.2" });
  await chair.getByRole("button", { name: "Compare" }).click();
  await expect(chair.getByRole("heading", { name: "Compare Rev.1 → Rev.2" })).toBeVisible();
  await expect(chair).toHaveTitle("Compare Rev.1 → Rev.2 · MC.DEC/5/17 · Plenary");
  await expect(chair.getByTestId("compare-summary")).toContainText("2 modified · 0 added · 0 deleted · 0 moved");
  const refs = chair.getByTestId("reference-changes");
  await expect(refs.getByRole("row", { name: /Charter of the United Nations/ })).toContainText("PP3");
  await expect(refs.locator(".ref-group").filter({ hasText: "Removed" })).toContainText("Charter of the United Nations");
  const pp3 = chair.getByTestId("compare-row").filter({ hasText: "PP3 → PP3" });
  await expect(pp3.locator("del")).toHaveText("the UN Charter and ");
  const op3 = chair.getByTestId("compare-row").filter({ hasText: "OP3 → OP3" });
  await expect(op3.locator("ins")).toContainText("capacity-building");
  await expect(op3.locator(".cmp-attr")).toContainText("Amendment by Russian Federation, ");
  await expect(op3.locator(".cmp-attr")).toContainText("Belarus");
  await expect(op3.locator(".cmp-attr")).toContainText("accepted by Chair");
  // The reference tables read as one card per reference on a phone.
  await expectFitsPhone(chair, "compare");
  // The compare page offers the pair it shows for another comparison, and N / P stay at
  // hand below the top bar however far the paragraphs scroll.
  await expect(chair.locator("select[name=from] option:checked")).toHaveText("Rev.1");
  await expect(chair.locator("select[name=to] option:checked")).toHaveText("Rev.2");
  await chair.mouse.wheel(0, 3000);
  await expect.poll(() => chair.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  await expect(chair.getByRole("button", { name: "Next change (N)" })).toBeInViewport();

  // The API returns what the view shows.
  const versions = ((await (await chair.request.get(`/api/documents/${id}/versions`)).json()) as { versions: { id: string; label: string }[] }).versions;
  const rev1 = versions.find((v) => v.label === "Rev.1")!;
  const api = (await (await chair.request.get(`/api/documents/${id}/compare?from=${rev1.id}&to=live`)).json()) as {
    summary: { modified: number };
    references: { removed: { canonical: string; fromParagraphs: string[] }[] };
  };
  expect(api.summary.modified).toBe(2);
  expect(api.references.removed).toEqual(expect.arrayContaining([expect.objectContaining({ canonical: "Charter of the United Nations", fromParagraphs: ["PP3"] })]));

  // Read-only Rev.1 still has the text; restoring it saves the live text first.
  const pageErrors: string[] = [];
  chair.on("pageerror", (err) => pageErrors.push(err.message));
  await chair.goto(`/documents/${id}/versions/${rev1.id}`);
  await expect(chair.locator('[data-number="PP3"]')).toContainText("the UN Charter and");
  await expect(chair).toHaveTitle("Rev.1 · MC.DEC/5/17 · Plenary");
  // The outline never skips a level (axe's heading-order): the page's h1, then the text's h2 / h3.
  const levels = await chair.locator("main").locator("h1, h2, h3, h4, h5, h6").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  expect(levels.filter((level, i) => level > (i === 0 ? 1 : levels[i - 1]! + 1))).toEqual([]);
  // Its own export menu: a redline against the version saved before it, if any.
  await chair.getByText("Export", { exact: true }).click();
  await expect(chair.getByRole("link", { name: /Word/ }).first()).toBeVisible();
  await expectFitsPhone(chair, "a version, its export menu open");
  // The page hydrates cleanly (the menu, a <details>, once sat in a <p>).
  expect(pageErrors).toEqual([]);
  await chair.goto(`/documents/${id}/versions`);
  await expect(chair).toHaveTitle("Versions · MC.DEC/5/17 · Plenary");
  // Each version's actions stay on screen: the table reads one card per version.
  await expectFitsPhone(chair, "versions");
  // A delegation with the text open is told what a restore did.
  const albania = await personPage(browser, server, "albania");
  await albania.goto(`/documents/${id}`);
  await expect(albania.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  chair.once("dialog", (d) => void d.accept());
  await chair.getByRole("row", { name: /^Rev\.1\b/ }).getByRole("button", { name: "Restore" }).click();
  await expect(chair.getByRole("link", { name: "Before restoring Rev.1" })).toBeVisible();
  await expect(chair.getByRole("link", { name: "Rev.1 (restored)" })).toBeVisible();
  // Said where the focus is, without a reload.
  const restoredStatus = chair.getByRole("status").filter({ hasText: "Restored Rev.1 as the live text. The text it replaced is saved as “Before restoring Rev.1”." });
  await expect(restoredStatus).toBeFocused();
  // In sight, though two new versions came in above its row (it was pushed below the fold).
  await expect(restoredStatus).toBeInViewport();
  expect((await serverParagraph(chair, id, "PP3")).text).toContain("the UN Charter and");
  await expect(albania.locator(".side-notices")).toContainText("The chair restored Rev.1: the live text was replaced by it (the text before was saved as “Before restoring Rev.1”).");
  await expect(albania.locator('[data-number="PP3"]')).toContainText("the UN Charter and");
  await albania.context().close();
  await chair.context().close();
});

test("an observer reads versions but cannot save one", async ({ browser, server }) => {
  const observer = await personPage(browser, server, "observer");
  const id = await documentId(observer, OSCE);
  await observer.goto(`/documents/${id}/versions`);
  await expect(observer.getByRole("heading", { name: "Versions" })).toBeVisible();
  await expect(observer.getByRole("button", { name: "Save version" })).toHaveCount(0);
  const res = await observer.request.post(`/api/documents/${id}/versions`, { data: { label: "Rev.9" }, headers: { origin: server.url } });
  expect(res.status()).toBe(403);
  await observer.context().close();
});

test("the chair edits the watched terms; the references API reports them per paragraph", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  await chair.goto(`/documents/${id}/versions`);
  await chair.getByLabel("One per line").fill("human rights\nconfidence-building measures");
  await chair.getByRole("button", { name: "Save terms" }).click();
  await expect(chair.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const res = (await (await chair.request.get(`/api/documents/${id}/references?version=live`)).json()) as {
    watchedTerms: string[];
    paragraphs: { number: string | null; references: { kind: string; canonical: string; text: string }[] }[];
  };
  expect(res.watchedTerms).toEqual(["human rights", "confidence-building measures"]);
  const op1 = res.paragraphs.find((p) => p.number === "OP1")!;
  expect(op1.references).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "term", canonical: "confidence-building measures" })]));
  const pp5 = res.paragraphs.find((p) => p.number === "PP5")!;
  expect(pp5.references.map((r) => r.canonical)).toEqual(expect.arrayContaining(["MC.DEC/5/16", "PC.DEC/1106", "PC.DEC/1202"]));
  // A term of punctuation alone would match all through the text: refused with the reason.
  const punctuation = await chair.request.put(`/api/documents/${id}/watched-terms`, { data: { terms: ["human rights", "--"] }, headers: { origin: server.url } });
  expect(punctuation.status()).toBe(400);
  expect(((await punctuation.json()) as { message: string }).message).toBe("terms.1: a watched term needs a letter or a digit");
  const delegate = await personPage(browser, server, "belarus");
  expect((await delegate.request.put(`/api/documents/${id}/watched-terms`, { data: { terms: ["x y"] }, headers: { origin: server.url } })).status()).toBe(403);
  await chair.context().close();
  await delegate.context().close();
});

test("exports: an observer downloads Word, Markdown and Akoma Ntoso; the compare page offers a redline with tracked changes", async ({ browser, server }) => {
  const observer = await personPage(browser, server, "observer");
  const id = await documentId(observer, OSCE);
  await observer.goto(`/documents/${id}`);
  await observer.getByText("Export", { exact: true }).click();
  const [download] = await Promise.all([observer.waitForEvent("download"), observer.getByRole("link", { name: "Word (.docx)" }).click()]);
  expect(download.suggestedFilename()).toBe("MC.DEC_5_17-Live-text.docx");
  const docx = await observer.request.get(`/api/documents/${id}/export?format=docx`);
  expect(docx.headers()["content-type"]).toContain("wordprocessingml");
  expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");
  const md = await (await observer.request.get(`/api/documents/${id}/export?format=md`)).text();
  expect(md).toMatch(/\*\*PP1\*\* Noting the immense opportunities/);
  const akn = await (await observer.request.get(`/api/documents/${id}/export?format=akn`)).text();
  expect(akn).toContain('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">');
  expect((await observer.request.get(`/api/documents/${id}/export?format=exe`)).status()).toBe(400);

  const chair = await personPage(browser, server, "chair");
  const saved = await chair.request.post(`/api/documents/${id}/versions`, { data: { label: "Export base" }, headers: { origin: server.url } });
  const base = (await saved.json()) as { id: string };
  await chair.context().close();
  await observer.goto(`/documents/${id}/compare?from=${base.id}&to=live`);
  const link = observer.getByRole("link", { name: /Download redline/ });
  const redline = await observer.request.get((await link.getAttribute("href"))!);
  expect(redline.status()).toBe(200);
  const body = (await redline.body()).toString("latin1");
  expect(body.startsWith("PK")).toBe(true);
  await observer.context().close();
});

test("exports from the menu: a PDF with paragraph numbers (read by poppler), the compilation of proposals (read by LibreOffice), a redline of a version against the one before", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, OSCE);
  await chair.goto(`/documents/${id}`);
  await chair.getByText("Export", { exact: true }).click();
  const [pdf] = await Promise.all([chair.waitForEvent("download"), chair.getByRole("link", { name: "PDF (print)" }).click()]);
  expect(pdf.suggestedFilename()).toBe("MC.DEC_5_17-Live-text.pdf");
  await expect(chair.getByRole("status").filter({ hasText: "Downloaded MC.DEC_5_17-Live-text.pdf" })).toBeVisible();
  const text = await pdfToText(new Uint8Array(fs.readFileSync((await pdf.path())!)));
  for (const ref of ["PP1", "PP10", "OP1", "OP4"]) expect(text).toMatch(new RegExp(`^${ref}$`, "m"));
  expect(text).toMatch(/^1\.$/m);
  expect(text).toContain("MC.DEC/5/17");
  expect(text).toContain("Page 1 of 2");
  // The text to be adopted is printed without them.
  await chair.getByRole("checkbox", { name: /Print paragraph references/ }).uncheck();
  await expect(chair.getByRole("link", { name: "PDF (print)" })).toHaveAttribute("href", /references=0/);
  await expect(chair.getByRole("link", { name: "Word (.docx)" })).not.toHaveAttribute("href", /references=0/);
  const [final] = await Promise.all([chair.waitForEvent("download"), chair.getByRole("link", { name: "PDF (print)" }).click()]);
  const finalText = await pdfToText(new Uint8Array(fs.readFileSync((await final.path())!)));
  for (const ref of ["PP1", "PP10", "OP1", "OP4"]) expect(finalText).not.toMatch(new RegExp(`^${ref}$`, "m"));
  expect(finalText).toMatch(/^1\.$/m);
  await chair.getByRole("checkbox", { name: /Print paragraph references/ }).check();

  // Asked for, Word, PDF, Markdown and HTML mark each paragraph's status (server/negotiation/export.test.ts reads them).
  await expect(chair.getByRole("link", { name: "Markdown" })).not.toHaveAttribute("href", /statuses=1/);
  await chair.getByRole("checkbox", { name: /Mark each paragraph's status/ }).check();
  await expect(chair.getByRole("link", { name: "Markdown" })).toHaveAttribute("href", /statuses=1/);
  await expect(chair.getByRole("link", { name: "JSON (paragraph model)" })).not.toHaveAttribute("href", /statuses=1/);
  const [compilation] = await Promise.all([chair.waitForEvent("download"), chair.getByRole("link", { name: "Compilation of proposals (.docx)" }).click()]);
  expect(compilation.suggestedFilename()).toBe("MC.DEC_5_17-Live-text-compilation.docx");
  const read = await readWithLibreOffice({ compilation: new Uint8Array(fs.readFileSync((await compilation.path())!)) });
  const cells = read.compilation!.paragraphs;
  expect(cells.indexOf("PP3")).toBeGreaterThan(0);
  const proposals = cells.join("\n");
  expect(proposals).toContain("Belarus (co-sponsored by");
  expect(proposals).toMatch(/Russian Federation \(co-sponsored by [^)]*\) — Amendment: replace “to enhance pertinent national capabilities and processes” with/);
  expect(proposals).toContain("— Support:");

  // Two versions: the newer one's menu offers Word with tracked changes against the older.
  const saved: string[] = [];
  for (const label of ["First reading", "Second reading"]) {
    const res = await chair.request.post(`/api/documents/${id}/versions`, { data: { label }, headers: { origin: server.url } });
    expect(res.status()).toBe(201);
    saved.push(((await res.json()) as { id: string }).id);
  }
  // Saved back to back: the same text, and the compare page says so.
  await chair.goto(`/documents/${id}/compare?from=${saved[0]}&to=${saved[1]}`);
  // ("in the accepted text" when tracked changes await a decision in them: earlier tests leave some in this text.)
  await expect(chair.getByRole("status").filter({ hasText: /^No differences( in the accepted text)?: Second reading has the same text as First reading\.$/ })).toBeVisible();
  await expect(chair.getByRole("button", { name: "Next change (N)" })).toBeDisabled();
  // A label the document has already is refused, with the reason.
  const again = await chair.request.post(`/api/documents/${id}/versions`, { data: { label: "first reading" }, headers: { origin: server.url } });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { message: string }).message).toBe('a version named "first reading" exists already');
  await chair.goto(`/documents/${id}/versions`);
  const row = chair.getByRole("row", { name: /^Second reading/ });
  await expect(row).toContainText("same text as First reading");
  await row.getByText("Export", { exact: true }).click();
  const [redline] = await Promise.all([chair.waitForEvent("download"), row.getByRole("link", { name: "Word with tracked changes against First reading" }).click()]);
  expect(redline.suggestedFilename()).toBe("MC.DEC_5_17-Second-reading-redline-against-First-reading.docx");
  // The menu says what it downloaded; a click elsewhere closes it (it covered the rows below).
  await expect(row.getByRole("status")).toContainText("Downloaded MC.DEC_5_17-Second-reading-redline-against-First-reading.docx");
  await chair.getByRole("heading", { level: 1 }).click();
  await expect(row.getByRole("link", { name: "Word with tracked changes against First reading" })).toBeHidden();
  // A refused export says why instead of saving an error page.
  await chair.route("**/export?format=pdf**", (route) => route.fulfill({ status: 403, contentType: "application/json", body: JSON.stringify({ error: "forbidden", message: "no role on this document" }) }));
  await row.getByText("Export", { exact: true }).click();
  await row.getByRole("link", { name: "PDF (print)" }).click();
  await expect(row.getByRole("status")).toHaveText("Export failed: no role on this document");
  await chair.context().close();
});

test("symbols: each revision is offered the base symbol + /Rev.N as a value, a symbol another version has is refused, the text saved before a restore gets none, exports go by the symbol", async ({ browser, server }) => {
  const CRP = "A/AC.292/2025/CRP.1";
  const chair = await personPage(browser, server, "chair");
  // A document without a symbol of its own: the chair gives the zero draft one.
  const id = await documentId(chair, "Joint statement by the Republic of Belarus");
  await chair.goto(`/documents/${id}/versions`);
  const form = chair.getByRole("form", { name: "Save a version" });
  const label = form.getByLabel("Label");
  const symbol = form.getByLabel("Symbol");
  const rowOf = (name: string) => chair.getByRole("row").filter({ has: chair.getByRole("link", { name, exact: true }) });
  async function save(saved: string): Promise<void> {
    await form.getByRole("button", { name: "Save version" }).click();
    await expect(chair.getByRole("status").filter({ hasText: `Saved ${saved}:` })).toBeFocused();
  }

  await expect(label).toHaveValue("Zero draft");
  await expect(symbol).toHaveValue("");
  // No grey example that reads as filled in.
  await expect(symbol).not.toHaveAttribute("placeholder");
  await expect(symbol).toHaveAccessibleDescription(/official document symbol/);
  await symbol.fill(CRP);
  await save("Zero draft");
  await expect(rowOf("Zero draft").locator(".symbol")).toHaveText(CRP);

  // The next revision's symbol is filled in, as a value the chair sees and keeps.
  await expect(label).toHaveValue("Rev.1");
  await expect(symbol).toHaveValue(`${CRP}/Rev.1`);
  await save("Rev.1");
  await expect(rowOf("Rev.1").locator(".symbol")).toHaveText(`${CRP}/Rev.1`);
  await expect(label).toHaveValue("Rev.2");
  await expect(symbol).toHaveValue(`${CRP}/Rev.2`);
  // The symbol follows the label until the chair edits it.
  await label.fill("Rev.5");
  await expect(symbol).toHaveValue(`${CRP}/Rev.5`);
  await label.fill("Rev.2");
  await expect(symbol).toHaveValue(`${CRP}/Rev.2`);

  // Refused, with the reason in the form: another version's symbol, and what is not a symbol.
  await symbol.fill(`${CRP}/Rev.1`);
  await label.fill("Rev.2");
  await expect(symbol).toHaveValue(`${CRP}/Rev.1`);
  await form.getByRole("button", { name: "Save version" }).click();
  await expect(form.getByRole("alert")).toHaveText(`version "Rev.1" has the symbol ${CRP}/Rev.1 already: each version needs its own`);
  await symbol.fill(`${CRP} /Rev.2`);
  await form.getByRole("button", { name: "Save version" }).click();
  await expect(form.getByRole("alert")).toContainText("symbol: a document symbol is letters, digits and . - ( ) between slashes, without spaces");
  await symbol.fill(`${CRP}/Rev.2`);
  await save("Rev.2");
  await expect(rowOf("Rev.2").locator(".symbol")).toHaveText(`${CRP}/Rev.2`);
  const headers = { origin: server.url };
  const refused = await chair.request.post(`/api/documents/${id}/versions`, { data: { label: "Rev.9", symbol: `${CRP}/rev.2` }, headers });
  expect(refused.status()).toBe(409);

  // Rev.1's exports are named after its symbol; its PDF prints the mixed bold / bold italic title without overprinting.
  const rev1 = rowOf("Rev.1");
  await rev1.getByText("Export", { exact: true }).click();
  const [pdf] = await Promise.all([chair.waitForEvent("download"), rev1.getByRole("link", { name: "PDF (print)" }).click()]);
  expect(pdf.suggestedFilename()).toBe("A_AC.292_2025_CRP.1_Rev.1.pdf");
  const words = await pdfWords(new Uint8Array(fs.readFileSync((await pdf.path())!)), 1);
  expect(words.map((w) => w.text).join(" ")).toContain("Joint statement by the Republic of Belarus,");
  const overprinted = words.filter((a, i) => words.slice(i + 1).some((b) => Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0.5 && Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5));
  expect(overprinted.map((w) => w.text)).toEqual([]);
  await chair.getByRole("heading", { level: 1 }).click();

  // Restoring Rev.1: the text it replaces is saved without a symbol (it was never issued under
  // one), the restored copy carries Rev.1's; the next revision is Rev.3.
  chair.once("dialog", (d) => void d.accept());
  await rev1.getByRole("button", { name: "Restore" }).click();
  await expect(rowOf("Before restoring Rev.1")).toBeVisible();
  await expect(rowOf("Before restoring Rev.1").locator(".symbol")).toHaveCount(0);
  await expect(rowOf("Rev.1 (restored)").locator(".symbol")).toHaveText(`${CRP}/Rev.1`);
  await expect(label).toHaveValue("Rev.3");
  await expect(symbol).toHaveValue(`${CRP}/Rev.3`);
  const listed = ((await (await chair.request.get(`/api/documents/${id}/versions`)).json()) as { versions: { label: string; symbol: string | null }[] }).versions;
  expect(listed.map((v) => [v.label, v.symbol])).toEqual([
    ["Rev.1 (restored)", `${CRP}/Rev.1`],
    ["Before restoring Rev.1", null],
    ["Rev.2", `${CRP}/Rev.2`],
    ["Rev.1", `${CRP}/Rev.1`],
    ["Zero draft", CRP],
  ]);
  await chair.context().close();
});

test("compare says which paragraphs were agreed since the version though their words are the same, and names unnumbered ones by their first words", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, "Contribution by Albania");
  const headers = { origin: server.url };
  const created = await chair.request.post(`/api/documents/${id}/versions`, { data: { label: "Before agreeing 3." }, headers });
  expect(created.status()).toBe(201);
  const { id: versionId } = (await created.json()) as { id: string };
  const doc = (await (await chair.request.get(`/api/documents/${id}`)).json()) as { paragraphs: { id: string; number: string | null; text: string }[] };
  const three = doc.paragraphs.find((p) => p.number === "3.")!;
  const status = (s: string) => chair.request.put(`/api/documents/${id}/paragraphs/${three.id}/status`, { data: { status: s }, headers });
  expect((await status("agreed")).status()).toBe(200);
  await chair.goto(`/documents/${id}/compare?from=${versionId}&to=live`);
  await expect(chair.getByTestId("compare-summary")).toContainText("1 with a new status");
  const row = chair.getByTestId("compare-row").filter({ has: chair.getByTestId("compare-status") });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("compare-status")).toHaveText("Open → Agreed");
  await expect(row.locator(".cmp-num")).toHaveText("3. → 3.");
  // With "Only changed" off, an unnumbered heading is named by its first words, not "¶".
  await chair.getByLabel("Only changed").uncheck();
  await expect(chair.locator(".cmp-num").first()).toHaveText(/^“[^”]+” → “[^”]+”$/);
  expect((await status("open")).status()).toBe(200);
  await chair.context().close();
});

test("the editor's Export menu offers the live text with tracked changes against the newest version", async ({ browser, server }) => {
  const chair = await personPage(browser, server, "chair");
  const id = await documentId(chair, "Collective Security Treaty");
  const saved = await chair.request.post(`/api/documents/${id}/versions`, { data: { label: "Before the redline" }, headers: { origin: server.url } });
  expect(saved.status()).toBe(201);
  await chair.goto(`/documents/${id}`);
  await expect(chair.getByTestId("connection")).toHaveAttribute("data-state", "synced");
  await caretAtEnd(chair, "1.");
  await chair.keyboard.type(" Redlined words.");
  await expect.poll(async () => (await serverParagraph(chair, id, "1.")).text).toContain("Redlined words.");
  const header = chair.locator(".doc-header");
  await header.getByText("Export", { exact: true }).click();
  const [download] = await Promise.all([chair.waitForEvent("download"), header.getByRole("link", { name: "Word with tracked changes against Before the redline" }).click()]);
  expect(download.suggestedFilename()).toMatch(/-Live-text-redline-against-Before-the-redline\.docx$/);
  const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)))["word/document.xml"]!);
  expect(xml).toMatch(/<w:ins [^>]*>[\s\S]*?Redlined words[\s\S]*?<\/w:ins>/);
  // The words go again (the menu closed first: it covers the text).
  await chair.keyboard.press("Escape");
  await expect(header.getByRole("link", { name: "Word with tracked changes against Before the redline" })).toBeHidden();
  await caretAtEnd(chair, "1.");
  for (let i = 0; i < " Redlined words.".length; i++) await chair.keyboard.press("Backspace");
  await expect.poll(async () => (await serverParagraph(chair, id, "1.")).text).not.toContain("Redlined");
  await chair.context().close();
});
