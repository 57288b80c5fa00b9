/**
 * Comment and amendment anchors: a character range inside one block's text, stored as Yjs
 * relative positions so that it follows concurrent edits, plus the quoted text as a fallback.
 *
 * Relative positions point at Yjs items (characters). They survive insertions anywhere and
 * deletions around the range, but not edits that re-create the characters as new items:
 * splitting a paragraph (y-prosemirror moves the tail into a new Y.XmlText, y-prosemirror#204)
 * and undoing a deletion on another client (yjs#638). Resolution therefore checks the result
 * and, when the positions are dead, searches the quote near the original block.
 *
 * Pure module (browser and server): only `yjs` and `lib0`.
 */
import * as Y from "yjs";
import { fromBase64, toBase64 } from "lib0/buffer";
import type { Anchor, ResolvedAnchor } from "./types";

/** Name of the Y.XmlFragment holding the blocks (mirrors FRAGMENT_NAME in lib/editor/schema). */
const FRAGMENT = "default";
/** Block attribute carrying the stable block id (mirrors BLOCK_ID_ATTR in lib/editor/schema). */
const ID_ATTR = "id";

/**
 * Association of both positions of an empty range (an insertion point). Left association
 * (-1, stick to the character before) keeps the point where it is when text is typed right
 * at it: the new text lands after the point, the point stays after the same character.
 * (Using start 0 / end -1 for an empty range would invert it: from > to after such typing.)
 */
const EMPTY_RANGE_ASSOC = -1;
/** Range start sticks to the first quoted character: text typed before it stays outside. */
const START_ASSOC = 0;
/** Range end sticks to the last quoted character: text typed after it stays outside. */
const END_ASSOC = -1;

/** A block of the document: its element, its text (null if it has none) and its index. */
export interface BlockRef {
  element: Y.XmlElement;
  text: Y.XmlText | null;
  index: number;
}

interface LiveBlock extends BlockRef {
  id: string;
}

/** A relative position resolved to a live block and an offset in its text. */
interface Located {
  block: LiveBlock;
  offset: number;
}

type Attached = Extract<ResolvedAnchor, { detached: false }>;

interface Resolution {
  resolved: ResolvedAnchor;
  /** True when the range was found by the quote search or in another block than anchored. */
  repaired: boolean;
}

function textChild(element: Y.XmlElement): Y.XmlText | null {
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) return child;
  }
  return null;
}

function blockId(element: Y.XmlElement): string | null {
  const id: unknown = element.getAttribute(ID_ATTR);
  return typeof id === "string" ? id : null;
}

/** The live blocks of the document, in order. */
function listBlocks(doc: Y.Doc): LiveBlock[] {
  const blocks: LiveBlock[] = [];
  doc
    .getXmlFragment(FRAGMENT)
    .toArray()
    .forEach((child, index) => {
      if (!(child instanceof Y.XmlElement)) return;
      const id = blockId(child);
      if (id !== null) blocks.push({ id, element: child, text: textChild(child), index });
    });
  return blocks;
}

/**
 * The block with the given id in the document's "default" fragment (the first one if the id
 * is, transiently, duplicated), with its text (null for an empty block without text) and its
 * index in the fragment; null if there is none.
 */
export function findBlock(
  doc: Y.Doc,
  blockId: string,
): { element: Y.XmlElement; text: Y.XmlText | null; index: number } | null {
  const block = listBlocks(doc).find((b) => b.id === blockId);
  return block ? { element: block.element, text: block.text, index: block.index } : null;
}

function isStringInsert(op: unknown): op is { insert: string } {
  return typeof op === "object" && op !== null && typeof (op as { insert?: unknown }).insert === "string";
}

/** A block's plain text: the string inserts of its delta, formatting dropped ("" for null). */
export function blockPlainText(text: Y.XmlText | null): string {
  if (!text) return "";
  const delta: unknown = text.toDelta();
  if (!Array.isArray(delta)) return "";
  return delta.map((op: unknown) => (isStringInsert(op) ? op.insert : "")).join("");
}

function encodePosition(type: Y.XmlText | Y.XmlElement, index: number, assoc: number): string {
  return toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index, assoc)));
}

/**
 * Anchors the range [from, to) of a block's text. The start sticks to the first quoted
 * character (assoc 0) and the end to the last one (assoc -1), so text typed inside the range
 * extends it and text typed at its edges does not. An empty range (an insertion point) uses
 * assoc -1 for both: typing at the point leaves it before the typed text (see
 * EMPTY_RANGE_ASSOC). Throws if the block does not exist or the range is not within the text.
 */
