import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeNumbers } from "../model/numbering";
import type { BlockKind, ImportedDocument } from "../model/types";
import { parseStatement } from "./parse-statement";
import { plainText } from "./inline";
import { metaLine } from "./metadata";

const SEEDS = path.join(process.cwd(), "seeds");
const files = fs.readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();
const read = (prefix: string) => fs.readFileSync(path.join(SEEDS, files.find((f) => f.startsWith(prefix))!), "utf8");

function kinds(doc: ImportedDocument): Record<BlockKind, number> {
  const counts: Record<BlockKind, number> = { title: 0, heading: 0, preambular: 0, operative: 0, paragraph: 0, bullet: 0 };
  for (const b of doc.blocks) counts[b.kind] += 1;
  return counts;
}

const text = (doc: ImportedDocument, i: number) => doc.blocks[i]!.runs.map((r) => r.text).join("");

describe("parseStatement on the five seeds", () => {
  it("finds five seed files", () => {
    expect(files).toHaveLength(5);
  });

  for (const file of files) {
    describe(file, () => {
      const source = fs.readFileSync(path.join(SEEDS, file), "utf8");
      const doc = parseStatement(source);

      it("gives every block a unique id and non-empty, marker-free text", () => {
        expect(new Set(doc.blocks.map((b) => b.id)).size).toBe(doc.blocks.length);
        for (const [i, b] of doc.blocks.entries()) {
          const t = text(doc, i);
          expect(t.trim()).not.toBe("");
          expect(t).not.toContain("**");
          expect(t).not.toMatch(/^(- |• |\d+\. )/);
          expect(t).toBe(t.trim());
          for (const r of b.runs) {
            expect(r.text).not.toBe("");
            if (r.marks) expect(r.marks.length).toBeGreaterThan(0);
          }
        }
        expect(doc.blocks.filter((b) => b.kind === "title")).toHaveLength(1);
      });

      it("loses no sentence of the source", () => {
        const all = plainText(
          [doc.meta.title, doc.meta.symbol, doc.meta.date, doc.meta.place, ...doc.blocks.map((_, i) => text(doc, i))].join(" "),
        );
        const paragraphs = source
          .replace(/^Annex\*\*/m, "Annex **")
          .split(/\n\s*\n/)
          .map((p) => plainText(p.replace(/^\s*([-•]|\d+\.)\s+/gm, "")))
          .filter((p) => !metaLine(p));
        for (const p of paragraphs) {
          for (const sentence of p.split(/(?<=[.;:])\s+/).filter((s) => s.length > 25)) {
            expect(all).toContain(sentence);
          }
        }
      });
    });
  }

  it("000, OEWG joint statement: title with the italic list of States, place and date", () => {
    const doc = parseStatement(read("000"));
    expect(doc.meta).toMatchObject({ place: "New York", date: "27 July 2023" });
    expect(doc.meta.title).toMatch(/^Joint statement by the Republic of Belarus/);
    const title = doc.blocks.find((b) => b.kind === "title")!;
    expect(title.runs[1]).toEqual({ text: expect.stringMatching(/^the Republic of Belarus.*Venezuela$/), marks: ["bold", "italic"] });
    expect(kinds(doc)).toMatchObject({ title: 1, preambular: 0, operative: 0, paragraph: 12 });
  });

  it("001, CSTO note verbale: headings, the annex statement, original language", () => {
    const doc = parseStatement(read("001"));
    expect(doc.meta).toMatchObject({ date: "23 February 2021", originalLanguage: "English" });
    expect(doc.meta.title).toMatch(/^Joint statement of the States-Members of the Collective Security Treaty Organization/);
    expect(doc.blocks.filter((b) => b.kind === "heading").map((_, i, arr) => arr[i]!.runs[0]!.text)).toEqual([
      "Conference on Disarmament",
      "Annex",
    ]);
    expect(kinds(doc)).toMatchObject({ preambular: 0, operative: 0, paragraph: 11 });
  });

  it("002, OSCE decision: 10 preambular and 4 operative paragraphs, numbered", () => {
    const doc = parseStatement(read("002"));
    expect(doc.meta.title).toContain("ENHANCING OSCE EFFORTS");
    expect(doc.meta.symbol).toBe("MC.DEC/5/17");
    expect(kinds(doc)).toMatchObject({ title: 1, preambular: 10, operative: 4 });
    const numbers = computeNumbers(doc.blocks.map((b) => b.kind));
    const ops = doc.blocks.map((b, i) => ({ b, n: numbers[i], t: text(doc, i) })).filter((x) => x.b.kind === "operative");
    expect(ops.map((o) => o.n)).toEqual(["OP1", "OP2", "OP3", "OP4"]);
    expect(ops.map((o) => o.t.split(" ").slice(0, 2).join(" "))).toEqual(["Continue to", "Identify ways", "Encourage executive", "Invite the"]);
    const pp1 = doc.blocks.findIndex((b) => b.kind === "preambular");
    expect(numbers[pp1]).toBe("PP1");
    expect(text(doc, pp1)).toMatch(/^Noting the immense opportunities/);
    expect(doc.blocks.some((b, i) => b.kind === "heading" && text(doc, i) === "Decides to:")).toBe(true);
    expect(doc.blocks.some((b, i) => b.kind === "heading" && text(doc, i) === "DECISION No. 5/17")).toBe(true);
    // "inter alia" stays italic inside PP3.
    expect(doc.blocks.flatMap((b) => b.runs).find((r) => r.text === "inter alia")).toEqual({ text: "inter alia", marks: ["italic"] });
  });

  it("003, MC.DEL/39/21: symbol, date, place, original language from the header", () => {
    const doc = parseStatement(read("003"));
    expect(doc.meta).toMatchObject({ symbol: "MC.DEL/39/21", date: "3 December 2021", place: "Stockholm", originalLanguage: "Russian" });
    expect(doc.meta.title).toMatch(/^JOINT STATEMENT BY THE MINISTERS FOR FOREIGN AFFAIRS .* OSCE MINISTERIAL COUNCIL$/);
    expect(kinds(doc)).toMatchObject({ preambular: 0, operative: 0, paragraph: 15 });
  });

  it("004, Albania: five bullets ('- ' and '•'), the second with a bold lead", () => {
    const doc = parseStatement(read("004"));
    expect(doc.meta.title).toMatch(/^Contribution by Albania on the Programme of Action/);
    const bullets = doc.blocks.filter((b) => b.kind === "bullet");
    expect(bullets).toHaveLength(5);
    expect(bullets[1]!.runs[0]).toEqual({ text: "Support capacity building:", marks: ["bold"] });
    expect(bullets[4]!.runs[0]!.text).toMatch(/^Facilitate cooperation and inclusiveness/);
    const numbers = computeNumbers(doc.blocks.map((b) => b.kind));
    expect(numbers.filter((n) => n?.includes("("))).toEqual(["5(a)", "5(b)", "5(c)", "5(d)", "5(e)"]);
  });
});

