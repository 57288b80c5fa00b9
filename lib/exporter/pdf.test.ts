/** The PDF export as poppler reads it: running header, document information, logical structure. */
import { describe, expect, it } from "vitest";
import { pdfFonts } from "../../server/pdf-fonts";
import { pdfInfo, pdfPages, pdfStructure, pdfToText, pdfWords, type PdfWord } from "../../test/readers/readers";
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

  it("prints the paragraph references in the margin unless asked not to (the text to be adopted)", async () => {
    const lines = async (bytes: Uint8Array) => (await pdfToText(bytes)).split("\n").map((l) => l.trim());
    const draft = await lines(await buildPdf(meta, paragraphs.slice(0, 8), pdfFonts()));
    for (const ref of ["PP1", "PP1(a)", "OP1", "OP2"]) expect(draft).toContain(ref);
    const final = await lines(await buildPdf(meta, paragraphs.slice(0, 8), pdfFonts(), { marginReferences: false }));
    expect(final.filter((l) => /^(PP|OP)\d/.test(l))).toEqual([]);
    // The body is the same: the operative numbers, the sub-paragraphs' letters and every word stay.
    for (const line of ["1.", "(a)", "Recalling the commitments of the participating States,"]) expect(final).toContain(line);
    expect(final.join(" ")).toContain("in the Helsinki Final Act,");
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

describe("a centred title in several faces", () => {
  // As the seeded joint statement's: bold, bold italic, bold, and more. pdfkit centres each
  // face's run on its own, so "Joint statement by" was once printed over the italic run.
  const runs: ExportParagraph["runs"] = [
    { text: "Joint statement by ", marks: ["bold"] },
    { text: "the Republic of Belarus, the Republic of Burundi, the People's Republic of China and the Republic of Cuba", marks: ["bold", "italic"] },
    { text: " on the final draft of the annual progress report of the ", marks: ["bold"] },
    { text: "Open-ended Working Group", marks: ["italic"] },
    { text: " on security of and in the use of ICTs 2021-2025" },
  ];
  const title: ExportParagraph = { id: "t", kind: "title", number: null, text: runs.map((r) => r.text).join(""), runs };
  const body = [title, P("h", "heading", null, "New York, 27 July 2023"), P("p", "paragraph", null, "Mr. Chair,")];
  // The text box of an A4 page: 92 pt from its left edge, 72 from its right (595.28 pt wide).
  const centre = 92 + (595.28 - 92 - 72) / 2;
  const overlap = (a: PdfWord, b: PdfWord) => Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0.5 && Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5;

  it("prints no word over another, centres every line of the title and reads it in order", async () => {
    const bytes = await buildPdf({ ...meta, symbol: "A/AC.292/2025/CRP.1", versionLabel: "Zero draft" }, body, pdfFonts());
    const words = await pdfWords(bytes, 1);
    const overprinted = words.flatMap((a, i) => words.slice(i + 1).filter((b) => overlap(a, b)).map((b) => `${a.text} / ${b.text}`));
    expect(overprinted).toEqual([]);
    const titleWords = words.slice(words.findIndex((w) => w.text === "Joint"), words.findIndex((w) => w.text === "York,") - 1);
    expect(titleWords.map((w) => w.text).join(" ")).toBe(title.text);
    const lines = [...new Set(titleWords.map((w) => Math.round(w.yMin)))].map((y) => titleWords.filter((w) => Math.round(w.yMin) === y));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      const middle = (Math.min(...line.map((w) => w.xMin)) + Math.max(...line.map((w) => w.xMax))) / 2;
      expect(Math.abs(middle - centre), line.map((w) => w.text).join(" ")).toBeLessThan(1);
    }
  });

  it("keeps the title one H1 of the tagged structure, its text whole", async () => {
    const tree = (await pdfStructure(await buildPdf(meta, body, pdfFonts()))).split("\n").map((l) => l.trim());
    const h1 = tree.filter((_, i) => tree[i - 1]?.startsWith("H1 ")).map((l) => l.replace(/^"|"$/g, "").trim());
    expect(h1).toEqual([title.text]);
  });
});

describe("text in Arabic", () => {
  // Arabic is an official language of the United Nations: a statement quotes it, a delegation
  // writes its name in it. DejaVu Serif has no Arabic letters: they were printed as empty boxes.
  const arabic = "وأكدت المجموعة العربية أهمية بناء القدرات";
  const rtl = "تؤكد الجمعية العامة من جديد أن القانون الدولي ينطبق وفقا للقرار 75/240 المؤرخ 31 ديسمبر 2020.";
  const body = [
    P("t", "title", null, "Draft report"),
    P("p", "paragraph", "1.", `Российская Федерация предложила конвенцию. ${arabic}. Agreed in 2025.`),
    P("h", "heading", null, "المجموعة العربية"),
    P("q", "paragraph", "2.", rtl),
  ];
  // pdftotext -bbox gives a word's letters in the order they are drawn: an Arabic word backwards.
  // (Words with the lam-alef ligature are left out of the text here: pdftotext reads it backwards.)
  const drawn = (word: string) => [word, Array.from(word).reverse().join("")];

  it("prints every Arabic word, each line of them right to left, the text around them in its place", async () => {
    const bytes = await buildPdf(meta, body, pdfFonts());
    const text = (await pdfToText(bytes)).replace(/[\u200e\u200f\u202a-\u202e]/g, "");
    for (const word of [...arabic.split(" "), ...rtl.split(" ")]) expect(text).toContain(word);
    const words = await pdfWords(bytes, 1);
    const at = (word: string) => words.find((w) => drawn(word).includes(w.text))!;
    expect(at("وأكدت")).toBeDefined();
    // In the Russian sentence's line, the Arabic one reads from its right: its first word is right of the next.
    expect(Math.round(at("وأكدت").yMin)).toBe(Math.round(at("المجموعة").yMin));
    expect(at("وأكدت").xMin).toBeGreaterThan(at("المجموعة").xMax);
    expect(at("конвенцию.").xMax).toBeLessThan(at("المجموعة").xMin);
    // A paragraph in Arabic is set against the right edge, its first word rightmost, its numbers as written.
    const first = at("تؤكد");
    expect(first.xMax).toBeCloseTo(595.28 - 72, 0);
    expect(words.filter((w) => Math.round(w.yMin) === Math.round(first.yMin)).every((w) => w.xMax <= first.xMax)).toBe(true);
    expect(words.map((w) => w.text)).toEqual(expect.arrayContaining(["75/240", "31", "2020."]));
  });

  it("centres a title in Arabic with its words right to left", async () => {
    const title = "مشروع تقرير الفريق العامل المفتوح باب العضوية";
    const words = await pdfWords(await buildPdf(meta, [P("t", "title", null, title)], pdfFonts()), 1);
    const at = (word: string) => words.find((w) => drawn(word).includes(w.text))!;
    const line = title.split(" ").map(at);
    expect(line.every((w) => w && Math.round(w.yMin) === Math.round(line[0]!.yMin))).toBe(true);
    for (let i = 1; i < line.length; i++) expect(line[i]!.xMax).toBeLessThan(line[i - 1]!.xMin);
    const middle = (line[0]!.xMax + line.at(-1)!.xMin) / 2;
    expect(Math.abs(middle - (92 + (595.28 - 92 - 72) / 2))).toBeLessThan(1);
  });
});

describe("PDF export of Chinese", () => {
  const zh = "大会重申国际法，特别是《联合国宪章》，适用于信息和通信技术环境，对于维护和平与稳定至关重要，并呼吁所有国家在使用信息和通信技术时遵守国际法。";
  const body = [
    P("t", "title", null, "不限成员名额工作组报告草案"),
    P("p", "paragraph", "1.", `${zh} Agreed ad ref. in 2025.`),
    P("q", "paragraph", "2.", "Latin only: no Chinese face is needed here."),
  ];

  it("prints Chinese in a face that has it (it was empty boxes), as text that can be searched, inside the margins", async () => {
    const bytes = await buildPdf(meta, body, pdfFonts());
    const text = (await pdfToText(bytes)).replace(/\s+/g, "");
    expect(text).toContain("不限成员名额工作组报告草案");
    expect(text).toContain(zh.replace(/\s+/g, ""));
    // The long run of characters, which has no spaces, breaks between them at the right margin.
    const words = await pdfWords(bytes, 1);
    const chinese = words.filter((w) => /[\u4e00-\u9fff]/.test(w.text));
    expect(new Set(chinese.map((w) => Math.round(w.yMin))).size).toBeGreaterThanOrEqual(3);
    expect(chinese.every((w) => w.xMin >= 92 - 1 && w.xMax <= 595.28 - 72 + 1)).toBe(true);
    // The face is embedded as a subset: the file stays small.
    expect(bytes.length).toBeLessThan(200_000);
  });

  it("does not read the Chinese faces for a text without Chinese", async () => {
    const fonts = pdfFonts();
    let asked = 0;
    const counting = { ...fonts, cjk: () => (asked++, fonts.cjk()) };
    await buildPdf(meta, body.slice(2), counting);
    expect(asked).toBe(0);
    await buildPdf(meta, body, counting);
    expect(asked).toBe(1);
  });
});

