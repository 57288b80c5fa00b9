import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { printedText, toMarkdown, type ExportMeta, type ExportParagraph } from "../exporter";
import { computeNumbers } from "../model/numbering";
import type { Block } from "../model/types";
import { fromMarkdownFile, parseStatement } from "./parse-statement";

/** As the server reads an uploaded .md file (server/import.ts). */
const readMarkdown = (md: string) => parseStatement(md, { markdownHeadings: true });

function numbered(blocks: readonly Block[]): ExportParagraph[] {
  const numbers = computeNumbers(blocks.map((b) => b.kind));
  return blocks.map((b, i) => ({ id: b.id, kind: b.kind, number: numbers[i] ?? null, text: b.runs.map((r) => r.text).join(""), runs: b.runs }));
}

/** What a reader sees of each paragraph: its kind and its printed text (brackets included). */
const shown = (blocks: readonly Pick<ExportParagraph, "kind" | "runs">[]) => blocks.map((b) => `${b.kind}: ${printedText(b).trim()}`);

const meta: ExportMeta = { title: "Draft report", symbol: "A/AC.292/2025/CRP.1", date: "11 July 2025", versionLabel: "Rev.1" };
const seedDir = path.join(process.cwd(), "seeds");

describe("a Markdown file Plenary exported reads back as its text", () => {
  it.each(fs.readdirSync(seedDir).filter((f) => f.endsWith(".txt")).sort())("%s: every paragraph's kind and text, and the title", (file) => {
    const doc = parseStatement(fs.readFileSync(path.join(seedDir, file), "utf8"));
    const back = readMarkdown(toMarkdown(meta, numbered(doc.blocks)));
    expect(shown(back.blocks)).toEqual(shown(doc.blocks));
    expect(back.meta.title).toBe(doc.meta.title);
  });

  // Text a paste or a hostile client can put in a paragraph: the export escapes it, the import undoes that.
  const texts = [
    "</p><script>alert(1)</script> a<br>b",
    "5 * 3 and *not italic* and **not bold**",
    "snake_case stays, _not italic_ does not",
    "a back\\slash, a trailing one\\",
    "`code` and ~~struck~~",
    "&copy; &#169; stay as typed; R&D too",
    "[capacity-building](ICT) and [Option A]: deleted",
    "# not a heading",
    "1. not a list",
    "<strong>typed</strong> tags",
  ];
  it.each(texts)("%j", (text) => {
    const paragraphs = numbered([
      { id: "t", kind: "title", runs: [{ text: "A title long enough to be one" }] },
      { id: "p", kind: "paragraph", runs: [{ text }] },
    ]);
    expect(shown(readMarkdown(toMarkdown(meta, paragraphs)).blocks)).toEqual(shown(paragraphs));
  });

  it("keeps bold and italic through the export's asterisks and its <strong> and <em>", () => {
    const paragraphs = numbered([
      { id: "t", kind: "title", runs: [{ text: "A title long enough to be one" }] },
      { id: "p", kind: "paragraph", runs: [{ text: "Calls upon " }, { text: "all States", marks: ["bold"] }, { text: " to " }, { text: "(consider)", marks: ["italic"] }, { text: "x" }] },
    ]);
    const md = toMarkdown(meta, paragraphs);
    expect(md).toContain("<em>(consider)</em>");
    const runs = readMarkdown(md).blocks[1]!.runs;
    expect(runs.filter((r) => r.marks?.length).map((r) => [r.text, r.marks])).toEqual([
      ["all States", ["bold"]],
      ["(consider)", ["italic"]],
    ]);
  });

  it("reads no comment as text, and the one '# ' heading as the title", () => {
    const doc = readMarkdown("<!-- A/1 · 1 May 2025 · Rev.1 -->\n\n## Conference on Disarmament\n\n# Joint statement on the work of the Conference\n\nThe States note.\n");
    expect(shown(doc.blocks)).toEqual(["heading: Conference on Disarmament", "title: Joint statement on the work of the Conference", "paragraph: The States note."]);
    expect(doc.meta.title).toBe("Joint statement on the work of the Conference");
  });

  it("undoes CommonMark's escapes but leaves \\* to the inline reader, and a heading's escaped closing #", () => {
    expect(fromMarkdownFile("a \\[b\\] \\_c\\_ \\\\ \\* d")).toBe("a [b] _c_ \\ \\* d");
    expect(fromMarkdownFile("# Item 5 \\#")).toBe("**Item 5 #**");
  });
});
