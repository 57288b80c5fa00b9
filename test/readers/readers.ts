import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** What LibreOffice read from a Word file (see libreoffice.py). */
export interface LibreOfficeReading {
  file: string;
  paragraphs: string[];
  redlines: { type: string; author: string }[];
  /** Paragraphs after LibreOffice's "Accept All". */
  accept: string[];
  acceptRedlines: number;
  /** Paragraphs after "Reject All". */
  reject: string[];
  rejectRedlines: number;
}

/** The python that has LibreOffice's UNO bridge (Debian's python3-uno, from libreoffice-writer). */
const PYTHON = process.env.LIBREOFFICE_PYTHON ?? "/usr/bin/python3";
const SCRIPT = path.join(import.meta.dirname, "libreoffice.py");

/**
 * Opens Word files in real LibreOffice (headless) and returns what it read. Fails with the
 * install hint when LibreOffice is missing: `.ci/run` installs it; these tests never skip.
 */
export async function readWithLibreOffice(files: Record<string, Uint8Array>): Promise<Record<string, LibreOfficeReading>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-readers-"));
  const paths = Object.entries(files).map(([name, bytes]) => {
    const file = path.join(dir, `${name}.docx`);
    fs.writeFileSync(file, bytes);
    return file;
  });
  try {
    const { stdout } = await run(PYTHON, [SCRIPT, ...paths], { timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
    const out: Record<string, LibreOfficeReading> = {};
    for (const line of stdout.split("\n").filter(Boolean)) {
      const r = JSON.parse(line) as LibreOfficeReading;
      out[path.basename(r.file, ".docx")] = r;
    }
    return out;
  } catch (err) {
    throw new Error(`LibreOffice could not read the files (install Debian's libreoffice-writer; .ci/run does): ${String(err)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A Word file as LibreOffice prints it: PDF bytes (`soffice --convert-to pdf`, a profile of its own). */
export async function docxToPdf(bytes: Uint8Array): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-print-"));
  const file = path.join(dir, "file.docx");
  fs.writeFileSync(file, bytes);
  try {
    await run("soffice", ["--headless", `-env:UserInstallation=file://${path.join(dir, "profile")}`, "--convert-to", "pdf", "--outdir", dir, file], { timeout: 180_000 });
    return new Uint8Array(fs.readFileSync(path.join(dir, "file.pdf")));
  } catch (err) {
    throw new Error(`LibreOffice could not print the file (install Debian's libreoffice-writer; .ci/run does): ${String(err)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of a PDF as poppler's pdftotext extracts it (Debian's poppler-utils). */
export async function pdfToText(bytes: Uint8Array, layout = false): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-pdf-"));
  const file = path.join(dir, "file.pdf");
  fs.writeFileSync(file, bytes);
  try {
    const { stdout } = await run("pdftotext", [...(layout ? ["-layout"] : []), "-enc", "UTF-8", file, "-"], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    throw new Error(`pdftotext failed (install Debian's poppler-utils; .ci/run does): ${String(err)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Page count as poppler's pdfinfo reads it. */
export async function pdfPages(bytes: Uint8Array): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-pdf-"));
  const file = path.join(dir, "file.pdf");
  fs.writeFileSync(file, bytes);
  try {
    const { stdout } = await run("pdfinfo", [file]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** libxml2's xmllint: parses an XML file (well-formed, namespaces) and evaluates an XPath. */
export async function xmlXPath(xml: string, xpath: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-xml-"));
  const file = path.join(dir, "file.xml");
  fs.writeFileSync(file, xml);
  try {
    const { stdout } = await run("xmllint", ["--nonet", "--xpath", xpath, file]);
    return stdout.trim();
  } catch (err) {
    throw new Error(`xmllint refused the file or the path (install Debian's libxml2-utils; .ci/run does): ${String(err)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The document information poppler's pdfinfo reads ("Title", "Tagged", "Pages" ...), by key. */
export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-pdf-"));
  const file = path.join(dir, "file.pdf");
  fs.writeFileSync(file, bytes);
  try {
    const { stdout } = await run("pdfinfo", ["-enc", "UTF-8", file]);
    return Object.fromEntries(stdout.split("\n").flatMap((l) => {
      const m = /^([^:]+):\s*(.*)$/.exec(l);
      return m ? [[m[1]!, m[2]!.trim()]] : [];
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The logical structure of a tagged PDF with each element's text, as `pdfinfo -struct-text` prints it. */
export async function pdfStructure(bytes: Uint8Array): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-pdf-"));
  const file = path.join(dir, "file.pdf");
  fs.writeFileSync(file, bytes);
  try {
    const { stdout } = await run("pdfinfo", ["-enc", "UTF-8", "-struct-text", file]);
    return stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A word poppler found on a page and its box, in points from the page's top left. */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of one page (1-based) with their boxes, in reading order, as `pdftotext -bbox` finds them. */
export async function pdfWords(bytes: Uint8Array, page: number): Promise<PdfWord[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-pdf-"));
  const file = path.join(dir, "file.pdf");
  fs.writeFileSync(file, bytes);
  try {
    const { stdout } = await run("pdftotext", ["-bbox", "-enc", "UTF-8", "-f", String(page), "-l", String(page), file, "-"], { maxBuffer: 64 * 1024 * 1024 });
    const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5]!.replace(/&(\w+);/g, (e, name: string) => entities[name] ?? e),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    }));
  } catch (err) {
    throw new Error(`pdftotext failed (install Debian's poppler-utils; .ci/run does): ${String(err)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
