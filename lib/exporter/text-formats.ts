import { acceptedRuns, bracketEdges, headerLine, withBrackets, participleLength, printedNumber, printedText, rightToLeft, versionName, type ExportMeta, type ExportParagraph } from "./model";
import type { TextRun } from "../model/types";
import { xmlSafe } from "../validation/text";

/** Text as HTML or XML content or an attribute value: escaped, and without the control characters neither can carry. */
function escapeHtml(s: string): string {
  return xmlSafe(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function htmlRuns(runs: TextRun[], italicPrefix: number): string {
  const edges = bracketEdges(runs);
  let offset = 0;
  return runs
    .map((r, i) => {
      const m = r.marks ?? [];
      let t = escapeHtml(r.text);
      const start = offset;
      offset += r.text.length;
      if (start < italicPrefix && !m.includes("italic")) {
        const cut = Math.min(r.text.length, italicPrefix - start);
        t = `<em>${escapeHtml(r.text.slice(0, cut))}</em>${escapeHtml(r.text.slice(cut))}`;
      }
      if (m.includes("italic")) t = `<em>${t}</em>`;
      if (m.includes("bold")) t = `<strong>${t}</strong>`;
      return withBrackets(t, edges[i]!);
    })
    .join("");
}

/** A standalone, printable HTML document; everything from the text is escaped. */
export function toHtml(meta: ExportMeta, paragraphs: readonly ExportParagraph[]): string {
  const body = paragraphs
    .map((p) => {
      const runs = acceptedRuns(p);
      const text = htmlRuns(runs, p.kind === "preambular" ? participleLength(runs.map((r) => r.text).join("")) : 0);
      // dir="auto": a paragraph in Arabic reads right to left (its first letter decides, as in Word).
      if (p.kind === "title") return `<h1 dir="auto">${text}</h1>`;
      if (p.kind === "heading") return `<h2 dir="auto">${text}</h2>`;
      const num = p.kind === "preambular" ? p.number : printedNumber(p);
      return `<p class="${p.kind}" dir="auto"><span class="num">${escapeHtml(num ?? "")}</span>${text}</p>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(versionName(meta))}</title>
<style>body{font:12pt/1.5 "Times New Roman",serif;max-width:42rem;margin:2rem auto;padding:0 3rem}header{text-align:right;font-size:10pt}h1{text-align:center;font-size:14pt}h2{font-size:12pt}p{position:relative;text-indent:2rem}.num{position:absolute;left:-3rem;text-indent:0;font-size:9pt;color:#555}p.operative .num,p.paragraph .num{position:static;font-size:12pt;color:inherit;margin-inline-end:.5rem}</style>
</head><body><header>${escapeHtml(headerLine(meta, " · "))}</header>
${body}
</body></html>
`;
}

function xml(s: string): string {
  return escapeHtml(s).replace(/'/g, "&apos;");
}

/**
 * A paragraph of AKN text. AKN has no `dir`; its HTML attributes (`class`, `style`, `title`,
 * on every element of the text) carry the direction of a paragraph that reads right to left.
 */
function aknP(p: ExportParagraph): string {
  return `<p${rightToLeft(printedText(p)) ? ' style="direction: rtl"' : ""}>${aknInline(acceptedRuns(p))}</p>`;
}

function aknInline(runs: TextRun[]): string {
  const edges = bracketEdges(runs);
  return runs
    .map((r, i) => {
      let t = xml(r.text);
      if (r.marks?.includes("italic")) t = `<i>${t}</i>`;
      if (r.marks?.includes("bold")) t = `<b>${t}</b>`;
      return withBrackets(t, edges[i]!);
    })
    .join("");
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "10 July 2025", "July 10, 2025" or "2025-07-10" as ISO 8601, else null. */
function isoDate(text: string | null | undefined): string | null {
  const t = (text ?? "").trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2}) (\p{L}+) (\d{4})$/u.exec(t) ?? /^(\p{L}+) (\d{1,2}), (\d{4})$/u.exec(t);
  if (!m) return null;
  const [day, month] = /^\d/.test(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
  const index = MONTHS.indexOf(month.toLowerCase());
  return index < 0 ? null : `${m[3]}-${String(index + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/**
 * Where the main body starts: at the first operative paragraph of a resolution, with the one
 * heading right above it ("Decides to:"); in a text without one (a report), at its first
 * numbered paragraph or sub-paragraph, with the headings right above it (its section's
 * heading). -1 when there is none.
 */
function mainBodyStart(paragraphs: readonly ExportParagraph[]): number {
  const firstOp = paragraphs.findIndex((p) => p.kind === "operative");
  // A resolution: the one heading right above its first operative paragraph ("Decides to:");
  // one above that ("The Permanent Council,") opens the preamble, even with no recital.
  if (firstOp >= 0) return firstOp > 0 && paragraphs[firstOp - 1]!.kind === "heading" ? firstOp - 1 : firstOp;
  let start = paragraphs.findIndex((p) => p.kind === "paragraph" || p.kind === "bullet");
  while (start > 0 && paragraphs[start - 1]!.kind === "heading") start -= 1;
  return start;
}

/**
 * The preamble's content in the text's order: each heading line a formula ("The Ministerial
 * Council,"), each run of preambular paragraphs one list of recitals. Empty for none.
 */
function preambleParts(pre: readonly ExportParagraph[]): string[] {
  const parts: string[] = [];
  let recitals: string[] = [];
  let rec = 0;
  const flush = () => {
    if (recitals.length) parts.push(`<recitals>\n        ${recitals.join("\n        ")}\n      </recitals>`);
    recitals = [];
  };
  for (const p of pre) {
    if (p.kind === "title") continue;
    if (p.kind === "preambular") {
      recitals.push(`<recital eId="rec_${++rec}"><num>${xml(p.number ?? "")}</num>${aknP(p)}</recital>`);
      continue;
    }
    flush();
    parts.push(`<formula name="text">${aknP(p)}</formula>`);
  }
  flush();
  return parts;
}

/**
 * Akoma Ntoso 3.0: meta, preface, preamble with recitals, main body with numbered paragraphs.
 * Dated as the document when it has a date; otherwise its FRBR dates are the export's, under
 * that name, and the preface carries no docDate.
 */
export function toAkomaNtoso(meta: ExportMeta, paragraphs: readonly ExportParagraph[]): string {
  const today = new Date().toISOString().slice(0, 10);
  const dated = isoDate(meta.date);
  const date = dated ?? today;
  const dateName = dated ? "document" : "export";
  const uri = `/akn/un/doc/decision/${date}/${encodeURIComponent(meta.symbol ?? "draft")}`;
  const start = mainBodyStart(paragraphs);
  const resolution = paragraphs.some((p) => p.kind === "operative");
  const pre = start < 0 ? paragraphs : paragraphs.slice(0, start);
  const main = start < 0 ? [] : paragraphs.slice(start);
  const title = paragraphs.find((p) => p.kind === "title");
  let par = 0;
  let lead = 0;
  const body = main
    .map((p) =>
      p.kind === "heading"
        ? `<hcontainer name="${resolution ? "leadIn" : "crossHeading"}" eId="hcontainer_${++lead}"><content>${aknP(p)}</content></hcontainer>`
        : `<paragraph eId="para_${++par}"><num>${xml(printedNumber(p) ?? "")}</num><content>${aknP(p)}</content></paragraph>`,
    )
    .join("\n      ");
  // AKN's recitals hold at least one recital and its preamble at least one element.
  const parts = preambleParts(pre);
  const preamble = parts.length ? `    <preamble>\n      ${parts.join("\n      ")}\n    </preamble>\n` : "";
  const docDate = dated ? ` <docDate date="${dated}">${xml(meta.date ?? dated)}</docDate>` : meta.date ? ` ${xml(meta.date)}` : "";
  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <doc name="decision">
    <meta>
      <identification source="#plenary">
        <FRBRWork><FRBRthis value="${uri}/!main"/><FRBRuri value="${uri}"/><FRBRdate date="${date}" name="${dateName}"/><FRBRauthor href="#plenary"/><FRBRcountry value="un"/></FRBRWork>
        <FRBRExpression><FRBRthis value="${uri}/eng@/!main"/><FRBRuri value="${uri}/eng@"/><FRBRdate date="${date}" name="${dateName}"/><FRBRauthor href="#plenary"/><FRBRlanguage language="eng"/></FRBRExpression>
        <FRBRManifestation><FRBRthis value="${uri}/eng@/main.xml"/><FRBRuri value="${uri}/eng@.akn"/><FRBRdate date="${today}" name="export"/><FRBRauthor href="#plenary"/></FRBRManifestation>
      </identification>
      <references source="#plenary"><TLCOrganization eId="plenary" href="/ontology/organization/plenary" showAs="Plenary"/></references>
    </meta>
    <preface>
      <p><docNumber>${xml(meta.symbol ?? "")}</docNumber>${docDate} <docStage>${xml(meta.versionLabel)}</docStage></p>
      <p${rightToLeft(title ? printedText(title) : meta.title) ? ' style="direction: rtl"' : ""}><docTitle>${title ? aknInline(acceptedRuns(title)) : xml(meta.title)}</docTitle></p>
    </preface>
${preamble}    <mainBody>
      ${body}
    </mainBody>
  </doc>
</akomaNtoso>
`;
}

/** The paragraph model as JSON. */
export function toJson(meta: ExportMeta, paragraphs: readonly ExportParagraph[]): string {
  return JSON.stringify({ meta, paragraphs }, null, 2);
}
