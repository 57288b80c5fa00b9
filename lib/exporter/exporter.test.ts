import { describe, expect, it } from "vitest";
import { compareParagraphs } from "../diff";
import type { ExportParagraph } from "./model";
import { documentXml, paragraphs, wordParts } from "./test-docx";
import { attachmentHeader, buildCompilationDocx, buildDocx, buildPdf, buildRedlineDocx, exportFileName, headerLine, printedText, toAkomaNtoso, toHtml, toMarkdown, versionName } from ".";
import { pdfFonts } from "../../server/pdf-fonts";
import { pdfToText } from "../../test/readers/readers";

const P = (id: string, kind: ExportParagraph["kind"], number: string | null, text: string, marks?: ExportParagraph["runs"][number]["marks"]): ExportParagraph => ({
  id,
  kind,
  number,
  text,
  runs: [marks ? { text, marks } : { text }],
});

const rev1 = [
  P("t", "title", null, "Enhancing OSCE efforts"),
  P("p1", "preambular", "PP1", "Noting the immense opportunities of ICTs,"),
  P("h", "heading", null, "Decides to:"),
  P("o1", "operative", "OP1", "Continue to implement all decisions;"),
  P("o2", "operative", "OP2", "Identify ways of strengthening the work of the OSCE;"),
];
const rev2 = [
  rev1[0]!,
  rev1[1]!,
  rev1[2]!,
  P("o1", "operative", "OP1", "Continue to fully implement all relevant decisions;"),
  P("o3", "operative", "OP2", "Invite the Partners for Co-operation to enhance dialogue."),
];
const meta = { title: "Enhancing OSCE efforts", symbol: "MC.DEC/5/17", date: "7 December 2017", versionLabel: "Rev.2" };

/** The revisions of a document.xml: inserted and deleted text, in order. */
function revisions(xml: string): string[] {
  return [...xml.matchAll(/<w:(ins|del) [^>]*[^/]>([\s\S]*?)<\/w:\1>/g)].map(([, kind, body]) => `${kind === "ins" ? "+" : "-"}${[...body!.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)</g)].map((m) => m[1]).join("")}`);
}

/** Text of the runs in a piece of document.xml. */
function text(xml: string): string {
  return [...xml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)</g)].map((m) => m[1]).join("");
}

/**
 * The move ranges of a document.xml in order: where a move's text stood ("From") or stands
 * ("To"), its name, the text inside its w:moveFrom / w:moveTo runs, and its revisions.
 */
function moveRanges(xml: string): { side: string; name: string; author: string; moved: string; revisions: string[] }[] {
  return [...xml.matchAll(/<w:move(From|To)RangeStart ([^>]*)\/>([\s\S]*?)<w:move\1RangeEnd w:id="(\d+)"\/>/g)].map(([, side, attrs, body, endId]) => {
    const attr = (name: string) => new RegExp(`w:${name}="([^"]*)"`).exec(attrs!)?.[1] ?? "";
    // A range's start and end share one id.
    expect(attr("id")).toBe(endId);
    const moved = [...body!.matchAll(new RegExp(`<w:move${side} [^>]*[^/]>([\\s\\S]*?)</w:move${side}>`, "g"))].map((m) => text(m[1]!)).join("");
    return { side: side!, name: attr("name"), author: attr("author"), moved, revisions: revisions(body!) };
  });
}

/** Each paragraph's text (all its runs) and the revisions on its mark (w:pPr/w:rPr), by element name. */
function marks(xml: string): { mark: string[]; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    mark: [...(/<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0].matchAll(/<w:(ins|del|moveFrom|moveTo) [^>]*\/>/g) ?? [])].map((m) => m[1]!),
    text: text(p),
  }));
}