export function createAnchor(doc: Y.Doc, blockId: string, from: number, to: number): Anchor {
  const block = findBlock(doc, blockId);
  if (!block) throw new Error(`createAnchor: no block with id "${blockId}"`);
  const plain = blockPlainText(block.text);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || from > to || to > plain.length) {
    throw new Error(`createAnchor: range [${from}, ${to}) is not within block "${blockId}" (length ${plain.length})`);
  }
  // An empty block may have no text: anchor to the element itself (resolves to offset 0).
  const type = block.text ?? block.element;
  const empty = from === to;
  return {
    blockId,
    start: encodePosition(type, from, empty ? EMPTY_RANGE_ASSOC : START_ASSOC),
    end: encodePosition(type, to, empty ? EMPTY_RANGE_ASSOC : END_ASSOC),
    quote: plain.slice(from, to),
  };
}

/** Decodes a stored position; null for anything malformed (anchors may come from clients). */
function decodePosition(encoded: unknown): Y.RelativePosition | null {
  if (typeof encoded !== "string" || encoded.length === 0) return null;
  try {
    const rpos = Y.decodeRelativePosition(fromBase64(encoded));
    // Our positions always point into nested types. A root-type name would make Yjs call
    // doc.get(name) and create (or mistype) a top-level type: refuse it.
    return rpos.tname === null && (rpos.item !== null || rpos.type !== null) ? rpos : null;
  } catch {
    return null;
  }
}

/**
 * The live blocks of one state of the text, read once for many anchors: each block by its
 * Yjs types, and each block's plain text when first asked. Valid until the text changes.
 */
class BlockIndex {
  readonly blocks: LiveBlock[];
  private readonly byType = new Map<unknown, LiveBlock>();
  private readonly plain = new Map<LiveBlock, string>();

  constructor(doc: Y.Doc) {
    this.blocks = listBlocks(doc);
    // Reversed: a transiently duplicated type resolves to its first block, as a scan would.
    for (const block of [...this.blocks].reverse()) {
      this.byType.set(block.element, block);
      if (block.text !== null) this.byType.set(block.text, block);
    }
  }

  blockOf(type: unknown): LiveBlock | undefined {
    return this.byType.get(type);
  }

  textOf(block: LiveBlock): string {
    let text = this.plain.get(block);
    if (text === undefined) this.plain.set(block, (text = blockPlainText(block.text)));
    return text;
  }
}

/** Where a position now is: a live block and an offset in its text, or null. */
function locate(doc: Y.Doc, index: BlockIndex, encoded: unknown): Located | null {
  const rpos = decodePosition(encoded);
  if (!rpos) return null;
  let abs: Y.AbsolutePosition | null;
  try {
    abs = Y.createAbsolutePositionFromRelativePosition(rpos, doc);
  } catch {
    return null;
  }
  if (!abs) return null;
  const block = index.blockOf(abs.type);
  if (!block) return null;
  if (block.text !== null && block.text === abs.type) return { block, offset: Math.min(abs.index, index.textOf(block).length) };
  return block.element === abs.type ? { block, offset: 0 } : null;
}

/** The directly resolved range, if it is still a meaningful range of one block's text. */
function attachedRange(index: BlockIndex, start: Located, end: Located, quote: string): Attached | null {
  if (start.block.element !== end.block.element || start.offset > end.offset) return null;
  const text = index.textOf(start.block).slice(start.offset, end.offset);
  if (quote.length > 0 && text.length === 0) return null;
  return { detached: false, blockId: start.block.id, from: start.offset, to: end.offset, text };
}

/** Offsets of every occurrence of `quote` in `text`. */
function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/** The occurrence nearest to `hint`, or the first one when there is no hint. */
function nearest(offsets: readonly number[], hint: number | null): number {
  if (hint === null) return offsets[0];
  return offsets.reduce((best, at) => (Math.abs(at - hint) < Math.abs(best - hint) ? at : best));
}

/**
 * Search order of block `i` relative to the original block `origin` (lower first): the block
 * itself, then the next one (where a split moves the tail), then by distance, a block after
 * before a block before at equal distance. Without an origin, document order.
 */
function searchRank(i: number, origin: number): number {
  return 2 * Math.abs(i - origin) + (i < origin ? 1 : 0);
}

