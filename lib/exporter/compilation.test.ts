import { describe, expect, it } from "vitest";
import { documentXml } from "./test-docx";
import { buildCompilationDocx, type CompilationRow } from ".";

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
});
