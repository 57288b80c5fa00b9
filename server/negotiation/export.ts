import { Packer } from "docx";
import { PlenaryError } from "../../lib/errors";
import { buildDocx, buildRedlineDocx, exportFileName, toAkomaNtoso, toHtml, toJson, toMarkdown, type ExportMeta, type ExportParagraph } from "../../lib/exporter";
import type { ParagraphPair } from "../../lib/diff";
import type { Compare } from "./compare";
import type { Versions } from "./versions";

export const EXPORT_FORMATS = ["docx", "docx-redline", "md", "html", "json", "akn"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

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
}) {
  const { versions, compare, meta } = deps;

  function metaOf(documentId: string, userId: string, version: string, label: string): ExportMeta {
    const doc = meta(documentId, userId);
    const symbol = version === "live" ? doc.symbol : (versions.get(documentId, userId, version).symbol ?? doc.symbol);
    return { title: doc.title, symbol, date: doc.date, versionLabel: label };
  }

  return {
    async export(documentId: string, userId: string, format: ExportFormat, version: string, base?: string): Promise<ExportFile> {
      const v = versions.paragraphsOf(documentId, userId, version);
      const m = metaOf(documentId, userId, version, v.label);
      const paragraphs: ExportParagraph[] = v.paragraphs;
      switch (format) {
        case "md":
          return { body: toMarkdown(m, paragraphs), contentType: "text/markdown; charset=utf-8", fileName: exportFileName(m, "md") };
        case "html":
          return { body: toHtml(m, paragraphs), contentType: "text/html; charset=utf-8", fileName: exportFileName(m, "html") };
        case "json":
          return { body: toJson(m, paragraphs), contentType: "application/json", fileName: exportFileName(m, "json") };
        case "akn":
          return { body: toAkomaNtoso(m, paragraphs), contentType: "application/akn+xml", fileName: exportFileName(m, "akn.xml") };
        case "docx":
          return { body: new Uint8Array(await Packer.toBuffer(buildDocx(m, paragraphs))), contentType: DOCX, fileName: exportFileName(m, "docx") };
        case "docx-redline": {
          if (!base) throw new PlenaryError("bad_request", "a redline needs base=<versionId> to compare against");
          const result = compare.compare(documentId, userId, base, version);
          const when = new Date(result.to.createdAt).toISOString();
          const attributionOf = new Map<ParagraphPair, string>();
          result.pairs.forEach((pair, i) => {
            const a = result.attributions[i]?.[0];
            attributionOf.set(pair, a ? a.delegations.join(", ") || a.decidedBy : "Chair");
          });
          const doc = buildRedlineDocx(
            { ...m, versionLabel: `${result.to.label} against ${result.from.label}` },
            result.pairs,
            (pair) => ({ author: attributionOf.get(pair) ?? "Chair", date: when }),
          );
          return { body: new Uint8Array(await Packer.toBuffer(doc)), contentType: DOCX, fileName: exportFileName({ ...m, versionLabel: `${v.label}-redline` }, "docx") };
        }
      }
    },
  };
}
