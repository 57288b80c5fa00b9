/** Export formats of `GET /api/documents/<id>/export` (kept apart from the builders, which are server-only). */
export const EXPORT_FORMATS = ["docx", "docx-redline", "compilation", "pdf", "md", "html", "json", "akn"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats that can end each paragraph with its status (`statuses=1`): the printed ones. */
export const STATUS_FORMATS: ReadonlySet<ExportFormat> = new Set(["docx", "pdf", "md", "html"]);
