import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type { Schema } from "@tiptap/pm/model";
import { BLOCK_KINDS, type Block, type BlockKind, type RenderedParagraph, type RunMark, type TextRun } from "./types";
import { computeNumbers } from "./numbering";
import { FRAGMENT_NAME } from "../editor/schema";

interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}
interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: PmMark[];
}

/** ProseMirror JSON for a list of blocks (the editor's document). */
export function blocksToProsemirrorJSON(blocks: readonly Block[]): PmNode {
  return {
    type: "doc",
    content: blocks.map((block) => ({
      type: block.kind,
      attrs: { id: block.id },
      content: block.runs
        .filter((run) => run.text.length > 0)
        .map((run) => ({
          type: "text",
          text: run.text,
          ...(run.marks?.length ? { marks: run.marks.map((m) => ({ type: m })) } : {}),
        })),
    })),
  };
}

/** Writes blocks into the document's `default` fragment in one transaction. */
export function writeBlocks(doc: Y.Doc, schema: Schema, blocks: readonly Block[]): void {
  const fragment = doc.getXmlFragment(FRAGMENT_NAME);
  doc.transact(() => {
    prosemirrorJSONToYXmlFragment(schema, blocksToProsemirrorJSON(blocks), fragment);
  });
}

const KNOWN_MARKS = new Set<string>(["bold", "italic", "bracket", "insertion", "deletion"]);

function isBlockKind(type: string): type is BlockKind {
  return (BLOCK_KINDS as readonly string[]).includes(type);
}

function runsOf(node: PmNode): TextRun[] {
  const runs: TextRun[] = [];
  for (const child of node.content ?? []) {
    if (child.type !== "text" || !child.text) continue;
    const marks = (child.marks ?? [])
      .map((m) => m.type)
      .filter((m): m is RunMark => KNOWN_MARKS.has(m))
      .sort();
    runs.push(marks.length ? { text: child.text, marks } : { text: child.text });
  }
  return runs;
}

/**
 * Renders the paragraph model (id, kind, number, text, runs) from a Y.Doc's content.
 * Unknown node types are rendered as plain paragraphs so no text is ever hidden.
 */
export function renderParagraphs(doc: Y.Doc): RenderedParagraph[] {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(FRAGMENT_NAME)) as PmNode;
  const blocks = (json.content ?? []).map((node) => {
    const runs = runsOf(node);
    const id = typeof node.attrs?.id === "string" ? node.attrs.id : "";
    const kind: BlockKind = isBlockKind(node.type) ? node.type : "paragraph";
    return { id, kind, runs, text: runs.map((r) => r.text).join("") };
  });
  const numbers = computeNumbers(blocks.map((b) => b.kind));
  return blocks.map((b, i) => ({ ...b, number: numbers[i] ?? null }));
}
