export { acceptedRuns, acceptedText, attachmentHeader, exportFileName, headerLine, printedNumber, printedRunTexts, printedText, versionName, withStatusNotes, type ExportMeta, type ExportParagraph } from "./model";
export { toMarkdown } from "./markdown";
export { toAkomaNtoso, toHtml, toJson } from "./text-formats";
export { buildDocx } from "./docx";
export { buildRedlineDocx, type Revision } from "./redline";
export { buildCompilationDocx, describeEntry, type CompilationEntry, type CompilationRow } from "./compilation";
export { buildPdf, type PdfFonts, type PdfOptions } from "./pdf";
export { EXPORT_FORMATS, type ExportFormat } from "./formats";
