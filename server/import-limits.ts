// Its own module: the server's thread and the import route check uploads against it
// (server/request-limits.ts, app/api/documents/import/route.ts) without loading the importer
// (mammoth, JSZip), which runs in a worker (server/importer.ts).
/** Largest draft accepted for import. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
