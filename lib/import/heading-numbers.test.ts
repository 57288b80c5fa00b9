import { describe, expect, it } from "vitest";
import { numberHeadings } from "./heading-numbers";

const numbering = `<w:numbering><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="4"/></w:num></w:numbering>`;
// Word's multilevel heading list is set on the heading styles, not on each heading.
const styles = `<w:styles><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style></w:styles>`;
const p = (style: string | null, text: string, numPr = "") =>
  `<w:p w14:paraId="1"><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ""}${numPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const texts = (xml: string) => [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));

describe("numberHeadings", () => {
  it("writes the numbers of headings numbered through their style, restarting a level under a new higher one", () => {
    const doc = `<w:document><w:body>${[
      p("Heading1", "Introduction"),
      p(null, "Text & more."),
      p("Heading1", "Threats"),
      p("Heading2", "Existing"),
      p("Heading2", "Potential"),
      p("Heading1", "Measures"),
      p("Heading2", "Voluntary"),
      p("Heading2", "Bulleted", `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="8"/></w:numPr>`),
      "<w:p/>",
    ].join("")}</w:body></w:document>`;
    expect(texts(numberHeadings(doc, numbering, styles))).toEqual([
      "I. Introduction",
      "Text & more.",
      "II. Threats",
      "A. Existing",
      "B. Potential",
      "III. Measures",
      "A. Voluntary",
      "Bulleted",
    ]);
  });

  it("leaves a file without numbering as it is", () => {
    const doc = `<w:document><w:body>${p("Heading1", "Introduction")}</w:body></w:document>`;
    expect(numberHeadings(doc, undefined, styles)).toBe(doc);
  });
});