describe("parseStatement on small texts", () => {
  let n = 0;
  const ids = { newId: () => `b${++n}` };

  it("nests italic in bold and keeps a bold span wrapped over lines in one block", () => {
    const doc = parseStatement("**A title that wraps\nover two lines with *emphasis* inside**\n\nBody text.", ids);
    expect(doc.blocks[0]).toMatchObject({
      kind: "title",
      runs: [
        { text: "A title that wraps over two lines with ", marks: ["bold"] },
        { text: "emphasis", marks: ["bold", "italic"] },
        { text: " inside", marks: ["bold"] },
      ],
    });
    expect(doc.blocks[1]).toMatchObject({ kind: "paragraph", runs: [{ text: "Body text." }] });
  });

  it("reads a resolution: preamble, 'Decides:', numbered operative paragraphs with numbers stripped", () => {
    const doc = parseStatement(
      "The General Assembly,\n\nRecalling its resolution 75/240,\n\nNoting with concern the rise of incidents,\n\nDecides:\n\n1. To convene a working group;\n2. To request a report.",
      ids,
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(["title", "preambular", "preambular", "heading", "operative", "operative"]);
    expect(doc.blocks[4]!.runs[0]!.text).toBe("To convene a working group;");
  });

  it("a statement paragraph starting with a participle stays a plain paragraph", () => {
    const doc = parseStatement("Statement by X\n\nRecognizing the efforts of the Chair, we support the text.", ids);
    expect(doc.blocks[1]!.kind).toBe("paragraph");
  });

  it("bullets with '•' and '-' markers", () => {
    const doc = parseStatement("Title line here for the test\n\nIntro paragraph:\n- one\n• two", ids);
    expect(doc.blocks.map((b) => [b.kind, b.runs[0]!.text])).toEqual([
      ["title", "Title line here for the test"],
      ["paragraph", "Intro paragraph:"],
      ["bullet", "one"],
      ["bullet", "two"],
    ]);
  });
});
