import fs from "node:fs";
import path from "node:path";
import { AlignmentType, DeletedTextRun, Document, EndnoteReferenceRun, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { compareParagraphs } from "../lib/diff";
import { buildDocx, printedText } from "../lib/exporter";
import { parseStatement } from "../lib/import/parse-statement";
import { computeNumbers } from "../lib/model/numbering";
import type { ImportedDocument } from "../lib/model/types";
import { draftWarnings, readDraft } from "./import";
import { MAX_IMPORT_BYTES } from "./import-limits";

const seedDir = path.join(process.cwd(), "seeds");
const seeds = fs.readdirSync(seedDir).filter((f) => f.endsWith(".txt")).sort();

function rendered(doc: ImportedDocument) {
  const numbers = computeNumbers(doc.blocks.map((b) => b.kind));
  return doc.blocks.map((b, i) => ({ id: b.id, kind: b.kind, number: numbers[i] ?? null, text: b.runs.map((r) => r.text).join(""), runs: b.runs }));
}

describe("import", () => {
  for (const file of seeds) {
    it(`round trip ${file}: export as DOCX, import it, no paragraph changed`, async () => {
      const original = parseStatement(fs.readFileSync(path.join(seedDir, file), "utf8"));
      const paragraphs = rendered(original);
      const bytes = new Uint8Array(await Packer.toBuffer(buildDocx({ title: original.meta.title, symbol: original.meta.symbol ?? null, date: original.meta.date ?? null, versionLabel: "Rev.1" }, paragraphs)));
      const back = rendered(await readDraft("draft.docx", bytes));
      const result = compareParagraphs(paragraphs, back);
      const changed = result.pairs.filter((p) => p.classification !== "unchanged");
      expect(changed.map((p) => [p.classification, p.from[0]?.text.slice(0, 60), p.to[0]?.text.slice(0, 60)])).toEqual([]);
      expect(back.map((p) => p.kind)).toEqual(paragraphs.map((p) => p.kind));
    });
  }

  it("reads Markdown and plain text", async () => {
    const doc = await readDraft("d.md", strToU8("**A draft decision on ICT security**\n\nNoting the report,\n\nDecides:\n\n1. To meet again;"));
    expect(doc.blocks.map((b) => b.kind)).toEqual(["title", "preambular", "heading", "operative"]);
  });

  it("reads a text file saved as UTF-16 (Notepad's 'Unicode', little or big endian, with its byte order mark) as its UTF-8 twin", async () => {
    const text = "**Проект решения о безопасности ИКТ**\r\n\r\nNoting the report,\r\n\r\nDecides:\r\n\r\n1. To meet again;\r\n";
    const units = Array.from(text, (c) => c.charCodeAt(0));
    const le = new Uint8Array([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])]);
    const be = new Uint8Array([0xfe, 0xff, ...units.flatMap((u) => [u >> 8, u & 0xff])]);
    const plain = (doc: ImportedDocument) => ({ meta: doc.meta, blocks: doc.blocks.map((b) => ({ kind: b.kind, runs: b.runs })) });
    const expected = plain(await readDraft("d.txt", strToU8(text)));
    expect(expected.blocks.map((b) => b.kind)).toEqual(["title", "preambular", "heading", "operative"]);
    expect(plain(await readDraft("d.txt", le))).toEqual(expected);
    expect(plain(await readDraft("d.md", be))).toEqual(expected);
  });

  it("reads square-bracketed language in .txt, .md and .docx as the bracket mark, and a Word export's brackets back as the mark", async () => {
    const draft = "Draft decision on ICT security\n\nNoting the report [of the Secretary-General],\n\nDecides:\n\n1. To **[further develop]** the rules [1];";
    const op = [{ text: "To " }, { text: "further develop", marks: ["bold", "bracket"] }, { text: " the rules [1];" }];
    for (const name of ["d.txt", "d.md"]) {
      const doc = await readDraft(name, strToU8(draft));
      expect(doc.blocks[1]!.runs).toEqual([{ text: "Noting the report " }, { text: "of the Secretary-General", marks: ["bracket"] }, { text: "," }]);
      expect(doc.blocks[3]!.runs).toEqual(op);
    }
    const paragraphs = rendered(await readDraft("d.txt", strToU8(draft)));
    const meta = { title: "Draft decision on ICT security", symbol: null, date: null, versionLabel: "Rev.1" };
    // The export prints brackets as characters (and adds its own bold and italics): read back, the plain
    // text has no bracket characters and the text printed with the mark's brackets is the same.
    const back = rendered(await readDraft("d.docx", new Uint8Array(await Packer.toBuffer(buildDocx(meta, paragraphs)))));
    const views = (ps: typeof paragraphs) => ps.map((p) => [p.text, printedText(p)]);
    expect(views(back)).toEqual(views(paragraphs));
    expect(views(back)[3]).toEqual(["To further develop the rules [1];", "To [further develop] the rules [1];"]);
  });

  it("reads Markdown headings and Word heading styles as headings, without their markers", async () => {
    const md = "# Draft resolution on cyber capacity-building\n\nThe General Assembly,\n\n## Recalling\n\nRecalling its resolution 73/27,\n\nDecides:\n\n1. To convene a working group;";
    const doc = await readDraft("d.md", strToU8(md));
    expect(doc.meta.title).toBe("Draft resolution on cyber capacity-building");
    const texts = doc.blocks.map((b) => b.runs.map((r) => r.text).join(""));
    expect(texts.some((t) => t.includes("#"))).toBe(false);
    expect(doc.blocks[0]!.kind).toBe("title");
    expect(doc.blocks.find((b) => b.runs.map((r) => r.text).join("") === "Recalling")?.kind).toBe("heading");

    // With the "#" title read as a title, a resolution's structure is found: PP / OP, not 1–5 straight through.
    const resolution = await readDraft(
      "r.md",
      strToU8("# Draft resolution on cyber capacity-building\n\nThe General Assembly,\n\nRecalling its resolutions 73/27 and 73/266,\n\nNoting with concern the growing digital divide,\n\nDecides:\n\n1. To convene an open-ended working group;\n\n2. To request a report;"),
    );
    expect(rendered(resolution).map((p) => [p.kind, p.number])).toEqual([
      ["title", null],
      ["heading", null],
      ["preambular", "PP1"],
      ["preambular", "PP2"],
      ["heading", null],
      ["operative", "OP1"],
      ["operative", "OP2"],
    ]);

    const word = new Document({
      sections: [{ children: [new Paragraph({ text: "Second day of the Twenty-Fourth Meeting", heading: HeadingLevel.HEADING_1 }), new Paragraph({ text: "Noting the report of the Secretary-General," })] }],
    });
    const fromWord = await readDraft("d.docx", new Uint8Array(await Packer.toBuffer(word)));
    expect(fromWord.blocks.map((b) => b.runs.map((r) => r.text).join(""))).toEqual(["Second day of the Twenty-Fourth Meeting", "Noting the report of the Secretary-General,"]);
    expect(fromWord.meta.title).toBe("Second day of the Twenty-Fourth Meeting");

    // A line that starts with "#" inside a paragraph, or a Word paragraph that starts with
    // "# ", is text: kept whole, not made a heading.
    const wrapped = await readDraft("w.md", strToU8("**Draft decision on the annex**\n\nDecides to amend paragraph\n# 5 of the annex;"));
    expect(wrapped.blocks.map((b) => b.runs.map((r) => r.text).join(""))).toContain("# 5 of the annex;");
    const literal = new Document({ sections: [{ children: [new Paragraph({ text: "Draft decision on the annex of the report" }), new Paragraph({ text: "# 5 of the annex is deleted;" })] }] });
    const fromLiteral = await readDraft("l.docx", new Uint8Array(await Packer.toBuffer(literal)));
    expect(fromLiteral.blocks.map((b) => b.runs.map((r) => r.text).join(""))).toContain("# 5 of the annex is deleted;");
    const plain = await readDraft("p.txt", strToU8("Statement by the delegation\n\n# 1 priority: the text"));
    expect(plain.blocks.map((b) => b.runs.map((r) => r.text).join(""))).toContain("# 1 priority: the text");
  });

  it("leaves a Word file's footnotes out of the text and says so, and warns of tracked changes", async () => {
    const change = { author: "Albania", date: "2025-01-01T00:00:00Z" };
    const word = new Document({
      footnotes: { 1: { children: [new Paragraph("See A/76/135, para. 12.")] }, 2: { children: [new Paragraph("As orally revised.")] } },
      sections: [
        {
          children: [
            new Paragraph({ text: "Draft resolution on the safety of journalists", heading: HeadingLevel.HEADING_1 }),
            new Paragraph("The General Assembly,"),
            new Paragraph({ children: [new TextRun("Recalling its resolution 76/173,"), new FootnoteReferenceRun(1)] }),
            new Paragraph("Decides:"),
            new Paragraph({ children: [new TextRun("1. To meet "), new InsertedTextRun({ text: "again ", id: 1, ...change }), new DeletedTextRun({ text: "never ", id: 2, ...change }), new TextRun("next year;"), new FootnoteReferenceRun(2)] }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(word));
    const doc = await readDraft("notes.docx", bytes);
    expect(rendered(doc).map((p) => [p.kind, p.number, p.text])).toEqual([
      ["title", null, "Draft resolution on the safety of journalists"],
      ["heading", null, "The General Assembly,"],
      ["preambular", "PP1", "Recalling its resolution 76/173,"],
      ["heading", null, "Decides:"],
      ["operative", "OP1", "To meet again next year;"],
    ]);
    expect(await draftWarnings("notes.docx", bytes)).toEqual([
      "The file had tracked changes: they were imported as accepted. Check the text.",
      "2 footnotes were left out.",
    ]);

    const clean = new Document({ sections: [{ children: [new Paragraph("Statement by the delegation of Albania")] }] });
    const endnote = new Document({
      endnotes: { 1: { children: [new Paragraph("Adopted without a vote.")] } },
      sections: [{ children: [new Paragraph({ children: [new TextRun("Statement by the delegation of Albania"), new EndnoteReferenceRun(1)] })] }],
    });
    const endnoteBytes = new Uint8Array(await Packer.toBuffer(endnote));
    expect((await readDraft("e.docx", endnoteBytes)).blocks.map((b) => b.runs.map((r) => r.text).join(""))).toEqual(["Statement by the delegation of Albania"]);
    expect(await draftWarnings("e.docx", endnoteBytes)).toEqual(["1 endnote was left out."]);

    expect(await draftWarnings("clean.docx", new Uint8Array(await Packer.toBuffer(clean)))).toEqual([]);
    expect(await draftWarnings("d.md", strToU8("Text with <w:ins> in it"))).toEqual([]);
  });

  it("keeps a Word paragraph's hyperlinks as their words and its backslashes as written, not as Markdown", async () => {
    const word = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new TextRun("See "),
                new ExternalHyperlink({ link: "https://undocs.org/A/RES/75/240", children: [new TextRun("resolution 75/240 (A/RES/75/240)")] }),
                new TextRun(" and the files under \\\\un\\oewg\\[2025], items *1* and a_b."),
              ],
            }),
          ],
        },
      ],
    });
    const doc = await readDraft("links.docx", new Uint8Array(await Packer.toBuffer(word)));
    expect(doc.blocks.map((b) => b.runs.map((r) => r.text).join(""))).toEqual([
      "See resolution 75/240 (A/RES/75/240) and the files under \\\\un\\oewg\\[2025], items *1* and a_b.",
    ]);
  });

  it("keeps a numbered paragraph with a line break in it (Shift+Enter) one paragraph, so the numbers after it stay", async () => {
    const numbering = { config: [{ reference: "paras", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }] }] };
    const numbered = (children: TextRun[]) => new Paragraph({ children, numbering: { reference: "paras", level: 0 } });
    const word = new Document({
      numbering,
      sections: [
        {
          children: [
            new Paragraph({ text: "Draft report of the Open-ended Working Group", heading: HeadingLevel.HEADING_1 }),
            numbered([new TextRun("States recalled the report"), new TextRun({ text: "adopted by consensus in 2021.", break: 1 })]),
            numbered([new TextRun("States met in New York.")]),
            new Paragraph({ children: [new TextRun("3.\tStates typed this number"), new TextRun({ text: "and broke the line.", break: 1 })] }),
            new Paragraph({ children: [new TextRun("4.\tStates will meet again.")] }),
          ],
        },
      ],
    });
    const doc = await readDraft("breaks.docx", new Uint8Array(await Packer.toBuffer(word)));
    expect(rendered(doc).map((p) => [p.number, p.text])).toEqual([
      [null, "Draft report of the Open-ended Working Group"],
      ["1.", "States recalled the report adopted by consensus in 2021."],
      ["2.", "States met in New York."],
      ["3.", "States typed this number and broke the line."],
      ["4.", "States will meet again."],
    ]);
  });

  it("warns that a table's cells came in as paragraphs of their own, which may take numbers", async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const word = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "Draft report of the Open-ended Working Group", heading: HeadingLevel.HEADING_1 }),
            new Paragraph("1. The measures below were agreed."),
            new Table({ rows: [new TableRow({ children: [cell("CBM 1"), cell("States will nominate a point of contact.")] })] }),
            new Paragraph("2. States shall consider further measures."),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(word));
    // Each cell is a block: the sentence in the second takes the number 2 (the chair corrects its kind in the preview).
    expect(rendered(await readDraft("table.docx", bytes)).map((p) => [p.number, p.text])).toEqual([
      [null, "Draft report of the Open-ended Working Group"],
      ["1.", "The measures below were agreed."],
      [null, "CBM 1"],
      ["2.", "States will nominate a point of contact."],
      ["3.", "States shall consider further measures."],
    ]);
    expect(await draftWarnings("table.docx", bytes)).toEqual([
      "The file had 1 table: each of its cells came in as a paragraph of its own, and a cell that reads as a paragraph is numbered. Check their kinds and the numbering after them.",
    ]);
  });

  it("keeps the numbers Word gives its headings (\"I. Introduction\", \"A. Existing ... threats\"), which it does not store as text", async () => {
    const numbering = {
      config: [
        {
          reference: "sections",
          levels: [
            { level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1.", alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.UPPER_LETTER, text: "%2.", alignment: AlignmentType.LEFT },
          ],
        },
        { reference: "paras", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }] },
      ],
    };
    const heading = (text: string, level: 0 | 1) =>
      new Paragraph({ text, heading: level ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2, numbering: { reference: "sections", level } });
    const para = (text: string) => new Paragraph({ text, numbering: { reference: "paras", level: 0 } });
    const word = new Document({
      numbering,
      sections: [
        {
          children: [
            new Paragraph({ text: "Draft final report of the Open-ended Working Group", heading: HeadingLevel.HEADING_1 }),
            heading("Introduction", 0),
            para("The Group met five times."),
            heading("Conclusions and recommendations", 0),
            heading("Existing and potential threats", 1),
            para("States expressed concern."),
            heading("Confidence-building measures", 1),
            para("States agreed on measures."),
          ],
        },
      ],
    });
    const doc = await readDraft("sections.docx", new Uint8Array(await Packer.toBuffer(word)));
    expect(rendered(doc).map((p) => [p.kind, p.number, p.text])).toEqual([
      ["title", null, "Draft final report of the Open-ended Working Group"],
      ["heading", null, "I. Introduction"],
      ["paragraph", "1.", "The Group met five times."],
      ["heading", null, "II. Conclusions and recommendations"],
      ["heading", null, "A. Existing and potential threats"],
      ["paragraph", "2.", "States expressed concern."],
      ["heading", null, "B. Confidence-building measures"],
      ["paragraph", "3.", "States agreed on measures."],
    ]);
  });

  it("takes a Word file's paragraph in the Title style for its title, though a later heading is its one Heading 1", async () => {
    const word = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "Draft report of the Working Group", heading: HeadingLevel.TITLE }),
            new Paragraph({ text: "Introduction", heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: "The Group met in Geneva." }),
            new Paragraph({ text: "Operative part", heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: "Decides to continue." }),
          ],
        },
      ],
    });
    const doc = await readDraft("titled.docx", new Uint8Array(await Packer.toBuffer(word)));
    expect(doc.meta.title).toBe("Draft report of the Working Group");
    expect(rendered(doc).map((p) => [p.kind, p.text])).toEqual([
      ["title", "Draft report of the Working Group"],
      ["heading", "Introduction"],
      ["paragraph", "The Group met in Geneva."],
      ["heading", "Operative part"],
      ["paragraph", "Decides to continue."],
    ]);
  });

  it("warns that sub-sub-paragraphs ((i) under (b)) came in lettered in their sub-paragraphs' sequence", async () => {
    const levels = [
      { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT },
      { level: 1, format: LevelFormat.LOWER_LETTER, text: "(%2)", alignment: AlignmentType.LEFT },
      { level: 2, format: LevelFormat.LOWER_ROMAN, text: "(%3)", alignment: AlignmentType.LEFT },
    ];
    const item = (text: string, level: number) => new Paragraph({ text, numbering: { reference: "paras", level } });
    const word = new Document({
      numbering: { config: [{ reference: "paras", levels }] },
      sections: [{ children: [new Paragraph({ text: "Draft report of the Open-ended Working Group", heading: HeadingLevel.HEADING_1 }), item("The Group agreed:", 0), item("to continue;", 1), item("to report on:", 1), item("norms;", 2), item("capacity-building.", 2)] }],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(word));
    expect(rendered(await readDraft("levels.docx", bytes)).map((p) => p.number)).toEqual([null, "1.", "1(a)", "1(b)", "1(c)", "1(d)"]);
    expect(await draftWarnings("levels.docx", bytes)).toEqual([
      "2 paragraphs were numbered a level below sub-paragraphs ((i), (ii) under (a)): Plenary has one level of sub-paragraphs, so they came in lettered after the sub-paragraphs above them. Check their letters.",
    ]);
  });

  it("leaves out of the text and its title what no stored text may hold, and makes the title one line within its limit", async () => {
    const md = await readDraft("draft.md", new TextEncoder().encode("# Bad\u0001 title\uFFFE\tof the draft\n\nRecalling\u0007 its resolution,\n\n1. Decides\u0002 to act."));
    expect(md.meta.title).toBe("Bad title of the draft");
    expect(md.blocks.map((b) => b.runs.map((r) => r.text).join(""))).toEqual(["Bad title of the draft", "Recalling its resolution,", "Decides to act."]);
    const txt = await readDraft("draft.txt", new TextEncoder().encode(`${"Draft report ".repeat(200_000)}\n\nRecalling its resolution,`));
    expect(txt.meta.title.length).toBeLessThanOrEqual(300);
    expect(txt.meta.title).toMatch(/^Draft report Draft report .*report…$/);
  });

  it("refuses bad files with a reason", async () => {
    await expect(readDraft("e.docx", new Uint8Array())).rejects.toThrow("the file is empty");
    await expect(readDraft("junk.docx", strToU8("hello, not a zip"))).rejects.toThrow("this is not a Word (.docx) file");
    await expect(readDraft("zipped.docx", zipSync({ "a.txt": strToU8("junk") }))).rejects.toThrow(/cannot be read/);
    await expect(readDraft("big.txt", new Uint8Array(MAX_IMPORT_BYTES + 1).fill(65))).rejects.toMatchObject({ code: "too_large" });
    await expect(readDraft("blank.txt", strToU8("   \n\n  "))).rejects.toThrow("no text was found in the file");
    await expect(readDraft("x.pdf", strToU8("%PDF"))).rejects.toThrow("import a .docx, .md or .txt file");
    await expect(readDraft("latin1.txt", new Uint8Array([0xe9, 0x74, 0xe9]))).rejects.toThrow("not UTF-8");
  });
});
