import { xmlSafe, xmlSafeDeep } from "../../lib/validation/text";
import { PlenaryError } from "../../lib/errors";
// The text formats' own modules, not the exporters' index (which brings docx and pdfkit):
// Word and PDF files are laid out by `render` (server/renderer.ts).
import { exportFileName, withStatusNotes, type ExportMeta, type ExportParagraph } from "../../lib/exporter/model";
import { toMarkdown } from "../../lib/exporter/markdown";
import { toAkomaNtoso, toHtml, toJson } from "../../lib/exporter/text-formats";
import type { Revision } from "../../lib/exporter/redline";
import { STATUS_FORMATS, type ExportFormat } from "../../lib/exporter/formats";
import type { RenderJob } from "../render";
import type { Compare } from "./compare";
import type { Versions } from "./versions";
import { compilationRows, type ProposalSource } from "./compilation";

export { EXPORT_FORMATS, type ExportFormat } from "../../lib/exporter/formats";
export type { ProposalSource } from "./compilation";

export interface ExportFile {
  body: Uint8Array | string;
  contentType: string;
  fileName: string;
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Exports of any version or the live text; anyone with a role on the document may export. */
export function createExports(deps: {
  versions: Versions;
  compare: Compare;
  meta: (documentId: string, userId: string) => { title: string; symbol: string | null; date: string | null };
  /** The document's annotations (the caller's role is checked there). */
  proposals: (documentId: string, userId: string) => ProposalSource[];
  /** Lays out Word and PDF files (the app: in a worker thread, server/renderer.ts; tests: renderFile, in-process). */
  render: (job: RenderJob) => Promise<Uint8Array>;
}) {
  const { versions, compare, meta, proposals, render } = deps;

  /** A version's compilation lists the positions as they stood when it was saved; the live text's, as they stand. */
  function compilationOf(documentId: string, userId: string, version: string, paragraphs: ExportParagraph[]) {
    const asOf = version === "live" ? undefined : versions.savedAtEvent(documentId, userId, version);
    return compilationRows(paragraphs, proposals(documentId, userId), versions.pendingChanges(documentId, userId, version), asOf);
  }

  /**
   * A document with no date of its own is dated, in print, the day its version was saved (the
   * live text: the day it is exported), as each revision of a draft carries its issue date.
   */
  function metaOf(documentId: string, userId: string, version: string, label: string, createdAt: number): ExportMeta {
    const doc = meta(documentId, userId);
    const symbol = version === "live" ? doc.symbol : (versions.get(documentId, userId, version).symbol ?? doc.symbol);
    const date = doc.date ?? new Date(createdAt).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    return { title: doc.title, symbol, date, versionLabel: label };
  }

  return {
    /**
     * `statuses`: Word, PDF, Markdown and HTML end each paragraph that is not open with its status.
     * `marginReferences: false`: the PDF leaves out the PP/OP references in its margin.
     */
    async export(
      documentId: string,
      userId: string,
      format: ExportFormat,
      version: string,
      base?: string,
      options: { statuses?: boolean; marginReferences?: boolean } = {},
    ): Promise<ExportFile> {
      const v = versions.paragraphsOf(documentId, userId, version);
      // Text typed or pasted in the editor may hold characters XML cannot carry (U+FFFE, a
      // control character): left out of every export, or Word would refuse the file.
      const m = xmlSafeDeep(metaOf(documentId, userId, version, v.label, v.createdAt));
      const frozen: ExportParagraph[] = xmlSafeDeep(v.paragraphs);
      const paragraphs = options.statuses && STATUS_FORMATS.has(format) ? withStatusNotes(frozen) : frozen;
      switch (format) {
        case "md":
          return { body: toMarkdown(m, paragraphs), contentType: "text/markdown; charset=utf-8", fileName: exportFileName(m, "md") };
        case "html":
          return { body: toHtml(m, paragraphs), contentType: "text/html; charset=utf-8", fileName: exportFileName(m, "html") };
        case "json":
          return { body: toJson(m, paragraphs), contentType: "application/json", fileName: exportFileName(m, "json") };
        case "akn":
          return { body: toAkomaNtoso(m, paragraphs), contentType: "application/akn+xml", fileName: exportFileName(m, "akn.xml") };
        case "pdf":
          return { body: await render({ format: "pdf", meta: m, paragraphs, print: { marginReferences: options.marginReferences } }), contentType: "application/pdf", fileName: exportFileName(m, "pdf") };
        case "compilation": {
          const rows = xmlSafeDeep(compilationOf(documentId, userId, version, paragraphs));
          return { body: await render({ format: "compilation", meta: m, rows }), contentType: DOCX, fileName: exportFileName(m, "docx", "compilation") };
        }
        case "docx":
          return { body: await render({ format: "docx", meta: m, paragraphs }), contentType: DOCX, fileName: exportFileName(m, "docx") };
        case "docx-redline": {
          if (!base) throw new PlenaryError("bad_request", "a redline needs base=<versionId> to compare against");
          const result = await compare.compare(documentId, userId, base, version);
          const date = new Date(result.to.createdAt).toISOString();
          const pairs = xmlSafeDeep(result.pairs);
          const authors: Revision[] = pairs.map((_, i) => {
            const a = result.attributions[i]?.[0];
            return { author: xmlSafe(a ? a.delegations.join(", ") || a.decidedBy : "Chair"), date };
          });
          const body = await render({
            format: "docx-redline",
            meta: { ...m, versionLabel: xmlSafe(`${result.to.label} against ${result.from.label}`) },
            pairs,
            authors,
            // The runs the compared text was printed from, for its bold and italics.
            sources: { from: xmlSafeDeep(versions.paragraphsOf(documentId, userId, base).paragraphs), to: frozen },
          });
          return { body, contentType: DOCX, fileName: exportFileName(m, "docx", `redline-against-${result.from.label}`) };
        }
      }
    },
  };
}
