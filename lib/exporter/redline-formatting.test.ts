import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareParagraphs } from "../diff";
import { parseStatement } from "../import/parse-statement";
import { computeNumbers } from "../model/numbering";
import type { TextRun } from "../model/types";
import { buildDocx } from "./docx";
import { printedText, type ExportParagraph } from "./model";
import { buildRedlineDocx } from "./redline";
import { documentXml, paragraphs, styledRuns } from "./test-docx";

/** A paragraph from pieces of text: a string plain, `["bold" | "italic", text]` marked. */
const P = (id: string, kind: ExportParagraph["kind"], number: string | null, ...pieces: (string | [NonNullable<TextRun["marks"]>[number], string])[]): ExportParagraph => {
  const runs = pieces.map((p): TextRun => (typeof p === "string" ? { text: p } : { text: p[1], marks: [p[0]] }));
  return { id, kind, number, text: runs.map((r) => r.text).join(""), runs };
};

const meta = { title: "Enhancing OSCE efforts", symbol: "MC.DEC/5/17", date: "7 December 2017", versionLabel: "Rev.2" };
const by = () => ({ author: "Albania", date: "2026-11-22T10:00:00.000Z" });

async function redline(from: ExportParagraph[], to: ExportParagraph[]) {
  const result = compareParagraphs(from, to);
  const xml = await documentXml(buildRedlineDocx(meta, result.pairs, by, { from, to }));
  expect(paragraphs(xml, "accept")).toEqual(to.map((p) => p.text));
  expect(paragraphs(xml, "reject")).toEqual(from.map((p) => p.text));
  return { result, xml, styled: styledRuns(xml).filter((r) => r.style || r.was !== undefined) };
}

/** The bold and italic text of a document.xml in order, adjacent runs of one style joined: "b:…", "i:…". */
function styledText(xml: string): string[] {
  const joined: { style: string; text: string }[] = [];
  for (const { style, text } of styledRuns(xml)) {
    const last = joined.at(-1);
    if (last?.style === style) last.text += text;
    else joined.push({ style, text });
  }
  return joined.filter((r) => r.style).map((r) => `${r.style}:${r.text}`);
}

const seedDir = path.join(process.cwd(), "seeds");

