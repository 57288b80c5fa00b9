import { describe, expect, it } from "vitest";
import { Packer } from "docx";
import { docxToPdf, pdfToText } from "../../test/readers/readers";
import { documentXml } from "./test-docx";
import { buildCompilationDocx, type CompilationRow } from ".";
import { keepsRowTogether } from "./compilation";

const meta = { title: "Draft resolution", symbol: "A/C.1/80/L.1", date: null, versionLabel: "Rev.1" };
const row = (id: string, text: string, by = "Albania", cosponsors: string[] = []): CompilationRow => ({
  paragraph: { id, kind: "operative", number: "OP1", text, runs: [{ text }] },
  status: null,
  entries: [{ kind: "objection", op: null, by, cosponsors, quote: "", proposedText: null, body: "Object", status: "open" }],
});

describe("compilation of proposals", () => {
  it("sets a paragraph that starts in Arabic right to left (w:bidi, as the Word export does), in its text cell and its entries; the others not", async () => {
    const arabic = "تؤكد الجمعية العامة أن القانون الدولي ينطبق على تكنولوجيا المعلومات (ICT) وفقا للقرار 75/240.";
    const xml = await documentXml(buildCompilationDocx(meta, [row("a", "Decides to act;"), row("b", arabic), row("c", "Notes the report;", "مصر"), row("d", "Welcomes;", "", ["الأردن"])]));
    const bidi = (text: string) => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].find((m) => m[1]!.includes(`>${text}<`))?.[1]?.includes("<w:bidi/>");
    expect(bidi("Decides to act;")).toBe(false);
    expect(bidi(arabic)).toBe(true);
    expect(bidi("Notes the report;")).toBe(false);
    expect(bidi("مصر")).toBe(true);
    expect(bidi("Albania")).toBe(false);
    // An entry whose author has no name starts with "(co-sponsored by": left to right.
    expect(bidi(" (co-sponsored by الأردن)")).toBe(false);
  });

  it("keeps a row of up to half a page on one page, as LibreOffice prints it; a row longer than a page breaks, none of it lost", async () => {
    const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}w${i}`).join(" ");
    // Rows of 6 to 11 lines: some would straddle a page break if rows could break.
    const rows: CompilationRow[] = Array.from({ length: 24 }, (_, i) => {
      const r = row(`p${i}`, `Start${i} ${words(40 + (i % 6) * 12, `t${i}`)} End${i}`);
      return { ...r, paragraph: { ...r.paragraph, number: `OP${i + 1}` } };
    });
    // One row of about two pages.
    const long = row("long", `LongStart ${words(900, "l")} LongEnd`);
    rows.splice(12, 0, long);
    expect(rows.filter((r) => r !== long).every(keepsRowTogether)).toBe(true);
    expect(keepsRowTogether(long)).toBe(false);
    const pages = (await pdfToText(await docxToPdf(new Uint8Array(await Packer.toBuffer(buildCompilationDocx(meta, rows)))))).split("\f");
    const pageOf = (word: string) => pages.findIndex((p) => new RegExp(`\\b${word}\\b`).test(p));
    for (let i = 0; i < 24; i++) {
      expect(pageOf(`Start${i}`)).toBeGreaterThanOrEqual(0);
      expect(pageOf(`End${i}`), `OP${i + 1}`).toBe(pageOf(`Start${i}`));
    }
    expect(pageOf("LongEnd")).toBeGreaterThan(pageOf("LongStart"));
    expect(pages.join(" ").match(/\blw\d+\b/g)).toHaveLength(900);
  }, 120_000);

  it("counts a Chinese character twice a Latin letter's width when it estimates a row's height", () => {
    const latin = row("l", "a".repeat(600));
    const chinese = row("c", "网".repeat(600));
    expect(keepsRowTogether(latin)).toBe(true);
    expect(keepsRowTogether(chinese)).toBe(false);
    // The entries as printed: the kind and status count, no empty "(co-sponsored by )".
    const entries = (n: number) => ({ ...row("e", "Short."), entries: Array.from({ length: n }, () => row("x", "", "Albania").entries[0]!) });
    expect(keepsRowTogether(entries(13))).toBe(true);
    expect(keepsRowTogether(entries(14))).toBe(false);
  });
});
