/**
 * Exports opened by readers nobody here wrote: LibreOffice (headless, through UNO) reads
 * the Word files, accepts and rejects their tracked changes; poppler reads the PDF.
 */
import fs from "node:fs";
import path from "node:path";
import { Packer } from "docx";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { compareParagraphs, type ParagraphPair } from "../diff";
import { parseStatement } from "../import/parse-statement";
import { computeNumbers } from "../model/numbering";
import type { BlockKind, TextRun } from "../model/types";
import { pdfFonts } from "../../server/pdf-fonts";
import { pdfPages, pdfToText, readWithLibreOffice, xmlXPath, type LibreOfficeReading } from "../../test/readers/readers";
import { buildCompilationDocx, buildDocx, buildPdf, buildRedlineDocx, printedNumber, printedText, toAkomaNtoso, type CompilationRow, type ExportMeta, type ExportParagraph } from ".";

const seedDir = path.join(process.cwd(), "seeds");
const seeds = fs.readdirSync(seedDir).filter((f) => f.endsWith(".txt")).sort();

function numbered(blocks: { id: string; kind: BlockKind; runs: TextRun[] }[]): ExportParagraph[] {
  const numbers = computeNumbers(blocks.map((b) => b.kind));
  return blocks.map((b, i) => ({ id: b.id, kind: b.kind, number: numbers[i] ?? null, text: b.runs.map((r) => r.text).join(""), runs: b.runs }));
}

function seed(file: string): { meta: ExportMeta; paragraphs: ExportParagraph[] } {
  const doc = parseStatement(fs.readFileSync(path.join(seedDir, file), "utf8"));
  return { meta: { title: doc.meta.title, symbol: doc.meta.symbol ?? null, date: doc.meta.date ?? null, versionLabel: "Rev.1" }, paragraphs: numbered(doc.blocks) };
}

/** A paragraph as a reader should show it: printed number, tab, accepted text with brackets. */
function printed(p: ExportParagraph): string {
  const n = printedNumber(p);
  const text = printedText(p);
  return n ? `${n}\t${text}` : text;
}

const osce = "002_0f6de45730491af3.txt";

/** Rev.2 of the OSCE decision: an edited OP, a deleted PP, a new OP, a split PP, two OPs joined, a bracket, renumbering. */
function revision2(rev1: ExportParagraph[]): ExportParagraph[] {
  const blocks = rev1.map((p) => ({ id: p.id, kind: p.kind, runs: p.runs.map((r) => ({ ...r })) }));
  const op1 = blocks.findIndex((b) => b.kind === "operative");
  const firstOp = blocks[op1]!;
  firstOp.runs = [{ text: firstOp.runs.map((r) => r.text).join("").replace("Continue to implement", "Continue to fully implement").replace("confidence-building", "relevant confidence-building") }];
  const pps = blocks.map((b, i) => (b.kind === "preambular" ? i : -1)).filter((i) => i >= 0);
  const split = blocks[pps[4]!]!;
  const text = split.runs.map((r) => r.text).join("");
  const cut = text.indexOf(", and ");
  // The editor keeps the block's id on the first part of a split; the second is a new block.
  blocks.splice(pps[4]!, 1, { id: split.id, kind: "preambular", runs: [{ text: text.slice(0, cut + 1) }] }, { id: `${split.id}-b`, kind: "preambular", runs: [{ text: text.slice(cut + 6, cut + 7).toUpperCase() + text.slice(cut + 7) }] });
  blocks.splice(pps[2]!, 1);
  const op2 = blocks.filter((b) => b.kind === "operative")[1]!;
  blocks.splice(blocks.indexOf(op2) + 1, 0, { id: "new-op", kind: "operative", runs: [{ text: "Requests the Secretary General to " }, { text: "report annually", marks: ["bracket"] }, { text: " on the implementation of this decision;" }] });
  // Two operative paragraphs joined into one (the second's words run on after the first's).
  const [, , , op3, op4] = blocks.filter((b) => b.kind === "operative");
  op3!.runs = [{ text: `${op3!.runs.map((r) => r.text).join("")} ${op4!.runs.map((r) => r.text).join("")}` }];
  blocks.splice(blocks.indexOf(op4!), 1);
  const last = blocks.filter((b) => b.kind === "operative").at(-1)!;
  last.runs = [{ text: last.runs.map((r) => r.text).join("").replace("Invite", "Invites") }];
  // A paragraph moved: the first preambular paragraph now follows the second.
  const firstPp = blocks.findIndex((b) => b.kind === "preambular");
  blocks.splice(firstPp + 1, 0, ...blocks.splice(firstPp, 1));
  return numbered(blocks).map((p) => ({ ...p, text: printedText(p) }));
}

