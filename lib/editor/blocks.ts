import { Node, mergeAttributes } from "@tiptap/core";
import type { BlockKind } from "../model/types";

interface BlockSpec {
  kind: BlockKind;
  tag: string;
  /** CSS class that styles the block and carries its kind into exported HTML. */
  className: string;
}

const SPECS: BlockSpec[] = [
  { kind: "paragraph", tag: "p", className: "blk-paragraph" },
  { kind: "title", tag: "h1", className: "blk-title" },
  { kind: "heading", tag: "h2", className: "blk-heading" },
  { kind: "preambular", tag: "p", className: "blk-preambular" },
  { kind: "operative", tag: "p", className: "blk-operative" },
  { kind: "bullet", tag: "p", className: "blk-bullet" },
];

function blockNode(spec: BlockSpec) {
  return Node.create({
    name: spec.kind,
    group: "block",
    content: "inline*",
    defining: true,
    parseHTML() {
      // Plain <p> and <h1>/<h2> parse to paragraph/title/heading; the others need their class.
      const byClass = { tag: `${spec.tag}.${spec.className}`, priority: 60 };
      return spec.kind === "paragraph" || spec.kind === "title" || spec.kind === "heading"
        ? [byClass, { tag: spec.tag }]
        : [byClass];
    },
    renderHTML({ HTMLAttributes }) {
      return [spec.tag, mergeAttributes(HTMLAttributes, { class: spec.className, "data-kind": spec.kind }), 0];
    },
  });
}

/** One ProseMirror node per block kind; paragraph first, so it is the default block. */
export const BlockNodes = SPECS.map(blockNode);
