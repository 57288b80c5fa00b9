/**
 * Word's automatic numbering of headings ("I. Introduction", "A. Existing and potential
 * threats"), written into the headings' text. mammoth reads a numbered heading as a heading
 * and drops its number, which Word computes from numbering.xml and does not store; the
 * numbers of list paragraphs mammoth keeps as list items, and Plenary computes its own.
 */

interface Level {
  format: string;
  text: string;
  start: number;
}

/** The attribute `w:<name>` of the first `<w:<tag> ...>` in `xml`. */
function attr(xml: string, tag: string, name: string): string | undefined {
  return new RegExp(`<w:${tag}\\b[^>]*?\\bw:${name}="([^"]*)"`).exec(xml)?.[1];
}

/** abstractNum id → its levels; num id → abstractNum id. */
function readNumbering(numberingXml: string): { levels: Map<string, Level[]>; abstractOf: Map<string, string> } {
  const levels = new Map<string, Level[]>();
  for (const m of numberingXml.matchAll(/<w:abstractNum\b[^>]*?w:abstractNumId="([^"]*)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const list: Level[] = [];
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      list[Number(l[1])] = { format: attr(l[2]!, "numFmt", "val") ?? "decimal", text: attr(l[2]!, "lvlText", "val") ?? "", start: Number(attr(l[2]!, "start", "val") ?? "1") };
    }
    levels.set(m[1]!, list);
  }
  const abstractOf = new Map<string, string>();
  for (const m of numberingXml.matchAll(/<w:num\b[^>]*?w:numId="([^"]*)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const id = attr(m[2]!, "abstractNumId", "val");
    if (id !== undefined) abstractOf.set(m[1]!, id);
  }
  return { levels, abstractOf };
}

/** Style id → the numbering its paragraphs take (Word's heading numbering is set on the heading styles). */
function styleNumbering(stylesXml: string): Map<string, { numId: string; level: number }> {
  const out = new Map<string, { numId: string; level: number }>();
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*?w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numId = attr(m[2]!, "numId", "val");
    if (numId) out.set(m[1]!, { numId, level: Number(attr(m[2]!, "ilvl", "val") ?? "0") });
  }
  return out;
}

function roman(n: number): string {
  const digits: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [value, letters] of digits) for (; n >= value; n -= value) out += letters;
  return out;
}

function formatted(n: number, format: string): string {
  const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
  switch (format) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letter;
    case "lowerLetter":
      return letter.toLowerCase();
    default:
      return String(n);
  }
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Word's heading styles, as mammoth maps them to headings ("Heading1", "heading 2", "Title"). */
const HEADING_STYLE = /^(?:heading\s*\d|title)$/i;

/**
 * document.xml with the computed number of every numbered heading written at the start of its
 * text ("A. " + "Existing and potential threats") and its numbering taken off. Counting follows
 * Word: every paragraph of a list counts, a level restarts under a new item of a higher level.
 * Unchanged when the file has no numbering.
 */
export function numberHeadings(documentXml: string, numberingXml: string | undefined, stylesXml: string | undefined): string {
  if (!numberingXml) return documentXml;
  const { levels, abstractOf } = readNumbering(numberingXml);
  const byStyle = styleNumbering(stylesXml ?? "");
  const counters = new Map<string, number[]>();
  return documentXml.replace(/<w:p\b(?:[^>]*[^/])?>[\s\S]*?<\/w:p>/g, (p) => {
    const style = attr(p, "pStyle", "val");
    const own = attr(p, "numId", "val");
    const numbering = own !== undefined ? { numId: own, level: Number(attr(p, "ilvl", "val") ?? "0") } : style ? byStyle.get(style) : undefined;
    const abstractId = numbering && numbering.numId !== "0" ? abstractOf.get(numbering.numId) : undefined;
    const list = abstractId !== undefined ? levels.get(abstractId) : undefined;
    const level = numbering ? list?.[numbering.level] : undefined;
    if (!numbering || !list || !level || level.format === "bullet" || level.format === "none") return p;
    const count = counters.get(abstractId!) ?? [];
    count[numbering.level] = (count[numbering.level] ?? level.start - 1) + 1;
    count.length = numbering.level + 1;
    counters.set(abstractId!, count);
    if (!style || !HEADING_STYLE.test(style)) return p;
    const label = level.text.replace(/%(\d)/g, (_, n: string) => {
      const i = Number(n) - 1;
      return formatted(count[i] ?? list[i]?.start ?? 1, list[i]?.format ?? "decimal");
    });
    const run = `<w:r><w:t xml:space="preserve">${escapeXml(label)} </w:t></w:r>`;
    const withoutNumbering = p.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, "<w:numPr><w:numId w:val=\"0\"/></w:numPr>");
    const afterProps = withoutNumbering.indexOf("</w:pPr>");
    if (afterProps >= 0) return withoutNumbering.slice(0, afterProps + 8) + run + withoutNumbering.slice(afterProps + 8);
    return withoutNumbering.replace(/^<w:p\b[^>]*>/, (open) => open + run);
  });
}
