/** Test helpers: Yjs documents of the editor's schema, and tracked-change attributes. */
import * as Y from "yjs";
import { documentSchema } from "../editor/schema";
import { writeBlocks } from "../model/ydoc";
import type { Block } from "../model/types";

export function build(blocks: Block[]): Y.Doc {
  const doc = new Y.Doc();
  writeBlocks(doc, documentSchema(), blocks);
  return doc;
}

/** The i-th block of the document's text. */
export function block(doc: Y.Doc, i: number): Y.XmlElement {
  return doc.getXmlFragment("default").get(i) as Y.XmlElement;
}

/** The text of the i-th block. */
export function xml(doc: Y.Doc, i: number): Y.XmlText {
  return block(doc, i).get(0) as Y.XmlText;
}

export function clone(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Attributes of a suggested insertion / deletion by a delegation. */
export const ins = (id: string, delegation: string) => ({ insertion: { id, delegation } });
export const del = (id: string, delegation: string) => ({ deletion: { id, delegation } });