describe("exports", () => {
  it("names files after the symbol and version", () => {
    expect(exportFileName(meta, "docx")).toBe("MC.DEC_5_17-Rev.2.docx");
    expect(exportFileName({ ...meta, symbol: "A/AC.292/2023/CRP.1/Rev.2" }, "pdf")).toBe("A_AC.292_2023_CRP.1_Rev.2.pdf");
    // A redline names its base, and the version once (it was "…_Rev.3-Rev.3-redline").
    expect(exportFileName({ ...meta, symbol: "MC.DEC/5/17/Rev.3", versionLabel: "Rev.3" }, "docx", "redline-against-Rev.1")).toBe("MC.DEC_5_17_Rev.3-redline-against-Rev.1.docx");
    expect(exportFileName(meta, "docx", "compilation")).toBe("MC.DEC_5_17-Rev.2-compilation.docx");
  });

  it("headers and file titles name the version once", () => {
    const rev2 = { ...meta, symbol: "MC.DEC/5/17/Rev.2", versionLabel: "Rev.2", date: "7 December 2017" };
    expect(headerLine(rev2)).toBe("MC.DEC/5/17/Rev.2   7 December 2017");
    expect(versionName(rev2)).toBe("MC.DEC/5/17/Rev.2");
    expect(headerLine({ ...rev2, symbol: "MC.DEC/5/17" })).toBe("MC.DEC/5/17   7 December 2017   Rev.2");
    expect(versionName({ ...rev2, symbol: null })).toBe(`${meta.title} Rev.2`);
    expect(toMarkdown(rev2, []).split("\n")[0]).toBe("<!-- MC.DEC/5/17/Rev.2 · 7 December 2017 -->");
    const html = toHtml(rev2, []);
    expect(html).toContain("<title>MC.DEC/5/17/Rev.2</title>");
    expect(html).toContain("<header>MC.DEC/5/17/Rev.2 · 7 December 2017</header>");
    expect(toHtml(meta, [])).toContain("<header>MC.DEC/5/17 · 7 December 2017 · Rev.2</header>");
  });

  it("a file name in any script makes a valid download header: ASCII filename, the real name in filename*", () => {
    const name = exportFileName({ ...meta, symbol: null, title: "Проект резолюции", versionLabel: "Ред.2" }, "docx");
    expect(name).toBe("Проект-резолюции-Ред.2.docx");
    const value = attachmentHeader(name);
    // A header value above U+00FF made the export route fail with 500.
    expect(new Headers({ "Content-Disposition": value }).get("Content-Disposition")).toBe(value);
    expect(value).toBe(`attachment; filename="_-_-_.2.docx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(attachmentHeader('Décision "5".pdf')).toBe(`attachment; filename="Decision 5.pdf"; filename*=UTF-8''${encodeURIComponent('Décision "5".pdf')}`);
  });

  it("clean DOCX holds every paragraph's text with the operative numbers", async () => {
    const xml = await documentXml(buildDocx(meta, rev2));
    const texts = paragraphs(xml, "accept");
    for (const p of rev2) expect(texts).toContain(p.text);
    expect(xml).toContain("1.\t");
  });

  it("redline DOCX: accept all gives Rev.2, reject all gives Rev.1", async () => {
    const result = compareParagraphs(rev1, rev2);
    const xml = await documentXml(buildRedlineDocx(meta, result.pairs, () => ({ author: "Albania", date: "2026-11-22T10:00:00.000Z" }), { from: rev1, to: rev2 }));
    expect(xml).toContain('w:author="Albania"');
    const accepted = paragraphs(xml, "accept").filter(Boolean);
    const rejected = paragraphs(xml, "reject").filter(Boolean);
    expect(accepted).toEqual(rev2.map((p) => p.text));
    expect(rejected).toEqual(rev1.map((p) => p.text));
  });

  it("redline DOCX: a moved paragraph goes out where it was and in where it is, so reject all restores the old order", async () => {
    const moved = [rev1[0]!, rev1[1]!, rev1[2]!, P("o2", "operative", "OP1", "Identify ways of strengthening the work of the OSCE;"), P("o1", "operative", "OP2", "Continue to fully implement all decisions;"), P("o4", "operative", "OP3", "Decides to remain seized of the matter.")];
    const before = [...rev1, P("o4", "operative", "OP3", "Decides to remain seized of the matter.")];
    const result = compareParagraphs(before, moved);
    expect(result.summary.moved).toBe(1);
    const xml = await documentXml(buildRedlineDocx(meta, result.pairs, () => ({ author: "Chair", date: "2026-11-22T10:00:00.000Z" }), { from: before, to: moved }));
    expect(paragraphs(xml, "accept").filter(Boolean)).toEqual(moved.map((p) => p.text));
    expect(paragraphs(xml, "reject").filter(Boolean)).toEqual(before.map((p) => p.text));
  });

  // OP1 moves after OP3: the paragraphs between keep their order, so only OP1 moved.
  const seven = [...rev1, P("o3", "operative", "OP3", "Welcomes the report;"), P("o4", "operative", "OP4", "Decides to remain seized of the matter.")];
  const movedDown = (o1: string) => [seven[0]!, seven[1]!, seven[2]!, { ...seven[4]!, number: "OP1" }, { ...seven[5]!, number: "OP2" }, P("o1", "operative", "OP3", o1), seven[6]!];

  it("redline DOCX: a moved paragraph is a tracked move, as Word writes one: w:moveFrom where it stood, w:moveTo where it stands, one name; none of its words deleted or inserted", async () => {
    const after = movedDown(seven[3]!.text);
    const result = compareParagraphs(seven, after);
    expect(result.pairs.filter((p) => p.moved).map((p) => p.to[0]!.id)).toEqual(["o1"]);
    const xml = await documentXml(buildRedlineDocx(meta, result.pairs, () => ({ author: "Chair", date: "2026-11-22T10:00:00.000Z" }), { from: seven, to: after }));
    expect(paragraphs(xml, "accept")).toEqual(after.map((p) => p.text));
    expect(paragraphs(xml, "reject")).toEqual(seven.map((p) => p.text));
    // Moved down: the range it left comes first; both carry the same name and the move's author.
    expect(moveRanges(xml)).toEqual([
      { side: "From", name: "move1", author: "Chair", moved: "1.\tContinue to implement all decisions;", revisions: [] },
      { side: "To", name: "move1", author: "Chair", moved: "Continue to implement all decisions;", revisions: ["+3.\t"] },
    ]);
    expect(revisions(xml).join("|")).not.toContain("Continue to implement");
    // Its paragraph mark moves too: the paragraph it left goes on Accept All, the one it came to on Reject All.
    expect(marks(xml).filter((p) => p.mark.length)).toEqual([
      { mark: ["moveFrom"], text: "1.\tContinue to implement all decisions;" },
      { mark: ["moveTo"], text: "3.\tContinue to implement all decisions;" },
    ]);
    expect(xml.match(/<w:move(?:From|To)(?:RangeStart)? [^>]*>/g)?.every((tag) => tag.includes('w:author="Chair"') && tag.includes('w:date="2026-11-22T10:00:00.000Z"'))).toBe(true);
  });

  it("redline DOCX: a moved and modified paragraph is a move with the words written since inserted within it; Accept All and Reject All stay exact", async () => {
    const after = movedDown("Continue to fully implement the decisions;");
    const result = compareParagraphs(seven, after);
    expect(result.pairs.filter((p) => p.moved).map((p) => p.classification)).toEqual(["moved"]);
    const xml = await documentXml(buildRedlineDocx(meta, result.pairs, () => ({ author: "Albania", date: "2026-11-22T10:00:00.000Z" }), { from: seven, to: after }));
    expect(paragraphs(xml, "accept")).toEqual(after.map((p) => p.text));
    expect(paragraphs(xml, "reject")).toEqual(seven.map((p) => p.text));
    const [from, to] = moveRanges(xml);
    // Where it stood, the older text moves away whole ("all" goes with it); where it stands,
    // the words kept are moved in and the words written since are inserted.
    expect(from).toEqual({ side: "From", name: "move1", author: "Albania", moved: "1.\tContinue to implement all decisions;", revisions: [] });
    expect(to).toEqual({ side: "To", name: "move1", author: "Albania", moved: "Continue to implement  decisions;", revisions: ["+3.\t", "+fully ", "+the"] });
  });

  it("redline DOCX: a moved paragraph that was split, and two joined, are moves of the older paragraphs to the newer ones", async () => {
    const split = movedDown("Continue to implement");
    split.splice(6, 0, P("o9", "operative", "OP4", "all decisions;"));
    // Joined and moved up: the range it came to comes first.
    const joined = [seven[0]!, P("o1", "operative", "OP1", `${seven[3]!.text} ${seven[4]!.text}`), seven[1]!, seven[2]!, { ...seven[5]!, number: "OP2" }, { ...seven[6]!, number: "OP3" }];
    const cases = [
      {
        after: split,
        classification: "split",
        // Moved down, then cut by an inserted paragraph mark; the space it took out is not written where the text came to.
        marks: [
          { mark: ["moveFrom"], text: "1.\tContinue to implement all decisions;" },
          { mark: ["ins"], text: "3.\tContinue to implement" },
          { mark: ["moveTo"], text: "4.\tall decisions;" },
        ],
      },
      {
        after: joined,
        classification: "merged",
        marks: [
          { mark: ["moveTo"], text: "1.\tContinue to implement all decisions; Identify ways of strengthening the work of the OSCE;" },
          { mark: ["moveFrom"], text: "1.\tContinue to implement all decisions;" },
          { mark: ["moveFrom"], text: "2.\tIdentify ways of strengthening the work of the OSCE;" },
        ],
      },
    ];
    for (const { after, classification, marks: expected } of cases) {
      const result = compareParagraphs(seven, after);
      expect(result.pairs.filter((p) => p.moved).map((p) => p.classification)).toEqual([classification]);
      const xml = await documentXml(buildRedlineDocx(meta, result.pairs, () => ({ author: "Chair", date: "2026-11-22T10:00:00.000Z" }), { from: seven, to: after }));
      expect(paragraphs(xml, "accept")).toEqual(after.map((p) => p.text));
      expect(paragraphs(xml, "reject")).toEqual(seven.map((p) => p.text));
      expect(moveRanges(xml).map((r) => r.name)).toEqual(["move1", "move1"]);
      expect(marks(xml).filter((p) => p.mark.length)).toEqual(expected);
    }
  });

  it("redline DOCX: a split is an inserted paragraph mark, with only the words it changed marked", async () => {
    const whole = "Stresses the need to protect the infrastructure, and calls upon States to refrain from attacks on it;";
    const before = [rev1[0]!, P("o1", "operative", "OP1", whole), P("o2", "operative", "OP2", "Decides to remain seized of the matter.")];
    const after = [rev1[0]!, P("o1", "operative", "OP1", "Stresses the need to protect the infrastructure,"), P("o9", "operative", "OP2", "Calls upon States to refrain from attacks on it;"), P("o2", "operative", "OP3", "Decides to remain seized of the matter.")];
    const result = compareParagraphs(before, after);
    expect(result.summary.split).toBe(1);
    const xml = await documentXml(buildRedlineDocx(meta, result.pairs, () => ({ author: "Chair", date: "2026-11-22T10:00:00.000Z" }), { from: before, to: after }));
    expect(paragraphs(xml, "accept")).toEqual(after.map((p) => p.text));
    expect(paragraphs(xml, "reject")).toEqual(before.map((p) => p.text));
    // The words that did not change are not deleted and inserted again (they were, whole).
    const changed = revisions(xml).join("|");
    expect(changed).not.toContain("protect the infrastructure");
    expect(changed).not.toContain("refrain from attacks");
    expect(revisions(xml)).toEqual(expect.arrayContaining(["-and calls", "+Calls"]));
  });

  it("redline DOCX: paragraphs joined into one are deleted paragraph marks; a three-way split joins back on reject", async () => {
    const before = [P("o1", "operative", "OP1", "Welcomes the report;"), P("o2", "operative", "OP2", "Thanks the Chair for her work;"), P("o3", "operative", "OP3", "Decides to meet again.")];
    const joined = [P("o1", "operative", "OP1", "Welcomes the report; Thanks the Chair for her work;"), P("o3", "operative", "OP2", "Decides to meet again.")];
    const merge = compareParagraphs(before, joined);
    expect(merge.summary.merged).toBe(1);
    const xml = await documentXml(buildRedlineDocx(meta, merge.pairs, () => ({ author: "Chair", date: "2026-11-22T10:00:00.000Z" }), { from: before, to: joined }));
    expect(paragraphs(xml, "accept")).toEqual(joined.map((p) => p.text));
    expect(paragraphs(xml, "reject")).toEqual(before.map((p) => p.text));
    expect(revisions(xml).join("|")).not.toContain("Welcomes the report");

    const three = [P("o1", "operative", "OP1", "Welcomes the report, thanks the Chair, and decides to meet again.")];
    const parts = [P("o1", "operative", "OP1", "Welcomes the report,"), P("o7", "operative", "OP2", "thanks the Chair,"), P("o8", "operative", "OP3", "and decides to meet again.")];
    const split = compareParagraphs(three, parts);
    const xml3 = await documentXml(buildRedlineDocx(meta, split.pairs, () => ({ author: "Chair", date: "2026-11-22T10:00:00.000Z" }), { from: three, to: parts }));
    expect(paragraphs(xml3, "accept")).toEqual(parts.map((p) => p.text));
    expect(paragraphs(xml3, "reject")).toEqual(three.map((p) => p.text));
  });

  it("Markdown and HTML: UN numbering, brackets, escaping; pending insertions are not exported", () => {
    const withMarks = [
      ...rev2.slice(0, 3),
      { ...rev2[3]!, runs: [{ text: "Continue to " }, { text: "fully ", marks: ["insertion" as const] }, { text: "implement", marks: ["bracket" as const] }] },
      P("x", "paragraph", "1.", "<script>alert(1)</script>"),
    ];
    const md = toMarkdown(meta, withMarks);
    expect(md).toContain("# Enhancing OSCE efforts");
    expect(md).toContain("**PP1** Noting the immense opportunities");
    expect(md).toContain("1. Continue to [implement]");
    expect(md).not.toContain("fully");
    const html = toHtml(meta, withMarks);
    expect(html).toContain("<em>Noting</em>");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("Word and HTML set a paragraph that starts in Arabic right to left (its words and the Latin ones in it in reading order), and only that one", async () => {
    const mixed = P("m", "paragraph", "1.", "Российская Федерация предложила конвенцию. وأكدت المجموعة العربية أهمية بناء القدرات.");
    const arabic = P("a", "paragraph", "2.", "تؤكد الجمعية العامة أن القانون الدولي ينطبق على تكنولوجيا المعلومات (ICT) وفقا للقرار 75/240.");
    const xml = await documentXml(buildDocx(meta, [mixed, arabic]));
    const paras = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!).filter((p) => /<w:t/.test(p));
    expect(paras.map((p) => p.includes("<w:bidi/>"))).toEqual([false, true]);
    const longer = { ...arabic, text: `${arabic.text} وتدعو`, runs: [{ text: `${arabic.text} وتدعو` }] };
    const pairs = compareParagraphs([mixed, arabic], [mixed, longer]).pairs;
    const redline = await documentXml(buildRedlineDocx(meta, pairs, () => ({ author: "Chair", date: "2026-11-22T10:00:00.000Z" }), { from: [mixed, arabic], to: [mixed, longer] }));
    expect([...redline.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].filter((m) => /<w:t/.test(m[1]!)).map((m) => m[1]!.includes("<w:bidi/>"))).toEqual([false, true]);
    const html = toHtml(meta, [mixed, arabic]);
    expect(html.match(/<p [^>]*>/g)).toEqual(['<p class="paragraph" dir="auto">', '<p class="paragraph" dir="auto">']);
  });

  it("Akoma Ntoso of a report (numbered paragraphs, no operative part): its paragraphs in the main body with their numbers, dated as the document", () => {
    const report = [
      P("t", "title", null, "Draft final report"),
      P("s", "heading", null, "A. Existing and potential threats"),
      P("p1", "paragraph", "1.", "States expressed concern:"),
      P("b1", "bullet", "1(a)", "that threats grow;"),
      P("p2", "paragraph", "2.", "States should continue to meet."),
    ];
    const xml = toAkomaNtoso({ title: "Draft final report", symbol: "A/AC.292/2025/CRP.1", date: "10 July 2025", versionLabel: "Rev.1" }, report);
    const main = xml.slice(xml.indexOf("<mainBody>"), xml.indexOf("</mainBody>"));
    expect([...main.matchAll(/<num>([^<]*)<\/num><content><p>([^<]*)/g)].map((m) => [m[1], m[2]])).toEqual([
      ["1.", "States expressed concern:"],
      ["(a)", "that threats grow;"],
      ["2.", "States should continue to meet."],
    ]);
    expect(main).toContain("A. Existing and potential threats");
    // AKN's recitals hold at least one recital, its preamble at least one element: none are written empty.
    expect(xml).not.toMatch(/<recitals>\s*<\/recitals>|<preamble>\s*<\/preamble>/);
    expect(xml).toContain('<docDate date="2025-07-10">10 July 2025</docDate>');
  });

  it("Akoma Ntoso keeps the text's order: the lines before the preambular paragraphs, the recitals, then \"Decides to:\" leading the operative part", () => {
    const decision = [
      P("m", "heading", null, "Second day of the Twenty-Fourth Meeting"),
      P("t", "title", null, "Enhancing OSCE efforts"),
      P("c", "heading", null, "The Ministerial Council,"),
      P("p1", "preambular", "PP1", "Noting the immense opportunities of ICTs,"),
      P("p2", "preambular", "PP2", "Recognizing the risks,"),
      P("h", "heading", null, "Decides to:"),
      P("o1", "operative", "OP1", "Continue to implement all decisions;"),
    ];
    const xml = toAkomaNtoso(meta, decision);
    const at = (text: string) => xml.indexOf(text);
    // "Decides to:" was written first in the preamble, before PP1.
    expect(at("Second day")).toBeLessThan(at("The Ministerial Council,"));
    expect(at("The Ministerial Council,")).toBeLessThan(at("Noting the immense"));
    expect(at("Recognizing the risks")).toBeLessThan(at("Decides to:"));
    expect(at("<mainBody>")).toBeLessThan(at("Decides to:"));
    expect(xml).toContain('<hcontainer name="leadIn" eId="hcontainer_1"><content><p>Decides to:</p></content></hcontainer>');
    expect(xml.match(/<recitals>/g)).toHaveLength(1);
    // Dated as the document: the work's date is the document's, not an adoption.
    expect(xml).toContain('<FRBRdate date="2017-12-07" name="document"/>');
    expect(xml).not.toContain("adoption");
  });

  it("Akoma Ntoso of a decision with no preambular paragraph: its opening line stays a formula of the preamble, only \"Decides:\" leads the main body", () => {
    const xml = toAkomaNtoso(meta, [P("t", "title", null, "Decision"), P("c", "heading", null, "The Permanent Council,"), P("d", "heading", null, "Decides:"), P("o1", "operative", "OP1", "To act.")]);
    expect(xml).toContain('<formula name="text"><p>The Permanent Council,</p></formula>');
    expect(xml.match(/name="leadIn"/g)).toHaveLength(1);
    expect(xml.indexOf("</preamble>")).toBeLessThan(xml.indexOf("Decides:"));
  });

  it("Akoma Ntoso of an undated draft: no docDate made up from today; the FRBR dates are the export's and say so", () => {
    const xml = toAkomaNtoso({ ...meta, date: null }, rev2);
    expect(xml).not.toContain("<docDate");
    const today = new Date().toISOString().slice(0, 10);
    expect(xml).toContain(`<FRBRdate date="${today}" name="export"/>`);
    expect(xml).not.toMatch(/name="(adoption|document)"/);
  });

  it("Akoma Ntoso: preface, preamble with a recital per PP, main body with a paragraph per OP, well formed", () => {
    const xml = toAkomaNtoso(meta, rev2);
    expect(xml.indexOf("<preface>")).toBeLessThan(xml.indexOf("<preamble>"));
    expect(xml.indexOf("<preamble>")).toBeLessThan(xml.indexOf("<mainBody>"));
    expect(xml.match(/<recital /g)).toHaveLength(1);
    expect(xml.match(/<paragraph /g)).toHaveLength(2);
    const stack: string[] = [];
    for (const [, close, name, self] of xml.replace(/<\?xml[^>]*>/, "").matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
      if (self) continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
  });
});

describe("bracketed language split into runs (formatting or a tracked change inside it)", () => {
  const charter: ExportParagraph = {
    id: "b1",
    kind: "operative",
    number: "OP1",
    text: "Reaffirms that international law, including, inter alia, the Charter, applies;",
    runs: [
      { text: "Reaffirms that international law, " },
      { text: "including, ", marks: ["bracket"] },
      { text: "inter alia", marks: ["bracket", "italic"] },
      { text: ", the Charter", marks: ["bracket"] },
      { text: ", applies;" },
    ],
  };
  // A delegation's proposal inside the brackets: a deletion (printed, not yet agreed) and an insertion (not printed).
  const rights: ExportParagraph = {
    id: "b2",
    kind: "operative",
    number: "OP2",
    text: "Recalls their responsibilities to respect human rights and fundamental new freedoms.",
    runs: [
      { text: "Recalls " },
      { text: "their responsibilities to respect human rights and ", marks: ["bracket"] },
      { text: "fundamental ", marks: ["bracket", "deletion"] },
      { text: "new ", marks: ["bracket", "insertion"] },
      { text: "freedoms", marks: ["bracket"] },
      { text: "." },
    ],
  };
  const one = "[including, inter alia, the Charter]";
  const two = "[their responsibilities to respect human rights and fundamental freedoms]";

  it("prints one pair of brackets around the whole stretch, in every format (it printed one pair per run)", async () => {
    expect(printedText(charter)).toBe(`Reaffirms that international law, ${one}, applies;`);
    expect(printedText(rights)).toBe(`Recalls ${two}.`);
    expect(toMarkdown(meta, [charter])).toContain("[including, *inter alia*, the Charter]");
    expect(toHtml(meta, [charter])).toContain("[including, <em>inter alia</em>, the Charter]");
    expect(toAkomaNtoso(meta, [charter, rights])).toContain("[including, <i>inter alia</i>, the Charter]");
    const docx = paragraphs(await documentXml(buildDocx(meta, [charter, rights])), "accept").join("\n");
    expect(docx).toContain(one);
    expect(docx).toContain(two);
    const pdf = (await pdfToText(await buildPdf(meta, [charter, rights], pdfFonts()))).replace(/\s+/g, " ");
    expect(pdf).toContain(one);
    expect(pdf).toContain(two);
    const compilation = text(await documentXml(buildCompilationDocx(meta, [{ paragraph: charter, status: null, entries: [] }])));
    expect(compilation).toContain(one);
    for (const out of [docx, pdf, compilation]) expect(out).not.toMatch(/\]\[/);
  });
});

describe("the Word export's headings and pages", () => {
  it("prints headings bold, as the PDF does, gives Word an outline (title Heading 1, headings after it Heading 2, in black Times) and numbers the pages", async () => {
    const decision = [P("m", "heading", null, "Second day of the Meeting"), ...rev2];
    const parts = await wordParts(buildDocx(meta, decision));
    const body = parts["word/document.xml"]!;
    const paragraph = (text: string) => [...body.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes(text))!;
    expect(paragraph("Enhancing OSCE efforts")).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraph("Decides to:")).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paragraph("Decides to:")).toMatch(/<w:b\/>|<w:b w:val="true"\/>|<w:b w:val="1"\/>/);
    // The meeting's line above the title is bold but no heading of the outline.
    expect(paragraph("Second day of the Meeting")).not.toContain("w:pStyle");
    expect(paragraph("Second day of the Meeting")).toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
    expect(parts["word/styles.xml"]).toMatch(/<w:style w:type="paragraph" w:styleId="Heading2">[\s\S]*?Times New Roman[\s\S]*?<w:color w:val="000000"\/>/);
    const footer = Object.entries(parts).find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1] ?? "";
    expect(footer).toContain("PAGE");
    expect(footer).toContain("NUMPAGES");
  });
});

