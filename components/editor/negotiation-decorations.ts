import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Node as PmNode } from "@tiptap/pm/model";
import type * as Y from "yjs";
import { anchorResolver } from "@/lib/negotiation/anchor";
import { ANNOTATION_KIND_LABEL } from "@/lib/negotiation/types";
import type { AnnotationView } from "@/server/negotiation/views";

export interface NegotiationState {
  doc: Y.Doc | null;
  annotations: readonly AnnotationView[];
  statuses: Readonly<Record<string, string>>;
  selectedId: string | null;
}

const key = new PluginKey<DecorationSet>("negotiationDecorations");
const REFRESH = "negotiationRefresh";

/** Asks the editor to redraw annotations and statuses (after they changed outside the text). */
export function refreshNegotiation(tr: Transaction): Transaction {
  return tr.setMeta(REFRESH, true);
}

function blockPositions(doc: PmNode): Map<string, number> {
  const positions = new Map<string, number>();
  doc.forEach((node, offset) => {
    const id = node.attrs.id;
    if (typeof id === "string") positions.set(id, offset);
  });
  return positions;
}

function proposedWidget(a: AnnotationView): HTMLElement {
  const span = document.createElement("ins");
  span.className = "amend-ins";
  span.textContent = a.proposedText ?? "";
  span.dataset.annotationId = a.id;
  span.style.setProperty("--d", a.author.delegation?.color ?? "#374151");
  span.title = `Proposed by ${a.author.delegation?.name ?? a.author.userName}`;
  return span;
}

/**
 * What a position's mark says to a screen reader: its kind and who filed it (the words it
 * marks follow it and are read as they are).
 */
export function positionLabel(a: AnnotationView, wholeParagraph: boolean): string {
  const op = a.kind === "amendment" && a.op ? ` (${a.op})` : "";
  const n = a.cosponsors.length;
  const with_ = n ? ` with ${n} co-sponsor${n === 1 ? "" : "s"}` : "";
  return `${ANNOTATION_KIND_LABEL[a.kind]}${op} by ${a.author.delegation?.name ?? a.author.userName}${with_}${wholeParagraph ? " on the whole paragraph" : ""}`;
}

/**
 * The mark before a position's words (or, on no words, where it was filed: the whole
 * paragraph), its shape telling the kind. Drawn by CSS (::before): no text to copy, search
 * or count.
 */
function markWidget(a: AnnotationView, label: string, wholeParagraph: boolean, selected: boolean): HTMLElement {
  const mark = document.createElement("span");
  mark.className = `ann-mark ann-mark-${a.kind}${wholeParagraph ? " ann-point" : ""}${selected ? " ann-selected" : ""}`;
  mark.dataset.annotationId = a.id;
  mark.style.setProperty("--d", a.author.delegation?.color ?? "#374151");
  mark.setAttribute("role", "img");
  mark.setAttribute("aria-label", label);
  mark.title = label;
  mark.contentEditable = "false";
  return mark;
}

/**
 * The decorations of the negotiation over `doc`: paragraph statuses, and the open positions
 * resolved against the live text (read once for all of them: this runs on every keystroke).
 */
export function negotiationDecorations(doc: PmNode, state: NegotiationState): DecorationSet {
  const positions = blockPositions(doc);
  const decorations: Decoration[] = [];
  for (const [blockId, status] of Object.entries(state.statuses)) {
    const pos = positions.get(blockId);
    const node = pos === undefined ? null : doc.nodeAt(pos);
    if (pos !== undefined && node) decorations.push(Decoration.node(pos, pos + node.nodeSize, { "data-status": status }));
  }
  if (!state.doc) return DecorationSet.create(doc, decorations);
  const anchors = anchorResolver(state.doc);
  for (const a of state.annotations) {
    if (a.status !== "open") continue;
    const at = anchors.resolve(a.anchor);
    if (at.detached) continue;
    const base = positions.get(at.blockId);
    if (base === undefined) continue;
    const from = base + 1 + at.from;
    const to = base + 1 + at.to;
    if (to > doc.content.size) continue;
    const color = a.author.delegation?.color ?? "#374151";
    const selected = a.id === state.selectedId ? " ann-selected" : "";
    const struck = a.kind === "amendment" && a.op !== "insert" ? " amend-del" : "";
    const wholeParagraph = to === from && a.kind !== "amendment";
    // On no words, the mark is all there is of the position: it shows it selected.
    const markSelected = wholeParagraph && selected !== "";
    const label = positionLabel(a, wholeParagraph);
    decorations.push(
      Decoration.widget(from, () => markWidget(a, label, wholeParagraph, markSelected), {
        side: -1,
        key: `mark-${a.id}${markSelected ? "-selected" : ""}:${label}`,
        ignoreSelection: true,
      }),
    );
    if (to > from) {
      decorations.push(
        Decoration.inline(from, to, {
          // Its own element even on words another position marks too: merged into one, the
          // later position's class and colour hid the other (a support over an objection).
          nodeName: "span",
          class: `ann ann-${a.kind}${struck}${selected}`,
          style: `--d: ${color}`,
          "data-annotation-id": a.id,
        }),
      );
    }
    if (a.kind === "amendment" && a.op !== "delete" && a.proposedText) {
      decorations.push(Decoration.widget(to, () => proposedWidget(a), { side: 1, key: `amend-${a.id}` }));
    }
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Draws the negotiation over the text for everyone: annotated spans in the author's colour,
 * each kind with its own line and mark, amendments as inline proposals (struck / inserted
 * wording), paragraph status in the margin.
 */
export const NegotiationDecorations = Extension.create<{ getState: () => NegotiationState }>({
  name: "negotiationDecorations",
  addOptions() {
    return { getState: () => ({ doc: null, annotations: [], statuses: {}, selectedId: null }) };
  },
  addProseMirrorPlugins() {
    const getState = this.options.getState;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, s) => negotiationDecorations(s.doc, getState()),
          apply: (tr, old) => (tr.docChanged || tr.getMeta(REFRESH) ? negotiationDecorations(tr.doc, getState()) : old.map(tr.mapping, tr.doc)),
        },
        props: {
          decorations: (s) => key.getState(s),
        },
      }),
    ];
  },
});
