import { describe, expect, it } from "vitest";
import { xmlXPath } from "../../test/readers/readers";
import type { ExportParagraph } from "./model";
import { toAkomaNtoso, toHtml, toJson, toMarkdown } from ".";

const meta = { title: "Enhancing OSCE efforts", symbol: "MC.DEC/5/17", date: "7 December 2017", versionLabel: "Rev.2" };
type Run = ExportParagraph["runs"][number];
const para = (kind: ExportParagraph["kind"], number: string | null, runs: Run[]): ExportParagraph => ({ id: "x", kind, number, text: runs.map((r) => r.text).join(""), runs });
/** The Markdown line of one paragraph (the export's third line: a comment and a blank line come first). */
const mdLine = (p: ExportParagraph) => toMarkdown(meta, [p]).split("\n")[2];

// What a paste from a web page or a hostile client can put in a paragraph.
const HOSTILE = "</p><script>alert(1)</script> & [bracketed] *x* \u0007";
const HOSTILE_SHOWN = "</p><script>alert(1)</script> & [bracketed] *x* ";
const AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/*
 * Markdown: each expected line was rendered with a CommonMark parser (markdown-it 14 in its
 * "commonmark" preset, and commonmark.js) to the paragraph's own text, character for
 * character. What is escaped, and why, is written beside `markdownEscapes` in text-formats.ts.
 */
describe("Markdown shows the text as written, whatever characters it holds", () => {
  const plain: [string, string][] = [
    ["</p><script>alert(1)</script> a<br>b", "\\</p>\\<script>alert(1)\\</script> a\\<br>b"],
    ["5 * 3 and *not italic* and **not bold**", "5 \\* 3 and \\*not italic\\* and \\*\\*not bold\\*\\*"],
    ["snake_case stays, _not italic_ does not", "snake_case stays, \\_not italic\\_ does not"],
    ["a back\\slash, a trailing one\\", "a back\\\\slash, a trailing one\\\\"],
    ["`code` and ```fences```", "\\`code\\` and \\`\\`\\`fences\\`\\`\\`"],
    ["~~struck~~", "\\~\\~struck\\~\\~"],
    ["&copy; &#169; &#xA9; stay as typed; R&D too", "\\&copy; \\&#169; \\&#xA9; stay as typed; R&D too"],
    // Brackets stay brackets: only where they would make a link or a link definition.
    ["to [further develop] the [norms] agreed", "to [further develop] the [norms] agreed"],
    ["[capacity-building](ICT) and ![x](y.png)", "[capacity-building\\](ICT) and ![x\\](y.png)"],
    ["[Option A]: deleted", "[Option A\\]: deleted"],
    ["<https://un.org> and a < b > c", "\\<https://un.org> and a \\< b > c"],
  ];
  it.each(plain)("inline: %j", (text, expected) => {
    expect(mdLine(para("preambular", "PP1", [{ text }]))).toBe(`**PP1** ${expected}`);
  });

  // An unnumbered paragraph's text starts a line; a numbered one's starts a list item: both
  // places where "#", ">", "-", "+" and "1." begin a block.
  const lineStart: [string, string][] = [
    ["# not a heading", "\\# not a heading"],
    ["###### nor this", "\\###### nor this"],
    ["#hashtag is text", "#hashtag is text"],
    ["> not a quote", "\\> not a quote"],
    ["- not a bullet", "\\- not a bullet"],
    ["+ nor this", "\\+ nor this"],
    ["---", "\\---"],
    ["1. not a list", "1\\. not a list"],
    ["2) nor this", "2\\) nor this"],
    ["1.5 million people", "1.5 million people"],
    ["    not code", "not code"],
    ["<div>raw</div>", "\\<div>raw\\</div>"],
  ];
  it.each(lineStart)("at the start of a line or list item: %j", (text, expected) => {
    expect(mdLine(para("paragraph", null, [{ text }]))).toBe(expected);
    expect(mdLine(para("operative", "OP1", [{ text }]))).toBe(`1. ${expected}`);
    expect(mdLine(para("bullet", null, [{ text }]))).toBe(`- ${expected}`);
  });

  it("a heading keeps a closing '#' as text; a line break in a paragraph is a space", () => {
    expect(mdLine(para("title", null, [{ text: "Item 5 #" }]))).toBe("# Item 5 \\#");
    expect(mdLine(para("heading", null, [{ text: "#" }]))).toBe("## \\#");
    expect(mdLine(para("paragraph", null, [{ text: "one\n# two\r\n\r\nthree" }]))).toBe("one # two  three");
  });

  it("a bracketed run followed by a parenthesis is no link; brackets stay outside bold and italics", () => {
    expect(mdLine(para("operative", "OP1", [{ text: "Further develop", marks: ["bracket"] }, { text: "(ICT) norms" }]))).toBe("1. [Further develop\\](ICT) norms");
    expect(mdLine(para("paragraph", null, [{ text: "Decides ", marks: ["bold"] }, { text: "to ", marks: ["italic"] }, { text: "act", marks: ["bold", "bracket"] }]))).toBe(
      "**Decides** *to* [**act**]",
    );
  });

  it("bold and italics stay bold and italics: spaces at a run's edges go outside the marks; HTML where stars would not hold", () => {
    expect(mdLine(para("paragraph", null, [{ text: "Notes " }, { text: " with concern ", marks: ["italic"] }, { text: "the report" }]))).toBe("Notes  *with concern* the report");
    expect(mdLine(para("paragraph", null, [{ text: "a*b", marks: ["italic"] }, { text: " (" }, { text: "Agreed ad ref.)", marks: ["italic", "bold"] }]))).toBe("*a\\*b* (***Agreed ad ref.)***");
    // "see**(a)**" and "***all*ways**" are no emphasis in CommonMark.
    expect(mdLine(para("paragraph", null, [{ text: "see" }, { text: "(a)", marks: ["bold"] }, { text: "all", marks: ["bold", "italic"] }, { text: "ways", marks: ["bold"] }]))).toBe(
      "see<strong>(a)</strong><strong><em>all</em></strong><strong>ways</strong>",
    );
  });

  it("the header comment cannot be closed by a symbol or version label", () => {
    const md = toMarkdown({ ...meta, symbol: "X --> <script>alert(1)</script>" }, []);
    expect(md.split("\n")[0]).toBe("<!-- X --&gt; <script&gt;alert(1)</script&gt; · 7 December 2017 · Rev.2 -->");
  });
});

