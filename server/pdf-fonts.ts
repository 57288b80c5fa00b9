import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { PdfFonts } from "../lib/exporter/pdf";

let cached: PdfFonts | null = null;
let cjk: ReturnType<PdfFonts["cjk"]> | null = null;

/** The package's directory (node_modules/<name>). */
const packageDir = (name: string) => path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));

/**
 * DejaVu Serif, the PDF exports' typeface: free, with Latin, Greek and Cyrillic (Arabic in
 * DejaVu Sans, which has it; Chinese in Noto Sans SC, read on first need), embedded (pdfkit
 * writes a ToUnicode map, so the text can be searched and extracted). Read once.
 */
export function pdfFonts(): PdfFonts {
  if (cached) return cached;
  const dir = path.join(packageDir("dejavu-fonts-ttf"), "ttf");
  const read = (file: string) => new Uint8Array(fs.readFileSync(path.join(dir, file)));
  cached = {
    regular: read("DejaVuSerif.ttf"),
    italic: read("DejaVuSerif-Italic.ttf"),
    bold: read("DejaVuSerif-Bold.ttf"),
    boldItalic: read("DejaVuSerif-BoldItalic.ttf"),
    // DejaVu Serif has no Arabic; DejaVu Sans does, upright and bold (no italic).
    arabic: read("DejaVuSans.ttf"),
    arabicBold: read("DejaVuSans-Bold.ttf"),
    // Noto Sans SC (SIL Open Font License): the simplified Chinese the United Nations uses.
    cjk: () => {
      if (cjk) return cjk;
      const sc = packageDir("@expo-google-fonts/noto-sans-sc");
      const face = (file: string) => new Uint8Array(fs.readFileSync(path.join(sc, file)));
      cjk = { cjk: face("400Regular/NotoSansSC_400Regular.ttf"), cjkBold: face("700Bold/NotoSansSC_700Bold.ttf") };
      return cjk;
    },
  };
  return cached;
}
