import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { PdfFonts } from "../lib/exporter/pdf";

let cached: PdfFonts | null = null;

/**
 * DejaVu Serif, the PDF exports' typeface: free, with Latin, Greek and Cyrillic (Arabic in
 * DejaVu Sans, which has it), embedded (pdfkit writes a ToUnicode map, so the text can be searched and extracted). Read once.
 */
export function pdfFonts(): PdfFonts {
  if (cached) return cached;
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
  const read = (file: string) => new Uint8Array(fs.readFileSync(path.join(dir, file)));
  cached = {
    regular: read("DejaVuSerif.ttf"),
    italic: read("DejaVuSerif-Italic.ttf"),
    bold: read("DejaVuSerif-Bold.ttf"),
    boldItalic: read("DejaVuSerif-BoldItalic.ttf"),
    // DejaVu Serif has no Arabic; DejaVu Sans does, upright and bold (no italic).
    arabic: read("DejaVuSans.ttf"),
    arabicBold: read("DejaVuSans-Bold.ttf"),
  };
  return cached;
}
