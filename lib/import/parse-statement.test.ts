import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeNumbers } from "../model/numbering";
import type { Block, BlockKind, ImportedDocument } from "../model/types";
import { parseInline } from "./inline";
import { metaLine } from "./metadata";
import { parseStatement } from "./parse-statement";

const SEEDS = path.join(process.cwd(), "seeds");
const files = fs.readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();
const source = (prefix: string) => fs.readFileSync(path.join(SEEDS, files.find((f) => f.startsWith(prefix)) ?? prefix), "utf8");
const seed = (prefix: string) => parseStatement(source(prefix));

const textOf = (b: Block) => b.runs.map((r) => r.text).join("");
const ofKind = (doc: ImportedDocument, kind: BlockKind) => doc.blocks.filter((b) => b.kind === kind);

function counts(doc: ImportedDocument): Record<BlockKind, number> {
  const result: Record<BlockKind, number> = { title: 0, heading: 0, preambular: 0, operative: 0, paragraph: 0, bullet: 0 };
  for (const b of doc.blocks) result[b.kind] += 1;
  return result;
}

/** A source line as it should read in the model: list/number marker and emphasis markers gone. */
function normalise(line: string): string {
  return line
    .trim()
    .replace(/^(?:[-•]|\d{1,3}\.)\s+/, "")
    .replace(/\*\*/g, " ")
    .replace(/\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

describe("parseStatement on the five seeds", () => {
  it("finds five seed files", () => {
    expect(files).toHaveLength(5);
  });

  for (const file of files) {
    describe(file, () => {
      const text = fs.readFileSync(path.join(SEEDS, file), "utf8");
      const doc = parseStatement(text);

      it("gives every block a unique id and trimmed, non-empty, marker-free runs", () => {
        expect(doc.blocks.length).toBeGreaterThan(5);
        expect(new Set(doc.blocks.map((b) => b.id)).size).toBe(doc.blocks.length);
        for (const b of doc.blocks) {
          const t = textOf(b);
          expect(t).not.toBe("");
          expect(t).toBe(t.trim());
          expect(t).not.toContain("**");
          expect(t).not.toMatch(/^(?:- |• |\d+\. )/);
          b.runs.forEach((r, i) => {
            expect(r.text).not.toBe("");
            if (r.marks) expect(r.marks).toEqual([...r.marks].sort());
            expect(r.marks).not.toEqual([]);
            if (i > 0) expect(r.marks ?? []).not.toEqual(b.runs[i - 1]?.marks ?? []);
          });
        }
      });

      it("has exactly one title, which is the meta title", () => {
        const titles = ofKind(doc, "title");
        expect(titles).toHaveLength(1);
        expect(doc.meta.title).toBe(textOf(titles[0] as Block));
      });

      it("keeps every source line, in order, with nothing added; only metadata lines leave the text", () => {
        const kept: string[] = [];
        for (const line of text.split("\n").map(normalise).filter(Boolean)) {
          if (/^\[?Original:/i.test(line) || line === "ENGLISH") {
            expect(doc.meta.originalLanguage).toBeDefined();
          } else if (line !== doc.meta.symbol && line !== doc.meta.date) {
            kept.push(line);
          }
        }
        expect(doc.blocks.map(textOf).join(" ")).toBe(kept.join(" "));
      });
    });
  }

  it("000, OEWG joint statement: title with the italic list of States, New York dateline", () => {
    const doc = seed("000");
    expect(doc.meta).toEqual({ title: expect.stringMatching(/^Joint statement by the Republic of Belarus, .* ICTs 2021-2025$/), place: "New York", date: "27 July 2023" });
    const title = doc.blocks[0] as Block;
    expect(title.kind).toBe("title");
    expect(title.runs).toEqual([
      { text: "Joint statement by ", marks: ["bold"] },
      { text: expect.stringMatching(/^the Republic of Belarus, .* and the Bolivarian Republic of Venezuela$/), marks: ["bold", "italic"] },
      { text: expect.stringMatching(/^ on the final draft of the annual progress report/), marks: ["bold"] },
    ]);
    expect(doc.blocks[1]).toMatchObject({ kind: "heading", runs: [{ text: "New York, 27 July 2023", marks: ["bold"] }] });
    expect(counts(doc)).toEqual({ title: 1, heading: 1, preambular: 0, operative: 0, paragraph: 12, bullet: 0 });
  });

  it("001, CSTO note verbale: the annexed statement is the title, its original language is Russian", () => {
    const doc = seed("001");
    expect(doc.meta).toEqual({
      title: "Joint statement of the States-Members of the Collective Security Treaty Organization (CSTO) in support of the Conference on Disarmament",
      date: "23 February 2021",
      originalLanguage: "Russian",
    });
    expect(ofKind(doc, "heading").map(textOf)).toEqual([
      "Conference on Disarmament",
      expect.stringMatching(/^Note verbale dated 10 February 2021 from the Permanent Mission/),
      "Annex",
    ]);
    const annex = doc.blocks.findIndex((b) => textOf(b) === "Annex");
    expect(doc.blocks[annex + 1]?.kind).toBe("title");
    expect(counts(doc)).toEqual({ title: 1, heading: 3, preambular: 0, operative: 0, paragraph: 10, bullet: 0 });
  });

  it("002, OSCE decision: 10 preambular and 4 operative paragraphs, numbered PP1.. and OP1..", () => {
    const doc = seed("002");
    expect(doc.meta.title).toContain("ENHANCING OSCE EFFORTS");
    expect(doc.meta.title).toBe(
      "ENHANCING OSCE EFFORTS TO REDUCE THE RISKS OF CONFLICT STEMMING FROM THE USE OF INFORMATION AND COMMUNICATION TECHNOLOGIES",
    );
    expect(doc.meta.symbol).toBe("MC.DEC/5/17");
    const numbers = computeNumbers(doc.blocks.map((b) => b.kind));
    const numbered = doc.blocks.map((b, i) => ({ kind: b.kind, number: numbers[i], text: textOf(b) }));

    const pps = numbered.filter((b) => b.kind === "preambular");
    expect(pps.map((p) => p.text.split(" ")[0])).toEqual([
      "Noting", "Recognizing", "Reaffirming", "Expressing", "Reaffirming",
      "Recognizing", "Recalling", "Reiterating", "Welcoming", "Recognizing",
    ]);
    expect(pps.map((p) => p.number)).toEqual(pps.map((_, i) => `PP${i + 1}`));
    expect(pps[0]?.text).toMatch(/^Noting the immense opportunities/);

    const ops = numbered.filter((b) => b.kind === "operative");
    expect(ops.map((o) => o.number)).toEqual(["OP1", "OP2", "OP3", "OP4"]);
    expect(ops.map((o) => o.text)).toEqual([
      expect.stringMatching(/^Continue to implement all decisions/),
      expect.stringMatching(/^Identify ways of strengthening/),
      expect.stringMatching(/^Encourage executive OSCE structures/),
      expect.stringMatching(/^Invite the OSCE Partners for Co-operation .* technologies\.$/),
    ]);

    expect(ofKind(doc, "heading").map(textOf)).toEqual([
      "Second day of the Twenty-Fourth Meeting",
      "MC(24) Journal No. 2, Agenda item 7",
      "DECISION No. 5/17",
      "The Ministerial Council of the Organization for Security and Co-operation in Europe,",
      "Decides to:",
    ]);
    // Nothing in the decision carries a plain paragraph number.
    expect(numbers.filter((n) => n !== null && !/^(?:PP|OP)\d+$/.test(n))).toEqual([]);
    expect(doc.blocks.flatMap((b) => b.runs)).toContainEqual({ text: "inter alia", marks: ["italic"] });
  });

  it("003, MC.DEL/39/21: symbol, date, place and original language from the header", () => {
    const doc = seed("003");
    expect(doc.meta).toEqual({
      title: expect.stringMatching(/^JOINT STATEMENT BY THE MINISTERS FOR FOREIGN AFFAIRS OF THE REPUBLIC OF ARMENIA, .* OSCE MINISTERIAL COUNCIL$/),
      symbol: "MC.DEL/39/21",
      date: "3 December 2021",
      place: "Stockholm",
      originalLanguage: "Russian",
    });
    expect(doc.meta.title).not.toMatch(/\s{2}/);
    // The statement's own dateline differs from the document date, so it stays in the text.
    expect(ofKind(doc, "heading").map(textOf)).toEqual(["Stockholm, 2 December 2021"]);
    expect(textOf(doc.blocks[0] as Block)).toMatch(/^The OSCE Secretariat bears no responsibility/);
    expect(counts(doc)).toEqual({ title: 1, heading: 1, preambular: 0, operative: 0, paragraph: 15, bullet: 0 });
  });

  it("004, Albania: title from the first line, five bullets ('- ' and '•'), the second with a bold lead", () => {
    const doc = seed("004");
    expect(doc.meta.title).toMatch(/^Contribution by Albania on the Programme of Action \(PoA\)/);
    expect(doc.blocks[0]?.kind).toBe("title");
    const bullets = ofKind(doc, "bullet");
    expect(bullets.map((b) => textOf(b).split(":")[0])).toEqual([
      "Facilitate the exchange of best practices",
      "Support capacity building",
      "Facilitate and encourage the implementation of existing international law and norms of responsible state behaviour in cyberspace",
      "Encourage information sharing",
      "Facilitate cooperation and inclusiveness",
    ]);
    expect(bullets[1]?.runs).toEqual([
      { text: "Support capacity building:", marks: ["bold"] },
      { text: expect.stringMatching(/^ The PoA should support States/) },
    ]);
    const numbers = computeNumbers(doc.blocks.map((b) => b.kind));
    expect(numbers.filter((n) => n?.includes("("))).toEqual(["5(a)", "5(b)", "5(c)", "5(d)", "5(e)"]);
    expect(counts(doc)).toEqual({ title: 1, heading: 0, preambular: 0, operative: 0, paragraph: 8, bullet: 5 });
  });
});

describe("parseInline", () => {
  it("nests italic in bold and bold in italic, sorting marks", () => {
    expect(parseInline("**Joint statement by *the Republic of X* on Y**")).toEqual([
      { text: "Joint statement by ", marks: ["bold"] },
      { text: "the Republic of X", marks: ["bold", "italic"] },
      { text: " on Y", marks: ["bold"] },
    ]);
    expect(parseInline("*a **b** c*")).toEqual([
      { text: "a ", marks: ["italic"] },
      { text: "b", marks: ["bold", "italic"] },
      { text: " c", marks: ["italic"] },
    ]);
    expect(parseInline("***both*** plain")).toEqual([{ text: "both", marks: ["bold", "italic"] }, { text: " plain" }]);
  });

  it("keeps unpaired and escaped asterisks as text, and trims the block", () => {
    expect(parseInline("  Thank you, Chair* and 5 * 3 \\*not italic\\*  ")).toEqual([{ text: "Thank you, Chair* and 5 * 3 *not italic*" }]);
  });

  it("merges adjacent runs with the same marks and drops empty spans", () => {
    expect(parseInline("**a****b** c ****")).toEqual([{ text: "ab", marks: ["bold"] }, { text: " c ****" }]);
  });
});

describe("metaLine", () => {
  it.each(["A/AC.292/2023/CRP.1", "CD/2205", "A/RES/75/240", "MC.DEL/39/21", "E/CN.6/2023/L.3", "A/77/275/Rev.1", "S/2017/375"])(
    "recognises the symbol %s",
    (symbol) => {
      expect(metaLine(symbol)).toEqual({ kind: "symbol", value: symbol });
    },
  );

  it("rejects lines that only look like symbols", () => {
    for (const line of ["N/A", "and/or", "MC(24) Journal No. 2, Agenda item 7", "DECISION No. 5/17"]) expect(metaLine(line)).toBeNull();
  });

  it("reads dates, datelines and language notes", () => {
    expect(metaLine("27 July 2023")).toEqual({ kind: "date", value: "27 July 2023" });
    expect(metaLine("July 27, 2023")).toEqual({ kind: "date", value: "July 27, 2023" });
    expect(metaLine("New York, 27 July 2023")).toEqual({ kind: "place-date", place: "New York", date: "27 July 2023" });
    expect(metaLine("[Original: Russian]")).toEqual({ kind: "original", value: "Russian" });
    expect(metaLine("Original: RUSSIAN")).toEqual({ kind: "original", value: "Russian" });
    expect(metaLine("ENGLISH")).toEqual({ kind: "language", value: "English" });
    expect(metaLine("Note verbale dated 10 February 2021")).toBeNull();
  });
});

describe("parseStatement on small texts", () => {
  const ids = () => {
    let n = 0;
    return { newId: () => `b${++n}` };
  };
  const shape = (doc: ImportedDocument) => doc.blocks.map((b) => [b.kind, textOf(b)]);

  it("keeps a bold span wrapped over lines in one title block, with italics inside", () => {
    const doc = parseStatement("**A title that wraps\nover two lines with *emphasis*\ninside**\n\nBody text.", ids());
    expect(doc.blocks).toEqual([
      {
        id: "b1",
        kind: "title",
        runs: [
          { text: "A title that wraps over two lines with ", marks: ["bold"] },
          { text: "emphasis", marks: ["bold", "italic"] },
          { text: " inside", marks: ["bold"] },
        ],
      },
      { id: "b2", kind: "paragraph", runs: [{ text: "Body text." }] },
    ]);
    expect(doc.meta.title).toBe("A title that wraps over two lines with emphasis inside");
  });

  it("takes paragraphs labelled PP1. / OP1) for preambular and operative, without their labels", () => {
    const doc = parseStatement("**Draft decision**\n\nPP1. Recalling its earlier decisions,\n\nPP 2) Noting the report,\n\n**OP1.** Decides to continue;\n\nop2: Requests a report.\n\nOPEC members attended.", ids());
    expect(shape(doc)).toEqual([
      ["title", "Draft decision"],
      ["preambular", "Recalling its earlier decisions,"],
      ["preambular", "Noting the report,"],
      ["operative", "Decides to continue;"],
      ["operative", "Requests a report."],
      ["paragraph", "OPEC members attended."],
    ]);
  });

  it("joins hard-wrapped prose but keeps short header lines apart", () => {
    const doc = parseStatement(
      [
        "DECISION No. 1/23",
        "**TITLE OF A DECISION ON SOMETHING**",
        "",
        "The Council notes that the wrapped paragraph goes on past the end of this",
        "line. It continues here and ends on a short line",
        "like this.",
      ].join("\n"),
    );
    expect(shape(doc)).toEqual([
      ["heading", "DECISION No. 1/23"],
      ["title", "TITLE OF A DECISION ON SOMETHING"],
      ["paragraph", "The Council notes that the wrapped paragraph goes on past the end of this line. It continues here and ends on a short line like this."],
    ]);
  });

  it("reads '-', '•' and '(a)' items as bullets, joining a wrapped item", () => {
    const doc = parseStatement(
      "Title line here for the test\n\nWe propose:\n- one\n• two, which is long enough to have been wrapped by the editor\nonto a second line\n(c) three",
      ids(),
    );
    expect(shape(doc)).toEqual([
      ["title", "Title line here for the test"],
      ["paragraph", "We propose:"],
      ["bullet", "one"],
      ["bullet", "two, which is long enough to have been wrapped by the editor onto a second line"],
      ["bullet", "three"],
    ]);
    expect(computeNumbers(doc.blocks.map((b) => b.kind))).toEqual([null, "1.", "1(a)", "1(b)", "1(c)"]);
  });

  it("reads a decision: chapeau, preamble, 'Decides:', numbered OPs with numbers stripped, subparagraphs", () => {
    const doc = parseStatement(
      [
        "Draft decision on confidence-building measures",
        "The Permanent Council,",
        "Recalling its Decision No. 1039,",
        "",
        "Deeply concerned by the rise of incidents,",
        "",
        "Further recalling the Helsinki Final Act,",
        "",
        "Decides:",
        "",
        "1. To convene an informal working group;",
        "2. To request the Secretariat:",
        "(a) To report annually;",
        "(b) To publish the report.",
      ].join("\n"),
      ids(),
    );
    expect(shape(doc)).toEqual([
      ["title", "Draft decision on confidence-building measures"],
      ["heading", "The Permanent Council,"],
      ["preambular", "Recalling its Decision No. 1039,"],
      ["preambular", "Deeply concerned by the rise of incidents,"],
      ["preambular", "Further recalling the Helsinki Final Act,"],
      ["heading", "Decides:"],
      ["operative", "To convene an informal working group;"],
      ["operative", "To request the Secretariat:"],
      ["bullet", "To report annually;"],
      ["bullet", "To publish the report."],
    ]);
    expect(computeNumbers(doc.blocks.map((b) => b.kind))).toEqual([null, null, "PP1", "PP2", "PP3", null, "OP1", "OP2", "(a)", "(b)"]);
  });

  it("keeps the chapeau unnumbered where the first preambular opener is not a known one, or the paragraphs are labelled PP / OP", () => {
    const numbered = (text: string) => {
      const doc = parseStatement(text);
      const numbers = computeNumbers(doc.blocks.map((b) => b.kind));
      return doc.blocks.map((b, i) => [numbers[i], b.kind, textOf(b)]);
    };
    expect(
      numbered(
        "Draft resolution on maintenance of peace\n\nThe Security Council,\n\nPursuant to its resolution 2417 (2018),\n\nRecalling its resolution 2532 (2020),\n\n**Sanctions**\n\nActing under Chapter VII of the Charter of the United Nations,\n\n1. Decides to renew the measures;",
      ),
    ).toEqual([
      [null, "title", "Draft resolution on maintenance of peace"],
      [null, "heading", "The Security Council,"],
      ["PP1", "preambular", "Pursuant to its resolution 2417 (2018),"],
      ["PP2", "preambular", "Recalling its resolution 2532 (2020),"],
      [null, "heading", "Sanctions"],
      ["PP3", "preambular", "Acting under Chapter VII of the Charter of the United Nations,"],
      ["OP1", "operative", "Decides to renew the measures;"],
    ]);
    expect(numbered("Draft resolution on X\n\nThe General Assembly,\n\nPP1. Recalling its resolution 74/28,\n\nOP1. Decides to act;")).toEqual([
      [null, "title", "Draft resolution on X"],
      [null, "heading", "The General Assembly,"],
      ["PP1", "preambular", "Recalling its resolution 74/28,"],
      ["OP1", "operative", "Decides to act;"],
    ]);
  });

  it("reads numbered paragraphs after a preamble as operative even without a lead-in", () => {
    const doc = parseStatement("**Resolution on a topic of interest**\n\nThe General Assembly,\n\nNoting the report,\n\n1. Decides to act;\n\n2. Requests a report.");
    expect(doc.blocks.map((b) => b.kind)).toEqual(["title", "heading", "preambular", "operative", "operative"]);
  });

  it("leaves participle-led paragraphs of an ordinary statement, and a report's numbered paragraphs, as paragraphs", () => {
    const statement = parseStatement("Statement by the delegation of X\n\nRecognizing the efforts of the Chair, we support the text.\n\nNoting the time, I stop.");
    expect(statement.blocks.map((b) => b.kind)).toEqual(["title", "paragraph", "paragraph"]);
    const report = parseStatement("Report of the Working Group\n\n1. The Group met twice.\n2. It adopted its report.");
    expect(shape(report)).toEqual([
      ["title", "Report of the Working Group"],
      ["paragraph", "The Group met twice."],
      ["paragraph", "It adopted its report."],
    ]);
  });

  it("takes symbol, date and original language from a UN header, and handles CRLF", () => {
    const doc = parseStatement("A/AC.292/2023/CRP.1\r\n\r\n23 February 2021\r\n\r\nOriginal: English\r\n\r\n**Chair's summary of the session**\r\n\r\nText.\r\n");
    expect(doc.meta).toEqual({ title: "Chair's summary of the session", symbol: "A/AC.292/2023/CRP.1", date: "23 February 2021", originalLanguage: "English" });
    expect(shape(doc)).toEqual([
      ["title", "Chair's summary of the session"],
      ["paragraph", "Text."],
    ]);
  });

  it("reads items nested under a numbered paragraph as its subparagraphs, leaving the numbering of the next ones alone", () => {
    const md = [
      "# Draft resolution on cyber capacity-building",
      "",
      "The General Assembly,",
      "",
      "Recalling its resolution 73/27,",
      "",
      "1. Decides to convene a working group;",
      "2. Encourages Member States to report:",
      "   a. within three months;",
      "   b. through the network;",
      "3. Requests the Secretary-General to report;",
      "",
      "4. Decides to remain seized of the matter:",
      "",
      "   - in plenary;",
      "",
      "     1. at its next session;",
      "5. Closes the session.",
    ].join("\n");
    const doc = parseStatement(md, { markdownHeadings: true });
    const numbers = computeNumbers(doc.blocks.map((b) => b.kind));
    expect(doc.blocks.map((b, i) => [numbers[i], b.kind, b.runs.map((r) => r.text).join("")])).toEqual([
      [null, "title", "Draft resolution on cyber capacity-building"],
      [null, "heading", "The General Assembly,"],
      ["PP1", "preambular", "Recalling its resolution 73/27,"],
      ["OP1", "operative", "Decides to convene a working group;"],
      ["OP2", "operative", "Encourages Member States to report:"],
      ["(a)", "bullet", "within three months;"],
      ["(b)", "bullet", "through the network;"],
      ["OP3", "operative", "Requests the Secretary-General to report;"],
      ["OP4", "operative", "Decides to remain seized of the matter:"],
      ["(a)", "bullet", "in plenary;"],
      ["(b)", "bullet", "at its next session;"],
      ["OP5", "operative", "Closes the session."],
    ]);
    // Unindented, "a." is ordinary text: a wrapped line is still joined to its paragraph.
    expect(shape(parseStatement("Statement by the delegation of X\n\nWe support the idea of a mechanism that is\na. priori useful."))).toEqual([
      ["title", "Statement by the delegation of X"],
      ["paragraph", "We support the idea of a mechanism that is a. priori useful."],
    ]);
  });

  it("gives unique random ids by default", () => {
    const doc = parseStatement("Title of the thing\n\nOne.\n\nTwo.");
    expect(new Set(doc.blocks.map((b) => b.id)).size).toBe(3);
    for (const b of doc.blocks) expect(b.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("returns no blocks for empty text", () => {
    expect(parseStatement(" \n\n ")).toEqual({ meta: { title: "Untitled" }, blocks: [] });
  });
});
