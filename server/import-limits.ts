// Its own module: the server's thread and the import route check uploads against it
// (server/request-limits.ts, app/api/documents/import/route.ts) without loading the importer
// (mammoth, JSZip), which runs in a worker (server/importer.ts).
/** Largest draft accepted for import. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The longest document title, as the new-document form takes it; a title read from a file is cut to it. */
export const MAX_TITLE_LENGTH = 300;

/** The longest of each of a document's details: read from a file (cut to it), typed in Edit details. */
export const DETAIL_LIMITS = { title: MAX_TITLE_LENGTH, symbol: 80, date: 120, place: 120, originalLanguage: 120 } as const;

/**
 * Drafts being received or read at once, over the whole server: each upload is up to 10 MiB
 * held in memory until it is read, so they are counted from before the body is read.
 */
export const MAX_IMPORT_UPLOADS = 4;
/** …and by one person. */
export const MAX_IMPORT_UPLOADS_PER_USER = 2;