/** Finds the quote near the original block (fallback when the positions are dead). */
function searchQuote(index: BlockIndex, anchor: Anchor, start: Located | null): Attached | null {
  if (anchor.quote.length === 0) return null;
  const { blocks } = index;
  const anchored = blocks.findIndex((b) => b.id === anchor.blockId);
  const origin = anchored >= 0 ? anchored : start ? blocks.indexOf(start.block) : -1;
  let found: { rank: number; block: LiveBlock; from: number } | null = null;
  for (const [i, block] of blocks.entries()) {
    const offsets = occurrences(index.textOf(block), anchor.quote);
    const rank = searchRank(i, origin);
    if (offsets.length === 0 || (found && found.rank <= rank)) continue;
    const hint = start && start.block === block ? start.offset : null;
    found = { rank, block, from: nearest(offsets, hint) };
  }
  if (!found) return null;
  const to = found.from + anchor.quote.length;
  return { detached: false, blockId: found.block.id, from: found.from, to, text: anchor.quote };
}

function resolveWithRepair(doc: Y.Doc, index: BlockIndex, stored: Anchor): Resolution {
  // Anchors may come from clients: a missing quote is treated as empty rather than thrown on.
  const anchor: Anchor = { ...stored, quote: typeof stored.quote === "string" ? stored.quote : "" };
  const start = locate(doc, index, anchor.start);
  const end = locate(doc, index, anchor.end);
  const direct = start && end ? attachedRange(index, start, end, anchor.quote) : null;
  if (direct) return { resolved: direct, repaired: direct.blockId !== anchor.blockId };
  const found = searchQuote(index, anchor, start);
  if (found) return { resolved: found, repaired: true };
  return { resolved: { detached: true, blockId: start?.block.id ?? anchor.blockId, quote: anchor.quote }, repaired: false };
}

/**
 * Resolves an anchor against the current text. The relative positions are used when both
 * land in the same live block text in order and, for a non-empty quote, still enclose some
 * text (the block reported is the one they are in now). Otherwise the quote is searched in
 * the anchored block, then the next block (a paragraph split moves text there), then nearest
 * anywhere. If that fails too the anchor is detached, keeping its quote and the block where
 * its start now is (or the anchored block id). Never throws on malformed input.
 */
export function resolveAnchor(doc: Y.Doc, anchor: Anchor): ResolvedAnchor {
  return anchorResolver(doc).resolve(anchor);
}

/**
 * A fresh anchor for an anchor whose range was only found by the quote search or moved to
 * another block, so that the repaired anchor can be persisted; null when the anchor resolves
 * directly (nothing to repair) or is detached.
 */
export function reanchor(doc: Y.Doc, anchor: Anchor): Anchor | null {
  return anchorResolver(doc).reanchor(anchor);
}

/** Resolves (and repairs) many anchors against one state of the text. */
export interface AnchorResolver {
  /** As `resolveAnchor`. */
  resolve(anchor: Anchor): ResolvedAnchor;
  /** As `reanchor`. */
  reanchor(anchor: Anchor): Anchor | null;
  /**
   * Both in one resolution: the repaired anchor (as `reanchor`, null when there is nothing
   * to repair) and where the anchor is now (what `resolve` gives for the repaired one).
   */
  resolveRepairing(anchor: Anchor): { resolved: ResolvedAnchor; repaired: Anchor | null };
}

/**
 * `resolveAnchor` and `reanchor` for many anchors at once: the document's blocks and their
 * texts are read once, not once per anchor. Resolving each of 100 positions on its own read
 * all 300 paragraphs of a report every time, on every keystroke (the editor redraws the
 * positions). Use it while the text does not change (one synchronous pass).
 */
export function anchorResolver(doc: Y.Doc): AnchorResolver {
  const index = new BlockIndex(doc);
  const resolveRepairing = (anchor: Anchor) => {
    const { resolved, repaired } = resolveWithRepair(doc, index, anchor);
    // A repaired anchor is made at the range just found, so it resolves directly to it.
    if (resolved.detached || !repaired) return { resolved, repaired: null };
    return { resolved, repaired: createAnchor(doc, resolved.blockId, resolved.from, resolved.to) };
  };
  return {
    resolve: (anchor) => resolveWithRepair(doc, index, anchor).resolved,
    reanchor: (anchor) => resolveRepairing(anchor).repaired,
    resolveRepairing,
  };
}
