import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";

/**
 * Which of two blocks keeps a paragraph's id when it is split in two or two are joined: the
 * one with more text.
 * Enter splits a paragraph into two blocks that carry its id; UniqueID keeps the id on the
 * first unless it is empty. A chair who types a new paragraph at the start of OP2 and presses
 * Enter left the id (and with it the paragraph's status, its place in a comparison and in the
 * references' tracker) on the new words, and the old text under a new id: the comparison read
 * "Split OP2 → OP2 + OP3" and a reference in the old text "moved". The longer half is most of
 * the paragraph it was.
 */
export function splitIdentity(transactions: readonly Transaction[], oldState: EditorState, newState: EditorState, attribute: string, generateId: () => string): Transaction | null {
  // Remote changes (Yjs) come with their ids decided.
  if (!transactions.some((t) => t.docChanged) || transactions.some((t) => t.getMeta("y-sync$"))) return null;
  if (newState.doc.childCount > oldState.doc.childCount) return splitKeepsLonger(newState, attribute, generateId);
  if (newState.doc.childCount < oldState.doc.childCount) return joinKeepsLonger(oldState, newState, attribute);
  return null;
}

/** A split: of two blocks that share an id, the shorter takes a new one. */
function splitKeepsLonger(newState: EditorState, attribute: string, generateId: () => string): Transaction | null {
  const seen = new Map<string, { pos: number; size: number }>();
  let tr: Transaction | null = null;
  newState.doc.forEach((node, pos) => {
    const id = node.attrs[attribute] as string | null | undefined;
    if (!id) return;
    const here = { pos, size: node.textContent.length };
    const before = seen.get(id);
    if (!before) {
      seen.set(id, here);
      return;
    }
    const [shorter, longer] = before.size < here.size ? [before, here] : [here, before];
    tr ??= newState.tr;
    tr.setNodeAttribute(shorter.pos, attribute, generateId());
    seen.set(id, longer);
  });
  return tr ? (tr as Transaction).setMeta("addToHistory", false) : null;
}

/**
 * A join (Backspace at a paragraph's start, Delete at its end): ProseMirror keeps the first
 * block; the joined block takes the id of the longer of the two, so a split and a join give
 * the paragraph its id back whichever half was new.
 */
function joinKeepsLonger(oldState: EditorState, newState: EditorState, attribute: string): Transaction | null {
  const old: { id: string; text: string }[] = [];
  oldState.doc.forEach((node) => old.push({ id: node.attrs[attribute] as string, text: node.textContent }));
  const index = new Map(old.map((b, i) => [b.id, i]));
  const present = new Set<string>();
  newState.doc.forEach((node) => present.add(node.attrs[attribute] as string));
  let tr: Transaction | null = null;
  newState.doc.forEach((node, pos) => {
    const id = node.attrs[attribute] as string | null | undefined;
    const at = id ? index.get(id) : undefined;
    const next = at === undefined ? undefined : old[at + 1];
    if (!id || at === undefined || !next || present.has(next.id)) return;
    const kept = old[at]!;
    if (node.textContent !== kept.text + next.text || next.text.length <= kept.text.length) return;
    tr ??= newState.tr;
    tr.setNodeAttribute(pos, attribute, next.id);
  });
  return tr ? (tr as Transaction).setMeta("addToHistory", false) : null;
}

/** splitIdentity as an editor extension; it runs before UniqueID (priority 10,000), which then finds no duplicate. */
export const SplitIdentity = Extension.create<{ attribute: string; generateId: () => string }>({
  name: "splitIdentity",
  priority: 10_001,
  addOptions() {
    return { attribute: "id", generateId: () => crypto.randomUUID() };
  },
  addProseMirrorPlugins() {
    const { attribute, generateId } = this.options;
    return [new Plugin({ key: new PluginKey("splitIdentity"), appendTransaction: (trs, oldState, newState) => splitIdentity(trs, oldState, newState, attribute, generateId) })];
  },
});