/**
 * Rev.3 of the OSCE decision: only moves. The last preambular paragraph now comes first, as
 * it was; the first operative paragraph now follows the third, with words inserted and
 * taken out.
 */
function revision3(rev1: ExportParagraph[]): ExportParagraph[] {
  const blocks = rev1.map((p) => ({ id: p.id, kind: p.kind, runs: p.runs.map((r) => ({ ...r })) }));
  const pps = blocks.map((b, i) => (b.kind === "preambular" ? i : -1)).filter((i) => i >= 0);
  blocks.splice(pps[0]!, 0, ...blocks.splice(pps.at(-1)!, 1));
  const ops = blocks.map((b, i) => (b.kind === "operative" ? i : -1)).filter((i) => i >= 0);
  const [op1] = blocks.splice(ops[0]!, 1);
  op1!.runs = [{ text: op1!.runs.map((r) => r.text).join("").replace("Continue to implement", "Continue to fully implement").replace("adopted by", "agreed by") }];
  blocks.splice(ops[2]!, 0, op1!);
  return numbered(blocks).map((p) => ({ ...p, text: printedText(p) }));
}

/**
 * Rev.4 of the OSCE decision: formatting changed. "OSCE" in the (bold) title also in
 * italics, "inter alia" no longer in italics, "fully" written into the first operative
 * paragraph in bold.
 */
function restyled(rev1: ExportParagraph[]): ExportParagraph[] {
  const blocks = rev1.map((p) => ({ id: p.id, kind: p.kind, runs: p.runs.map((r) => (r.text === "inter alia" ? { text: r.text } : { ...r })) }));
  const title = blocks.find((b) => b.kind === "title")!;
  const [t] = title.runs;
  const at = t!.text.indexOf("OSCE");
  title.runs = [{ ...t!, text: t!.text.slice(0, at) }, { text: "OSCE", marks: ["bold", "italic"] }, { ...t!, text: t!.text.slice(at + 4) }];
  const op1 = blocks.find((b) => b.kind === "operative")!;
  const text = op1.runs.map((r) => r.text).join("");
  const cut = text.indexOf("Continue to ") + "Continue to ".length;
  op1.runs = [{ text: text.slice(0, cut) }, { text: "fully", marks: ["bold"] }, { text: ` ${text.slice(cut)}` }];
  return numbered(blocks).map((p) => ({ ...p, text: printedText(p) }));
}

const AUTHORS = ["Albania", "Austria", "Chair"];

