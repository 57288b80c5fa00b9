import * as Y from "yjs";

/** A run of a block's text with its formatting attributes (marks as stored by y-prosemirror). */
export interface Segment {
  text: string;
  attributes: Record<string, unknown>;
}

export interface BlockText {
  id: string;
  kind: string;
  text: Y.XmlText | null;
  segments: Segment[];
}

/** Every block of the `default` fragment with its text segments, in order. */
export function walkBlocks(doc: Y.Doc): BlockText[] {
  const blocks: BlockText[] = [];
  for (const child of doc.getXmlFragment("default").toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const first = child.length > 0 ? child.get(0) : null;
    const text = first instanceof Y.XmlText ? first : null;
    const segments: Segment[] = [];
    for (const op of (text?.toDelta() ?? []) as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      if (typeof op.insert === "string") segments.push({ text: op.insert, attributes: op.attributes ?? {} });
    }
    blocks.push({ id: String(child.getAttribute("id") ?? ""), kind: child.nodeName, text, segments });
  }
  return blocks;
}

export type SuggestionType = "insertion" | "deletion";

/** The suggestion mark of a segment, if any: its type, id and delegation. */
export function suggestionOf(attributes: Record<string, unknown>): { type: SuggestionType; id: unknown; delegation: unknown } | null {
  for (const type of ["insertion", "deletion"] as const) {
    const value = attributes[type];
    if (value && typeof value === "object") {
      const v = value as Record<string, unknown>;
      return { type, id: v.id, delegation: v.delegation };
    }
    if (value !== undefined && value !== null) return { type, id: undefined, delegation: undefined };
  }
  return null;
}
