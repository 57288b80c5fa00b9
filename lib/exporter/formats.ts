/** Export formats of `GET /api/documents/<id>/export` (kept apart from the builders, which are server-only). */
export const EXPORT_FORMATS = ["docx", "docx-redline", "compilation", "pdf", "md", "html", "json", "akn"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
