import * as Y from "yjs";
import { documentSchema } from "../lib/editor/schema";
import { writeBlocks } from "../lib/model/ydoc";
import type { Block, DocumentMeta } from "../lib/model/types";
import type { Db } from "./db/client";
import { grantRole, insertDocument } from "./db/documents";
import type { UpdateLog } from "./db/update-log";

export interface NewDocumentInput {
  id: string;
  meta: DocumentMeta;
  blocks: readonly Block[];
  chairId: string;
  seedKey?: string;
}

/**
 * Creates a document: its metadata row, its chair, and its initial text as the first row
 * of its update log (attributed to the chair), all in one transaction. The text is built
 * here on the server, never by a client that finds an empty document.
 */
export function createDocumentWithBlocks(db: Db, updateLog: UpdateLog, input: NewDocumentInput): Uint8Array {
  const ydoc = new Y.Doc();
  writeBlocks(ydoc, documentSchema(), input.blocks);
  const initial = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  db.transaction(() => {
    insertDocument(db, {
      id: input.id,
      title: input.meta.title,
      symbol: input.meta.symbol ?? null,
      date: input.meta.date ?? null,
      place: input.meta.place ?? null,
      originalLanguage: input.meta.originalLanguage ?? null,
      seedKey: input.seedKey ?? null,
      createdBy: input.chairId,
    });
    grantRole(db, input.id, input.chairId, "chair", null, input.chairId);
    updateLog.append([{ documentId: input.id, userId: input.chairId, delegationId: null, data: initial }]);
  });
  return initial;
}