describe("a hostile paragraph in every text export", () => {
  const hostile = para("paragraph", null, [{ text: HOSTILE }]);

  it("Markdown: escaped, its control character left out", () => {
    expect(mdLine(hostile)).toBe("\\</p>\\<script>alert(1)\\</script> & [bracketed] \\*x\\* ");
  });

  it("HTML: escaped, its control character left out", () => {
    const html = toHtml({ ...meta, title: `T ${HOSTILE}` }, [hostile]);
    expect(html).toContain('<p class="paragraph" dir="auto"><span class="num"></span>&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; [bracketed] *x* </p>');
    expect(html).not.toMatch(/<script|\u0007/);
  });

  it("Akoma Ntoso: libxml2 reads it, the paragraph's text as written less the control character", async () => {
    const xml = toAkomaNtoso({ ...meta, title: `T ${HOSTILE}`, symbol: `S ${HOSTILE}` }, [hostile]);
    // (xmlXPath trims what xmllint prints: the trailing space is not compared.)
    expect(await xmlXPath(xml, `string(//*[local-name()='mainBody' and namespace-uri()='${AKN}']//*[local-name()='p'])`)).toBe(HOSTILE_SHOWN.trimEnd());
    expect(await xmlXPath(xml, `string(//*[local-name()='docNumber'])`)).toBe(`S ${HOSTILE_SHOWN}`.trimEnd());
  });

  it("JSON: the text exactly, control character escaped by JSON itself", () => {
    const json = toJson(meta, [hostile]);
    expect(json).not.toContain("\u0007");
    expect((JSON.parse(json) as { paragraphs: ExportParagraph[] }).paragraphs[0]!.runs[0]!.text).toBe(HOSTILE);
  });
});

describe("Akoma Ntoso: right-to-left paragraphs", () => {
  it("a paragraph whose first letter is Arabic has direction rtl (AKN's HTML style attribute on its p); the others none", async () => {
    const arabic = "تؤكد الجمعية العامة أن القانون الدولي ينطبق (ICT).";
    const xml = toAkomaNtoso(meta, [
      para("title", null, [{ text: "مشروع قرار" }]),
      para("preambular", "PP1", [{ text: "إذ تشير إلى قراراتها", marks: ["bracket"] }]),
      para("operative", "OP1", [{ text: "Decides to act;" }]),
      para("operative", "OP2", [{ text: arabic }]),
    ]);
    const p = (path: string) => `//*[local-name()='${path}' and namespace-uri()='${AKN}']`;
    const style = (path: string) => xmlXPath(xml, `string(${path}/@style)`);
    expect(await style(`${p("docTitle")}/..`)).toBe("direction: rtl");
    expect(await style(`${p("recital")}/${p("p").slice(2)}`)).toBe("direction: rtl");
    expect(await style(`(${p("paragraph")})[1]//${p("p").slice(2)}`)).toBe("");
    expect(await style(`(${p("paragraph")})[2]//${p("p").slice(2)}`)).toBe("direction: rtl");
    expect(await xmlXPath(xml, `string((${p("paragraph")})[2]//${p("p").slice(2)})`)).toBe(arabic);
  });
});