describe("redline DOCX formatting", () => {
  for (const file of fs.readdirSync(seedDir).filter((f) => f.endsWith(".txt")).sort()) {
    it(`a redline of ${file} against itself has the bold and italic text of its clean DOCX`, async () => {
      const { meta: m, blocks } = parseStatement(fs.readFileSync(path.join(seedDir, file), "utf8"));
      const numbers = computeNumbers(blocks.map((b) => b.kind));
      // The text a comparison reads: as the exports print it, brackets as characters.
      const version = blocks.map((b, i) => ({ id: b.id, kind: b.kind, number: numbers[i] ?? null, text: printedText(b), runs: b.runs }));
      const clean = styledText(await documentXml(buildDocx({ ...meta, title: m.title }, version)));
      // The seeds have a bold title at least, and their preambular paragraphs' participles in italics.
      expect(clean.length).toBeGreaterThan(0);
      const xml = await documentXml(buildRedlineDocx(meta, compareParagraphs(version, version).pairs, by, { from: version, to: version }));
      expect(styledRuns(xml).every((r) => r.in === "kept" && r.was === undefined)).toBe(true);
      expect(styledText(xml)).toEqual(clean);
    });
  }

  it("kept and inserted words are styled as in the newer version, deleted ones as in the older; a word styled otherwise is a formatting revision", async () => {
    const older = [
      P("t", "title", null, "Enhancing OSCE efforts"),
      P("p1", "preambular", "PP1", "Noting the immense opportunities of ICTs,"),
      P("h", "heading", null, ["bold", "Decides to:"]),
      P("o1", "operative", "OP1", "Continue to implement all ", ["bold", "relevant"], " decisions;"),
      P("o2", "operative", "OP2", "Identify ways of strengthening the work of the ", ["italic", "OSCE"], ";"),
    ];
    const newer = [
      P("t", "title", null, "Enhancing ", ["italic", "OSCE"], " efforts"),
      older[1]!,
      older[2]!,
      P("o1", "operative", "OP1", "Continue to ", ["italic", "fully"], " implement all decisions;"),
      P("o3", "operative", "OP2", "Invite the ", ["bold", "Partners"], " to enhance dialogue."),
    ];
    const { result, xml, styled } = await redline(older, newer);
    expect(result.pairs.map((p) => p.classification)).toEqual(["unchanged", "unchanged", "unchanged", "modified", "deleted", "added"]);
    expect(styled).toEqual([
      // The title is bold; "OSCE" became italic in it: bold italic, and bold before.
      { in: "kept", text: "Enhancing ", style: "b" },
      { in: "kept", text: "OSCE", style: "bi", was: "b" },
      { in: "kept", text: " efforts", style: "b" },
      // The participle of a preambular paragraph is italic, as in the Word export.
      { in: "kept", text: "Noting", style: "i" },
      { in: "kept", text: "Decides to:", style: "b" },
      { in: "ins", text: "fully", style: "i" },
      { in: "del", text: "relevant", style: "b" },
      { in: "del", text: "OSCE", style: "i" },
      { in: "ins", text: "Partners", style: "b" },
    ]);
    // The formatting revision is the author's, dated, with its own id.
    const changes = xml.match(/<w:rPrChange [^>]*>/g) ?? [];
    expect(changes).toHaveLength(1);
    expect(changes[0]).toContain('w:author="Albania"');
    expect(changes[0]).toContain('w:date="2026-11-22T10:00:00.000Z"');
    const ids = [...xml.matchAll(/<w:(?:ins|del|rPrChange) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("a moved paragraph's text is styled as in the older version where it stood and as in the newer where it stands", async () => {
    const older = [
      P("t", "title", null, "Enhancing OSCE efforts"),
      P("o1", "operative", "OP1", "Continue to implement ", ["italic", "all"], " decisions;"),
      P("o2", "operative", "OP2", "Identify ways of strengthening the work of the OSCE;"),
      P("o3", "operative", "OP3", "Welcomes the report;"),
      P("o4", "operative", "OP4", "Decides to remain seized of the matter."),
    ];
    const newer = [
      older[0]!,
      { ...older[2]!, number: "OP1" },
      { ...older[3]!, number: "OP2" },
      P("o1", "operative", "OP3", "Continue to ", ["bold", "fully"], " implement ", ["bold", "all"], " decisions;"),
      older[4]!,
    ];
    const { result, styled } = await redline(older, newer);
    expect(result.pairs.filter((p) => p.moved).map((p) => p.to[0]!.id)).toEqual(["o1"]);
    expect(styled).toEqual([
      { in: "kept", text: "Enhancing OSCE efforts", style: "b" },
      { in: "moveFrom", text: "all", style: "i" },
      { in: "ins", text: "fully", style: "b" },
      // No formatting revision where it stands: Reject All takes that text away, and the older style stands where it stood.
      { in: "moveTo", text: "all", style: "b" },
    ]);
  });

  it("a paragraph given for its styles that is not the text the comparison read (the live text moved on) prints that text in its kind's styles", async () => {
    const version = [P("t", "title", null, "Enhancing OSCE efforts"), P("p1", "preambular", "PP1", "Noting the immense opportunities,")];
    const result = compareParagraphs(version, version);
    const later = [version[0]!, P("p1", "preambular", "PP1", "Noting the ", ["bold", "immense"], " new opportunities,")];
    const xml = await documentXml(buildRedlineDocx(meta, result.pairs, by, { from: version, to: later }));
    expect(paragraphs(xml, "accept")).toEqual(version.map((p) => p.text));
    expect(styledRuns(xml).filter((r) => r.style || r.was !== undefined)).toEqual([
      { in: "kept", text: "Enhancing OSCE efforts", style: "b" },
      { in: "kept", text: "Noting", style: "i" },
    ]);
  });

  it("a split and a join keep each word's style; the space a split took out comes back in its older style", async () => {
    const older = [
      P("o1", "operative", "OP1", "Stresses the need to protect the ", ["bold", "infrastructure,"], ["italic", " and calls"], " upon States to refrain from attacks on it;"),
      P("o2", "operative", "OP2", "Welcomes the ", ["italic", "report"], ";"),
      P("o3", "operative", "OP3", "Thanks the ", ["bold", "Chair"], " for her work;"),
    ];
    const newer = [
      P("o1", "operative", "OP1", "Stresses the need to protect the ", ["bold", "infrastructure,"]),
      P("o9", "operative", "OP2", ["italic", "Calls"], " upon States to refrain from attacks on it;"),
      P("o2", "operative", "OP3", "Welcomes the ", ["italic", "report"], "; Thanks the ", ["italic", "Chair"], " for her work;"),
    ];
    const { result, styled } = await redline(older, newer);
    expect(result.pairs.map((p) => p.classification)).toEqual(["split", "merged"]);
    expect(styled).toEqual([
      { in: "kept", text: "infrastructure,", style: "b" },
      { in: "del", text: " ", style: "i" },
      { in: "del", text: "and calls", style: "i" },
      { in: "ins", text: "Calls", style: "i" },
      { in: "kept", text: "report", style: "i" },
      { in: "kept", text: "Chair", style: "i", was: "b" },
    ]);
  });
});
