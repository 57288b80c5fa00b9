/** The PDF export as poppler reads it: running header and document information. */
import { describe, expect, it } from "vitest";
import { pdfFonts } from "../../server/pdf-fonts";
import { pdfInfo, pdfPages, pdfToText } from "../../test/readers/readers";
import { buildPdf, type ExportMeta, type ExportParagraph } from ".";

const P = (id: string, kind: ExportParagraph["kind"], number: string | null, text: string): ExportParagraph => ({ id, kind, number, text, runs: [{ text }] });

const meta: ExportMeta = { title: "Decision No. 5/17", symbol: "MC.DEC/5/17/Rev.2", date: "7 December 2017", versionLabel: "Rev.2" };
// Enough operative paragraphs for a second page, so the header is checked on each.
const paragraphs: ExportParagraph[] = [
  P("t", "title", null, "Decision No. 5/17 Enhancing efforts to prevent and combat corruption"),
  P("p1", "preambular", "PP1", "Recalling the commitments of the participating States,"),
  ...Array.from({ length: 40 }, (_, i) => P(`o${i}`, "operative", `OP${i + 1}`, `Calls upon the participating States to take the measures set out in paragraph ${i + 1} and to report on them.`)),
];

describe("PDF export", () => {
  it("names the version once in the running header and the title when the symbol ends with it", async () => {
    const bytes = await buildPdf(meta, paragraphs, pdfFonts());
    const pages = await pdfPages(bytes);
    expect(pages).toBeGreaterThanOrEqual(2);
    const headers = (await pdfToText(bytes))
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.startsWith("MC.DEC/5/17"));
    expect(headers).toHaveLength(pages);
    for (const h of headers) {
      expect(h.replace(/\s+/g, " ")).toBe("MC.DEC/5/17/Rev.2 7 December 2017");
      expect(h.match(/Rev\.2/g)).toHaveLength(1);
    }
    expect((await pdfInfo(bytes)).Title).toBe("MC.DEC/5/17/Rev.2");
  });

  it("prints the version after the date when the symbol does not carry it", async () => {
    const bytes = await buildPdf({ ...meta, symbol: "MC.DEC/5/17" }, paragraphs.slice(0, 3), pdfFonts());
    const header = (await pdfToText(bytes)).split("\n").map((l) => l.trim()).find((l) => l.startsWith("MC.DEC/5/17"));
    expect(header?.replace(/\s+/g, " ")).toBe("MC.DEC/5/17 7 December 2017 Rev.2");
    expect((await pdfInfo(bytes)).Title).toBe("MC.DEC/5/17 Rev.2");
  });
});
