import * as Y from "yjs";
import { BLOCK_KINDS } from "../../lib/model/types";
import { BLOCK_ID_ATTR, documentSchema, FRAGMENT_NAME } from "../../lib/editor/schema";

/** Formatting a run of text may carry: the marks of the schema every editor uses. */
const MARKS: ReadonlySet<string> = new Set(Object.keys(documentSchema().marks));
const BLOCKS: ReadonlySet<string> = new Set(BLOCK_KINDS);
/** A block id as the editor writes it (a UUID); generous for ids from imports. */
const MAX_BLOCK_ID_LENGTH = 128;

function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * What a new struct adds that the document's schema cannot hold, or null. Every editor reads
 * the text through y-tiptap, which turns each Yjs type into a ProseMirror node or mark; one
 * it cannot make (a formatting key that names no mark, an element of an unknown kind, a node
 * inside a paragraph's text) makes it throw, and it then DELETES the paragraph it was
 * reading from the shared text (y-tiptap's `createNodeFromYElement` catch), a deletion the
 * next editor to render it stores under its own name. So such structs are refused for every
 * writer before anyone else sees them, whatever the editing mode.
 */
function problemOf(item: Y.Item, fragment: Y.XmlFragment): string | null {
  const { parent, parentSub, content } = item;
  if (content instanceof Y.ContentDeleted) return null;
  if (parent === fragment) {
    if (parentSub !== null) return "an attribute on the document";
    if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement && BLOCKS.has(content.type.nodeName)) return null;
    return content instanceof Y.ContentType && content.type instanceof Y.XmlElement ? `a block of unknown kind "${content.type.nodeName.slice(0, 40)}"` : "content that is not a block";
  }
  if (parent instanceof Y.XmlElement) {
    if (parentSub !== null) {
      if (parentSub !== BLOCK_ID_ATTR) return `a block attribute "${parentSub.slice(0, 40)}"`;
      const value = content.getContent()[0];
      return value === null || (typeof value === "string" && value.length <= MAX_BLOCK_ID_LENGTH) ? null : "a malformed block id";
    }
    return content instanceof Y.ContentType && content.type instanceof Y.XmlText ? null : "something other than text inside a block";
  }
  if (parent instanceof Y.XmlText) {
    if (parentSub !== null) return "an attribute on a paragraph's text";
    if (content instanceof Y.ContentString) return null;
    if (content instanceof Y.ContentFormat) {
      if (!MARKS.has(content.key)) return `formatting "${content.key.slice(0, 40)}", which is not a mark of the document`;
      return content.value === null || isPlainObject(content.value) ? null : `a malformed "${content.key}" mark`;
    }
    return "something other than characters inside a paragraph's text";
  }
  // Root types other than the text are refused as writes outside it (room.ts).
  return null;
}

/** The first thing a transaction's new structs add that the schema cannot hold, or null. */
export function schemaViolation(tr: Y.Transaction): string | null {
  const fragment = tr.doc.getXmlFragment(FRAGMENT_NAME);
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = tr.doc.store.clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct.id.clock >= after) break;
      if (!(struct instanceof Y.Item)) continue;
      const problem = problemOf(struct, fragment);
      if (problem) return problem;
    }
  }
  return null;
}
