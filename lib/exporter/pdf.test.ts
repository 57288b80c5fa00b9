/** The PDF export as poppler reads it: running header, document information, logical structure. */
import { describe, expect, it } from "vitest";
import { pdfFonts } from "../../server/pdf-fonts";
import { pdfInfo, pdfPages, pdfStructure, pdfToText } from "../../test/readers/readers";
import { buildPdf, type ExportMeta, type ExportParagraph } from ".";

const P = (id: string, kind: ExportParagraph["kind"], number: string | null, text: string): ExportParagraph => ({ id, kind, number, text, runs: [{ text }] });

const meta: ExportMeta = { title: "Decision No. 5/17", symbol: "MC.DEC/5/17/Rev.2", date: "7 December 2017", versionLabel: "Rev.2" };
// Enough operative paragraphs for a second page, so the header is checked on each.
const paragraphs: ExportParagraph[] = [
  P("m", "heading", null, "Second day of the Twenty-Fourth Meeting"),
  P("t", "title", null, "Decision No. 5/17 Enhancing efforts to prevent and combat corruption"),
  P("h", "heading", null, "The Ministerial Council,"),
  P("p1", "preambular", "PP1", "Recalling the commitments of the participating States,"),
  P("b1", "bullet", "PP1(a)", "in the Charter of Paris;"),
  P("b2", "bullet", "PP1(b)", "in the Helsinki Final Act,"),
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

  it("is tagged: marked, with a structure tree, its language and its title shown", async () => {
    const bytes = await buildPdf(meta, paragraphs, pdfFonts());
    const raw = Buffer.from(bytes).toString("latin1");
    const catalog = /\/Type \/Catalog([\s\S]*?)>>/.exec(raw)?.[1] ?? "";
    expect(catalog).toContain("/Lang (en)");
    expect(catalog).toMatch(/\/StructTreeRoot \d+ 0 R/);
    const markInfo = /\/MarkInfo (\d+) 0 R/.exec(catalog)?.[1];
    expect(raw).toMatch(new RegExp(`\\n${markInfo} 0 obj\\n<<\\n/Marked true\\n>>`));
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect((await pdfInfo(bytes)).Tagged).toBe("yes");
  });

  it("structure: the title H1, headings under it H2, paragraphs P with their reference and number, sub-paragraphs a list; header and footer left out", async () => {
    const tree = (await pdfStructure(await buildPdf(meta, paragraphs, pdfFonts()))).split("\n").map((l) => l.trim());
    const after = (tag: string) => tree.filter((_, i) => tree[i - 1]?.startsWith(`${tag} `)).map((l) => l.replace(/^"|"$/g, "").trim());
    expect(tree[0]).toBe("Document");
    expect(after("H1")).toEqual(["Decision No. 5/17 Enhancing efforts to prevent and combat corruption"]);
    expect(after("H2")).toEqual(["The Ministerial Council,"]);
    const ps = after("P");
    // The meeting line above the title is not a heading: the first heading is the H1.
    expect(ps[0]).toBe("Second day of the Twenty-Fourth Meeting");
    expect(ps[1]).toBe("PP1 Recalling the commitments of the participating States,");
    expect(ps[2]).toBe("OP1 1. Calls upon the participating States to take the measures set out in paragraph 1 and to report on them.");
    expect(ps).toHaveLength(1 + 1 + 40);
    expect(tree.filter((l) => l.startsWith("L "))).toHaveLength(1);
    expect(after("Lbl")).toEqual(["PP1(a) (a)", "PP1(b) (b)"]);
    expect(after("LBody")).toEqual(["in the Charter of Paris;", "in the Helsinki Final Act,"]);
    expect(tree.join("\n")).not.toMatch(/MC\.DEC|Page \d+ of/);
  });
});
