import { getSchema, type Extensions } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import Text from "@tiptap/extension-text";
import Bold from "@tiptap/extension-bold";
import Italic from "@tiptap/extension-italic";
import UniqueID from "@tiptap/extension-unique-id";
import { BLOCK_KINDS } from "../model/types";
import { BlockNodes } from "./blocks";
import { Bracket, Deletion, Insertion } from "./marks";

/** The Y.XmlFragment that holds the ProseMirror content (TipTap's default name). */
export const FRAGMENT_NAME = "default";

/** Attribute that carries the stable block id (rendered to HTML as data-id). */
export const BLOCK_ID_ATTR = "id";

const FlatDocument = Document.extend({ content: "block+" });

/**
 * The document schema's extensions, shared by the browser editor and the server (which
 * builds seeded documents with the same schema). Collaboration is added by the editor.
 */
export function documentExtensions(options: { assignIds?: boolean } = {}): Extensions {
  return [
    FlatDocument,
    Text,
    ...BlockNodes,
    // First of the marks, so the outermost: words in brackets are one "[...]" in the editor
    // even where italics or a tracked change inside them cut them into several text nodes
    // (ProseMirror nests marks in schema order and shares an outer mark across nodes).
    Bracket,
    Bold,
    Italic,
    Insertion,
    Deletion,
    UniqueID.configure({
      attributeName: BLOCK_ID_ATTR,
      types: [...BLOCK_KINDS],
      generateID: () => crypto.randomUUID(),
      // Read-only clients must not write ids into a document they cannot change.
      updateDocument: options.assignIds ?? true,
    }),
  ];
}

/** The ProseMirror schema, for building and reading documents outside an editor. */
export function documentSchema() {
  return getSchema(documentExtensions());
}