describe("exports read by LibreOffice and poppler", () => {
  const rev1 = seed(osce);
  const rev2 = revision2(rev1.paragraphs);
  const pairs = compareParagraphs(rev1.paragraphs, rev2).pairs;
  const authorOf = (pair: ParagraphPair) => ({ author: AUTHORS[pairs.indexOf(pair) % AUTHORS.length]!, date: "2026-12-01T10:00:00.000Z" });
  const compilation: CompilationRow[] = rev2.map((p) => ({ paragraph: p, status: p.kind === "preambular" ? "Agreed ad ref." : null, entries: [] }));
  const op1Row = compilation.find((r) => r.paragraph.number === "OP1")!;
  op1Row.entries.push(
    { kind: "amendment", op: "replace", by: "Austria", cosponsors: ["Belgium", "Canada"], quote: "fully implement", proposedText: "implement in good faith", body: null, status: "open" },
    { kind: "objection", op: null, by: "Albania", cosponsors: [], quote: "", proposedText: null, body: "The paragraph prejudges the outcome.", status: "rejected" },
  );
  const rev3 = revision3(rev1.paragraphs);
  const movePairs = compareParagraphs(rev1.paragraphs, rev3).pairs;
  const rev4 = restyled(rev1.paragraphs);
  let movesXml: string;
  let formatsXml: string;
  let read: Record<string, LibreOfficeReading>;

  beforeAll(async () => {
    const files: Record<string, Uint8Array> = {};
    for (const file of seeds) {
      const s = seed(file);
      files[`clean-${file}`] = new Uint8Array(await Packer.toBuffer(buildDocx(s.meta, s.paragraphs)));
    }
    files["clean-rev2"] = new Uint8Array(await Packer.toBuffer(buildDocx({ ...rev1.meta, versionLabel: "Rev.2" }, rev2)));
    files.redline = new Uint8Array(await Packer.toBuffer(buildRedlineDocx({ ...rev1.meta, versionLabel: "Rev.2 against Rev.1" }, pairs, authorOf, { from: rev1.paragraphs, to: rev2 })));
    files.moves = new Uint8Array(await Packer.toBuffer(buildRedlineDocx({ ...rev1.meta, versionLabel: "Rev.3 against Rev.1" }, movePairs, () => ({ author: "Chair", date: "2026-12-02T10:00:00.000Z" }), { from: rev1.paragraphs, to: rev3 })));
    movesXml = strFromU8(unzipSync(files.moves)["word/document.xml"]!);
    const formats = compareParagraphs(rev1.paragraphs, rev4).pairs;
    files.formats = new Uint8Array(await Packer.toBuffer(buildRedlineDocx({ ...rev1.meta, versionLabel: "Rev.4 against Rev.1" }, formats, () => ({ author: "Austria", date: "2026-12-03T10:00:00.000Z" }), { from: rev1.paragraphs, to: rev4 })));
    formatsXml = strFromU8(unzipSync(files.formats)["word/document.xml"]!);
    files.compilation = new Uint8Array(await Packer.toBuffer(buildCompilationDocx({ ...rev1.meta, versionLabel: "Rev.2" }, compilation)));
    read = await readWithLibreOffice(files);
  }, 180_000);

  for (const file of seeds) {
    it(`clean DOCX of ${file}: LibreOffice reads exactly the version's paragraphs, no revisions`, () => {
      const r = read[`clean-${file}`]!;
      expect(r.paragraphs).toEqual(seed(file).paragraphs.map(printed));
      expect(r.redlines).toEqual([]);
    });
  }

  it("clean DOCX keeps brackets and the new numbering", () => {
    expect(read["clean-rev2"]!.paragraphs).toEqual(rev2.map(printed));
    expect(read["clean-rev2"]!.paragraphs.join("\n")).toContain("[report annually]");
  });

  it("redline DOCX: LibreOffice sees real revisions by each author; Accept All gives Rev.2 exactly, Reject All gives Rev.1", () => {
    const r = read.redline!;
    // Rev.2 has a split and a join: paragraph marks inserted and deleted, read back exactly below.
    expect(pairs.map((p) => p.classification)).toEqual(expect.arrayContaining(["split", "merged", "moved", "modified", "added", "deleted"]));
    expect(new Set(r.redlines.map((x) => x.type))).toEqual(new Set(["Insert", "Delete"]));
    expect(new Set(r.redlines.map((x) => x.author))).toEqual(new Set(AUTHORS.filter((a) => pairs.some((p, i) => p.classification !== "unchanged" && AUTHORS[i % 3] === a))));
    expect(r.acceptRedlines).toBe(0);
    expect(r.accept).toEqual(rev2.map((p) => `${printedNumber(p) ? `${printedNumber(p)}\t` : ""}${p.text}`));
    // Word and LibreOffice keep a document's last paragraph mark: an added last paragraph leaves it empty.
    const rejected = r.reject.at(-1) === "" ? r.reject.slice(0, -1) : r.reject;
    expect(rejected).toEqual(rev1.paragraphs.map(printed));
  });

  it("redline DOCX with moves: Word's tracked moves, well formed for libxml2; LibreOffice reads each moved paragraph where it stood and where it stands, Accept All gives Rev.3 exactly, Reject All Rev.1", async () => {
    const moved = movePairs.filter((p) => p.moved);
    expect(moved.map((p) => [p.classification, Boolean(p.ops)])).toEqual([
      ["moved", false],
      ["moved", true],
    ]);
    expect(movePairs.filter((p) => !p.moved).every((p) => p.classification === "unchanged")).toBe(true);
    // xmllint parses document.xml (it throws on a file that is not well formed); each move's two ranges share a name.
    const w = (name: string) => `*[local-name()='${name}' and namespace-uri()='http://schemas.openxmlformats.org/wordprocessingml/2006/main']`;
    const name = "@*[local-name()='name']";
    expect(await xmlXPath(movesXml, `count(//${w("moveFromRangeStart")})`)).toBe("2");
    expect(await xmlXPath(movesXml, `count(//${w("moveToRangeStart")}[${name} = //${w("moveFromRangeStart")}/${name}])`)).toBe("2");
    expect(await xmlXPath(movesXml, `count(//${w("moveFromRangeEnd")}) + count(//${w("moveToRangeEnd")})`)).toBe("4");
    expect(await xmlXPath(movesXml, `count(//${w("pPr")}/${w("rPr")}/${w("moveFrom")}) = 2 and count(//${w("pPr")}/${w("rPr")}/${w("moveTo")}) = 2`)).toBe("true");
    // Where the modified one stands: its new number, then the word written since, inserted.
    expect(await xmlXPath(movesXml, `string((//${w("moveToRangeStart")})[2]/following::${w("ins")}[2])`)).toBe("fully");
    const r = read.moves!;
    for (const { from, to } of moved) {
      // Before anything is accepted or rejected: as it stood (with its old number) and as it stands.
      const stood = printed(rev1.paragraphs[from[0]!.index]!);
      const stands = printed(rev3[to[0]!.index]!);
      expect(r.paragraphs.filter((p) => p === stood || p === stands)).toHaveLength(2);
    }
    // LibreOffice 7 holds a move as a deletion where the text stood and an insertion where it stands.
    expect(new Set(r.redlines.map((x) => x.type))).toEqual(new Set(["Insert", "Delete"]));
    expect(r.accept).toEqual(rev3.map(printed));
    expect(r.reject).toEqual(rev1.paragraphs.map(printed));
  });

  it("redline DOCX with formatting changed: bold and italics as in each version, a word styled otherwise a formatting revision that LibreOffice reads as one; Accept All gives Rev.4 exactly, Reject All Rev.1", async () => {
    const w = (name: string) => `*[local-name()='${name}' and namespace-uri()='http://schemas.openxmlformats.org/wordprocessingml/2006/main']`;
    const run = (...has: string[]) => `//${w("r")}[${has.join(" and ")}]`;
    const [b, i, change] = [`${w("rPr")}/${w("b")}`, `${w("rPr")}/${w("i")}`, `${w("rPr")}/${w("rPrChange")}`];
    // Two formatting revisions, by the author, each with the run's older properties.
    expect(await xmlXPath(formatsXml, `count(${run(change)})`)).toBe("2");
    expect(await xmlXPath(formatsXml, `count(${run(change)}[${change}/@*[local-name()='author'] = 'Austria'])`)).toBe("2");
    expect(await xmlXPath(formatsXml, `string(${run(b, i, change, `not(${change}/${w("rPr")}/${w("i")})`, `${change}/${w("rPr")}/${w("b")}`)})`)).toBe("OSCE");
    expect(await xmlXPath(formatsXml, `string(${run(`not(${i})`, `${change}/${w("rPr")}/${w("i")}`)})`)).toBe("inter alia");
    // The rest of the title is bold, with no revision; the word written in is inserted in bold.
    expect(await xmlXPath(formatsXml, `count(${run(b, `not(${change})`)}[starts-with(${w("t")}, 'ENHANCING')])`)).toBe("1");
    expect(await xmlXPath(formatsXml, `string(//${w("ins")}/${w("r")}[${b}])`)).toBe("fully");
    const r = read.formats!;
    expect(r.redlines.filter((x) => x.type === "Format")).toEqual([
      { type: "Format", author: "Austria" },
      { type: "Format", author: "Austria" },
    ]);
    expect(new Set(r.redlines.map((x) => x.type))).toEqual(new Set(["Format", "Insert"]));
    expect(r.accept).toEqual(rev4.map(printed));
    expect(r.acceptRedlines).toBe(0);
    expect(r.reject).toEqual(rev1.paragraphs.map(printed));
    expect(r.rejectRedlines).toBe(0);
  });

  it("compilation of proposals: one table row per paragraph with number, text, proposals by delegation with co-sponsors and status", () => {
    const cells = read.compilation!.paragraphs;
    const op1 = cells.indexOf("OP1");
    expect(op1).toBeGreaterThan(0);
    expect(cells[op1 + 1]).toBe(op1Row.paragraph.text);
    expect(cells[op1 + 2]).toContain("Austria (co-sponsored by Belgium, Canada) — Amendment: replace “fully implement” with “implement in good faith” [open]");
    expect(cells[op1 + 2]).toContain("Albania — Objection: The paragraph prejudges the outcome. [rejected]");
    const pp1 = cells.indexOf("PP1");
    expect(cells[pp1 + 3]).toBe("Agreed ad ref.");
    // Header row plus one row per paragraph, four cells each.
    expect(cells.slice(cells.indexOf("Para."), cells.indexOf("Para.") + 4)).toEqual(["Para.", "Current text", "Proposals and positions by delegation", "Status"]);
    expect(cells.length).toBeGreaterThanOrEqual((rev2.length + 1) * 4);
  });

  it("PDF: poppler extracts every paragraph's text, its printed number and its reference, with the symbol and page numbers", async () => {
    const bytes = await buildPdf({ ...rev1.meta, versionLabel: "Rev.2" }, rev2, pdfFonts());
    const pages = await pdfPages(bytes);
    const text = await pdfToText(bytes);
    expect(pages).toBeGreaterThanOrEqual(2);
    const lines = text.split("\n");
    expect(lines.filter((l) => l.includes("MC.DEC/5/17") && l.includes("Rev.2"))).toHaveLength(pages);
    expect(lines.filter((l) => /^Page \d+ of \d+$/.test(l.trim()))).toHaveLength(pages);
    const body = lines
      .filter((l) => !(l.includes("MC.DEC/5/17") && l.includes("Rev.2")) && !/^Page \d+ of \d+$/.test(l.trim()) && !/^(PP|OP)\d+$/.test(l.trim()))
      .join(" ")
      // pdftotext drops a hyphen at a line end ("Co-" + "operation"): compare without hyphens.
      .replace(/-/g, "")
      .replace(/\s+/g, " ");
    for (const p of rev2) {
      const n = printedNumber(p);
      expect(body).toContain(`${n ? `${n} ` : ""}${p.text}`.replace(/-/g, "").replace(/\s+/g, " ").trim());
      if (p.number && p.number !== n) expect(lines.map((l) => l.trim())).toContain(p.number);
    }
  });

  it("Akoma Ntoso: libxml2 parses it; the AKN 3.0 namespace, FRBR identification, a recital per PP and a numbered paragraph per OP, in document order", async () => {
    const xml = toAkomaNtoso({ ...rev1.meta, versionLabel: "Rev.2" }, rev2);
    const akn = (name: string) => `*[local-name()='${name}' and namespace-uri()='http://docs.oasis-open.org/legaldocml/ns/akn/3.0']`;
    expect(await xmlXPath(xml, `count(/${akn("akomaNtoso")}/${akn("doc")}/${akn("meta")}/${akn("identification")}/*)`)).toBe("3");
    const order = await xmlXPath(xml, `/${akn("akomaNtoso")}/${akn("doc")}/*`);
    expect([...order.matchAll(/<(\w+)[ >]/g)].map((m) => m[1]).filter((n) => ["meta", "preface", "preamble", "mainBody"].includes(n!))).toEqual(["meta", "preface", "preamble", "mainBody"]);
    const pps = rev2.filter((p) => p.kind === "preambular").length;
    const ops = rev2.filter((p) => p.kind === "operative");
    expect(await xmlXPath(xml, `count(//${akn("preamble")}//${akn("recital")})`)).toBe(String(pps));
    expect(await xmlXPath(xml, `count(//${akn("mainBody")}/${akn("paragraph")})`)).toBe(String(ops.length));
    expect(await xmlXPath(xml, `string(//${akn("mainBody")}/${akn("paragraph")}[3]/${akn("num")})`)).toBe(printedNumber(ops[2]!));
    expect(await xmlXPath(xml, `string(//${akn("preface")}//${akn("docNumber")})`)).toBe("MC.DEC/5/17");
  });
});
