import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Node as PmNode } from "@tiptap/pm/model";
import { computeNumbers } from "@/lib/model/numbering";
import { BLOCK_KINDS, type BlockKind } from "@/lib/model/types";

const key = new PluginKey<DecorationSet>("paragraphNumbers");

function isKind(name: string): name is BlockKind {
  return (BLOCK_KINDS as readonly string[]).includes(name);
}

function decorate(doc: PmNode): DecorationSet {
  const blocks: { pos: number; size: number; kind: BlockKind }[] = [];
  doc.forEach((node, offset) => {
    blocks.push({ pos: offset, size: node.nodeSize, kind: isKind(node.type.name) ? node.type.name : "paragraph" });
  });
  const numbers = computeNumbers(blocks.map((b) => b.kind));
  const decorations = blocks.flatMap((b, i) => {
    const n = numbers[i];
    return n ? [Decoration.node(b.pos, b.pos + b.size, { "data-number": n })] : [];
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Paragraph numbers (PP1, OP3, 12.) in the margin: computed from the block sequence on
 * every change and shown through a data attribute, never stored as text.
 */
export const ParagraphNumbers = Extension.create({
  name: "paragraphNumbers",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => decorate(state.doc),
          apply: (tr, old) => (tr.docChanged ? decorate(tr.doc) : old),
        },
        props: {
          decorations: (state) => key.getState(state),
        },
      }),
    ];
  },
});
