import { Packer } from "docx";
import { buildCompilationDocx, buildDocx, buildPdf, buildRedlineDocx, type CompilationRow, type ExportMeta, type ExportParagraph, type PdfOptions, type Revision } from "../lib/exporter";
import type { RedlineSources } from "../lib/exporter/redline";
import { compareParagraphs, type ComparableParagraph, type CompareResult, type ParagraphPair } from "../lib/diff";
import { pdfFonts } from "./pdf-fonts";

/**
 * A file to lay out, as plain data (it crosses to the render worker): everything read from
 * the document and the database is in it already.
 */
export type RenderJob =
  | { format: "docx"; meta: ExportMeta; paragraphs: ExportParagraph[] }
  | { format: "pdf"; meta: ExportMeta; paragraphs: ExportParagraph[]; print?: PdfOptions }
  | { format: "compilation"; meta: ExportMeta; rows: CompilationRow[] }
  /** `authors[i]`: who made the change in `pairs[i]`, and when. */
  | { format: "docx-redline"; meta: ExportMeta; pairs: ParagraphPair[]; authors: Revision[]; sources: RedlineSources };

/** Lays out a Word or PDF file: the expensive part of an export (0.2 to 1 s for a 300-paragraph report). */
export async function renderFile(job: RenderJob): Promise<Uint8Array> {
  switch (job.format) {
    case "pdf":
      return buildPdf(job.meta, job.paragraphs, pdfFonts(), job.print);
    case "docx":
      return new Uint8Array(await Packer.toBuffer(buildDocx(job.meta, job.paragraphs)));
    case "compilation":
      return new Uint8Array(await Packer.toBuffer(buildCompilationDocx(job.meta, job.rows)));
    case "docx-redline": {
      const authorOf = new Map(job.pairs.map((pair, i) => [pair, job.authors[i]!]));
      return new Uint8Array(await Packer.toBuffer(buildRedlineDocx(job.meta, job.pairs, (pair) => authorOf.get(pair)!, job.sources)));
    }
  }
}

/** Two versions' paragraphs to compare (compareParagraphs), as plain data. */
export interface CompareJob {
  format: "compare";
  from: ComparableParagraph[];
  to: ComparableParagraph[];
}

/** What the worker thread does: lay out a file, or compare two versions. */
export type WorkerJob = RenderJob | CompareJob;

/** Runs a job where it is called (the worker thread, or in-process when it cannot run). */
export async function runJob(job: WorkerJob): Promise<Uint8Array | CompareResult> {
  return job.format === "compare" ? compareParagraphs(job.from, job.to) : renderFile(job);
}
