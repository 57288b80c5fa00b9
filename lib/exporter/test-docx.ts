/** Test helpers: the document.xml of a Word file the exports build, read as Word would. */
import { Packer } from "docx";
import { strFromU8, unzipSync } from "fflate";

/** The document.xml of a Word file. */
export async function documentXml(doc: Parameters<typeof Packer.toBuffer>[0]): Promise<string> {
  return (await wordParts(doc))["word/document.xml"]!;
}

/** Every XML part of a Word file, by its path in the package ("word/footer1.xml"). */
export async function wordParts(doc: Parameters<typeof Packer.toBuffer>[0]): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  return Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith(".xml")).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The characters of XML text, its entities read. */
const decoded = (xml: string) => xml.replace(/&(\w+);/g, (entity, name: string) => ENTITIES[name] ?? entity);

/**
 * Text of each paragraph after Word's "accept all" (drop w:del and w:moveFrom) or "reject
 * all" (drop w:ins and w:moveTo, keep w:delText). A paragraph whose mark is deleted or moved
 * away (accept) or inserted or moved in (reject) runs on into the next one, as in Word.
 */
export function paragraphs(xml: string, mode: "accept" | "reject"): string[] {
  const gone = mode === "accept" ? ["del", "moveFrom"] : ["ins", "moveTo"];
  const out: string[] = [];
  let carry = "";
  for (const [p] of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const mark = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? "";
    // Paragraph-mark revisions are self-closing (<w:del .../>): matched on their own, not up to
    // the next </w:del>. `<w:moveTo ` and `<w:moveTo\b` leave w:moveToRangeStart alone.
    const kept = gone.reduce((text, name) => text.replace(new RegExp(`<w:${name}\\b[^>]*/>|<w:${name} [\\s\\S]*?</w:${name}>`, "g"), ""), p);
    const text = [...kept.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => decoded(m[1]!)).join("");
    if (gone.some((name) => mark.includes(`<w:${name} `))) {
      carry += text;
      continue;
    }
    out.push((carry + text).replace(/^\d+\.\t/, ""));
    carry = "";
  }
  return out;
}

/**
 * A run of a document.xml: where it stands (kept, or within w:ins, w:del, w:moveFrom,
 * w:moveTo), its text, its style ("b" bold, "i" italics, "bi", "" neither) and, for a
 * formatting revision (w:rPrChange), the style it had.
 */
export interface StyledRun {
  in: "kept" | "ins" | "del" | "moveFrom" | "moveTo";
  text: string;
  style: string;
  was?: string;
}

const styleOf = (rPr: string) => `${/<w:b\/>/.test(rPr) ? "b" : ""}${/<w:i\/>/.test(rPr) ? "i" : ""}`;

/** The runs of a document.xml in order, with their styles. */
export function styledRuns(xml: string): StyledRun[] {
  const within: StyledRun["in"][] = [];
  const out: StyledRun[] = [];
  for (const [, open, close, run] of xml.matchAll(/<w:(ins|del|moveFrom|moveTo) [^>]*[^/]>|<\/w:(ins|del|moveFrom|moveTo)>|<w:r>([\s\S]*?)<\/w:r>/g)) {
    if (open) within.push(open as StyledRun["in"]);
    else if (close) within.pop();
    else {
      const change = /<w:rPrChange [^>]*>([\s\S]*?)<\/w:rPrChange>/.exec(run!);
      const own = change ? run!.replace(change[0], "") : run!;
      const text = [...own.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)</g)].map((m) => decoded(m[1]!)).join("");
      out.push({ in: within.at(-1) ?? "kept", text, style: styleOf(own), ...(change && { was: styleOf(change[1]!) }) });
    }
  }
  return out;
}
