/**
 * Canonical projections of the live text, used to police open drafting: the accepted text,
 * each delegation's tracked suggestions, and the marks that are not well formed. Each is a
 * plain string, so "did this change?" is one string comparison, and each is independent of
 * how Yjs happens to split the text into runs or into several Y.XmlText children.
 */
import * as Y from "yjs";
import { FRAGMENT_NAME } from "../editor/schema";

/** The two tracked-change marks (stored by y-prosemirror as delta attributes of these names). */
export type SuggestionType = "insertion" | "deletion";

/** Longest suggestion id a mark may carry (the editor uses 13 characters). */
export const MAX_SUGGESTION_ID_LENGTH = 64;

/** How a run of text is marked with respect to tracked changes. */
export type SuggestionMarkState =
  | { kind: "none" }
  | { kind: "suggestion"; type: SuggestionType; id: string; delegation: string }
  /** A suggestion mark the editor would never write: both marks at once, or bad attributes. */
  | { kind: "malformed" };

/** A run of characters of one Y.XmlText with uniform attributes. */
export interface TextPiece {
  text: string;
  /** Delta attributes (marks) of the run, as y-prosemirror stores them. */
  attributes: Record<string, unknown>;
  /** The Y.XmlText holding the run, and the run's index in it (embeds count 1 there). */
  target: Y.XmlText;
  index: number;
}

/** Content our schema never produces (nested elements, embeds), kept only by its canonical form. */
export interface OpaquePiece {
  opaque: string;
}

/** One top-level child of the `default` fragment. */
export interface BlockContent {
  /** The block's `id` attribute ("" when it has none). */
  id: string;
  /** The node name (block kind); "#text" / "#other" for a top-level child that is no element. */
  kind: string;
  /** Canonical form of every attribute of the block (id included). */
  attributes: string;
  /** The block's content in order: its text across all Y.XmlText children, and anything else. */
  pieces: (TextPiece | OpaquePiece)[];
}

/** Result of checking a delegate's update against the open drafting rule. */
export type OpenDraftingCheck = { ok: true } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * JSON with object keys sorted, so equal values give equal strings whatever order their
 * keys were written in (attribute objects come from arbitrary clients).
 */
export function stableStringify(value: unknown): string {
  if (value instanceof Y.AbstractType) return stableStringify(value.toJSON());
  if (value === undefined || value === null) return "null";
  // JSON.stringify throws on bigint, which lib0's encoding can carry.
  if (typeof value === "bigint") return JSON.stringify(`${value.toString()}n`);
  if (typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (ArrayBuffer.isView(value)) return stableStringify(Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(record[k])}`).join(",")}}`;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Classifies a run's suggestion marks. Well formed: exactly one of insertion/deletion, an
 * object whose id is a non-empty string of at most 64 characters and whose delegation is a
 * non-empty string. Everything else is malformed (the schema's marks exclude each other).
 */
export function suggestionMarkOf(attributes: Record<string, unknown>): SuggestionMarkState {
  const ins = attributes.insertion;
  const del = attributes.deletion;
  if (!present(ins) && !present(del)) return { kind: "none" };
  if (present(ins) && present(del)) return { kind: "malformed" };
  const type: SuggestionType = present(ins) ? "insertion" : "deletion";
  const value = present(ins) ? ins : del;
  if (!isRecord(value)) return { kind: "malformed" };
  const { id, delegation } = value;
  if (typeof id !== "string" || id.length === 0 || id.length > MAX_SUGGESTION_ID_LENGTH) return { kind: "malformed" };
  if (typeof delegation !== "string" || delegation.length === 0) return { kind: "malformed" };
  return { kind: "suggestion", type, id, delegation };
}

/** Canonical form of a run's formatting: every attribute except the suggestion marks. */
function formatting(attributes: Record<string, unknown>): string {
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attributes)) {
    if (k !== "insertion" && k !== "deletion" && present(v)) kept[k] = v;
  }
  return stableStringify(kept);
}

function opaqueForm(node: unknown): string {
  // XmlElement/XmlText render their attributes and formatting; other Yjs types via toJSON.
  if (node instanceof Y.XmlElement || node instanceof Y.XmlText) return node.toString();
  return stableStringify(node);
}

function textPieces(text: Y.XmlText, out: (TextPiece | OpaquePiece)[]): void {
  let index = 0;
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    const attributes = op.attributes ?? {};
    if (typeof op.insert === "string") {
      if (op.insert.length > 0) out.push({ text: op.insert, attributes, target: text, index });
      index += op.insert.length;
    } else {
      // An embed (object or Yjs type inside the text): one position in Yjs, no text in the editor.
      out.push({ opaque: `embed:${opaqueForm(op.insert)}:${stableStringify(attributes)}` });
      index += 1;
    }
  }
}

/**
 * Reads every top-level child of the `default` fragment. All of a block's Y.XmlText children
 * contribute text (two clients typing into an empty block at once create two), and any other
 * child or embed is kept as opaque content, so nothing in the fragment escapes the projections.
 */
export function readBlocks(doc: Y.Doc): BlockContent[] {
  return doc
    .getXmlFragment(FRAGMENT_NAME)
    .toArray()
    .map((child) => readBlock(child));
}

function readBlock(child: Y.XmlElement | Y.XmlText | Y.XmlHook): BlockContent {
  if (!(child instanceof Y.XmlElement)) {
    return { id: "", kind: child instanceof Y.XmlText ? "#text" : "#other", attributes: "{}", pieces: [{ opaque: opaqueForm(child) }] };
  }
  const pieces: (TextPiece | OpaquePiece)[] = [];
  for (const inner of child.toArray()) {
    if (inner instanceof Y.XmlText) textPieces(inner, pieces);
    else pieces.push({ opaque: `node:${opaqueForm(inner)}` });
  }
  const id = child.getAttribute("id");
  return {
    id: typeof id === "string" ? id : "",
    kind: child.nodeName,
    attributes: stableStringify(child.getAttributes()),
    pieces,
  };
}

function isText(piece: TextPiece | OpaquePiece): piece is TextPiece {
  return "text" in piece;
}

/** Appends a text run as a ["t", text, key] part, merging it into the last part when the keys match. */
function appendRun(parts: string[][], text: string, key: string): void {
  const last = parts.at(-1);
  if (last && last[0] === "t" && last[2] === key) last[1] += text;
  else parts.push(["t", text, key]);
}

interface Projections {
  /** Per block, the canonical form of its accepted content. */
  accepted: string[];
  /** Per block, the id to name in a reason. */
  labels: string[];
  /** Per delegation, the canonical form of its suggestions. */
  byDelegation: Map<string, string>;
  /** Canonical form of the runs carrying malformed suggestion marks. */
  malformed: string;
  /** Per suggestion id, the delegations whose marks carry it. */
  ids: Map<string, Set<string>>;
}

/** What one top-level child of the fragment contributes to the projections. */
interface BlockProjection {
  id: string;
  /** Canonical form of its accepted content. */
  accepted: string;
  malformedParts: string[][];
  /** Per delegation, its suggested runs in this block. */
  suggestionParts: Map<string, string[][]>;
  /** Every [suggestion id, delegation] its well-formed marks carry. */
  ids: [string, string][];
}

function projectBlock(block: BlockContent): BlockProjection {
  const acceptedParts: string[][] = [];
  const malformedParts: string[][] = [];
  const suggestionParts = new Map<string, string[][]>();
  const ids: [string, string][] = [];
  for (const piece of block.pieces) {
    if (!isText(piece)) {
      // Never produced by the schema: part of the accepted content whatever marks it has.
      acceptedParts.push(["o", piece.opaque]);
      continue;
    }
    const fmt = formatting(piece.attributes);
    const mark = suggestionMarkOf(piece.attributes);
    // A proposed insertion is not accepted yet; a proposed deletion still is.
    if (!present(piece.attributes.insertion)) appendRun(acceptedParts, piece.text, fmt);
    if (mark.kind === "malformed") {
      appendRun(malformedParts, piece.text, stableStringify([piece.attributes.insertion, piece.attributes.deletion]));
    } else if (mark.kind === "suggestion") {
      ids.push([mark.id, mark.delegation]);
      let parts = suggestionParts.get(mark.delegation);
      if (!parts) suggestionParts.set(mark.delegation, (parts = []));
      // Formatting is kept so another delegate cannot restyle an insertion that is not theirs,
      // and the id so that none can regroup another delegation's changes: split one (half of
      // a replacement accepted alone), or give its pieces another change's id (decided with it).
      appendRun(parts, piece.text, `${mark.type}:${mark.id}:${fmt}`);
    }
  }
  return { id: block.id, accepted: stableStringify([block.kind, block.id, block.attributes, acceptedParts]), malformedParts, suggestionParts, ids };
}

/**
 * Each document's block projections, by top-level child, for the children unchanged since
 * they were projected. Checking a delegate's keystroke projects the text before and after it:
 * read whole, that was 6 ms a keystroke on a 300-paragraph report (most of the server's time
 * with 20 delegates typing, and the server stopped answering); now only the blocks a
 * transaction changed are read again. Yjs lists every type a transaction changed (content,
 * formatting, attributes), and a change anywhere inside a block drops that block's entry.
 */
const blockCache = new WeakMap<Y.Doc, WeakMap<object, BlockProjection>>();

function topLevelChild(type: { _item: Y.Item | null }, fragment: Y.XmlFragment): object | null {
  let t = type;
  while (t._item) {
    const parent = t._item.parent;
    if (parent === fragment) return t;
    if (!(parent instanceof Y.AbstractType)) return null;
    t = parent;
  }
  return null;
}

function cacheOf(doc: Y.Doc): WeakMap<object, BlockProjection> | null {
  // Read in the middle of a transaction, the list of what changed is not complete yet.
  if (doc._transaction !== null) return null;
  let cache = blockCache.get(doc);
  if (cache) return cache;
  const fresh = new WeakMap<object, BlockProjection>();
  const fragment = doc.getXmlFragment(FRAGMENT_NAME);
  // Before any observer or afterTransaction handler can read the projections again.
  doc.on("beforeObserverCalls", (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) {
      const child = topLevelChild(type, fragment);
      if (child) fresh.delete(child);
    }
  });
  blockCache.set(doc, (cache = fresh));
  return cache;
}

/** One pass over the document computing every projection; blocks unchanged since the last pass are not read again. */
function project(doc: Y.Doc): Projections {
  const cache = cacheOf(doc);
  const children = doc.getXmlFragment(FRAGMENT_NAME).toArray();
  const perBlock = children.map((child) => {
    const cached = cache?.get(child);
    if (cached) return cached;
    const projected = projectBlock(readBlock(child));
    cache?.set(child, projected);
    return projected;
  });
  const accepted: string[] = [];
  const labels: string[] = [];
  const perDelegation = new Map<string, [string, string[][]][]>();
  const malformed: [number, string[][]][] = [];
  const ids = new Map<string, Set<string>>();
  perBlock.forEach((block, i) => {
    accepted.push(block.accepted);
    labels.push(block.id || `#${i + 1}`);
    if (block.malformedParts.length) malformed.push([i, block.malformedParts]);
    for (const [id, code] of block.ids) {
      let carriers = ids.get(id);
      if (!carriers) ids.set(id, (carriers = new Set()));
      carriers.add(code);
    }
    for (const [code, parts] of block.suggestionParts) {
      let list = perDelegation.get(code);
      if (!list) perDelegation.set(code, (list = []));
      list.push([block.id, parts]);
    }
  });
  const byDelegation = new Map<string, string>();
  for (const [code, list] of perDelegation) byDelegation.set(code, JSON.stringify(list));
  return { accepted, labels, byDelegation, malformed: JSON.stringify(malformed), ids };
}

/**
 * Canonical form of the accepted text: per block its kind, id, attributes and characters
 * with their formatting (bold, italic, bracket, ...), leaving out characters under an
 * insertion mark and keeping those under a deletion mark (not accepted yet). Equal accepted
 * texts give equal strings however their runs are split.
 */
export function acceptedProjection(doc: Y.Doc): string {
  return JSON.stringify(project(doc).accepted);
}

/**
 * Canonical form of one delegation's suggestions: per block id, its suggested characters
 * with their type, suggestion id and formatting, in order. "[]" when the delegation has none.
 */
export function suggestionProjection(doc: Y.Doc, delegation: string): string {
  return project(doc).byDelegation.get(delegation) ?? "[]";
}

/** Every delegation code carried by a well-formed suggestion mark. */
export function suggestionDelegations(doc: Y.Doc): Set<string> {
  return new Set(project(doc).byDelegation.keys());
}

/** True when the accepted text differs (suggestions aside). */
export function acceptedTextChanged(before: Y.Doc, after: Y.Doc): boolean {
  return acceptedProjection(before) !== acceptedProjection(after);
}

function firstChangedBlock(before: Projections, after: Projections): string {
  const n = Math.max(before.accepted.length, after.accepted.length);
  for (let i = 0; i < n; i++) {
    if (before.accepted[i] !== after.accepted[i]) return after.labels[i] ?? before.labels[i] ?? `#${i + 1}`;
  }
  return "?";
}

/**
 * The server's rule for a delegate's update in open drafting (`before` is the live text,
 * `after` the text with the update applied). It passes iff
 * - the accepted text (structure, kinds, ids, words, formatting) is unchanged;
 * - no suggestion mark was made malformed: runs with malformed marks are the same before and
 *   after (so new marks must be well formed, and a malformed mark left by the chair, e.g. by
 *   pasting Word tracked changes, neither blocks every delegate nor can be edited by one);
 * - every other delegation's suggestions (present before or after) are unchanged;
 * - the delegate's own suggestions are unchanged in every `agreed` block (by id);
 * - no mark of the delegate's newly carries an id that another delegation's marks carry: the
 *   pieces of one id are one change, decided and withdrawn whole (a replacement's deletion
 *   and insertion), so a borrowed id would graft the delegate's words onto another
 *   delegation's proposal, to be accepted in its name and no longer withdrawable by it.
 * The delegate may thus add, extend and withdraw only their own suggestions. O(blocks): a
 * block's content is read again only when a transaction changed it since its last check.
 */
export function checkOpenDraftingUpdate(before: Y.Doc, after: Y.Doc, delegation: string, agreed: ReadonlySet<string> = new Set()): OpenDraftingCheck {
  const a = project(before);
  const b = project(after);
  if (a.accepted.length !== b.accepted.length || a.accepted.some((block, i) => block !== b.accepted[i])) {
    return { ok: false, reason: `changes accepted text in block ${firstChangedBlock(a, b)}` };
  }
  // Same structure from here on, so malformed runs can be compared by block position.
  if (a.malformed !== b.malformed) return { ok: false, reason: "malformed suggestion mark" };
  const codes = [...new Set([...a.byDelegation.keys(), ...b.byDelegation.keys()])].sort();
  for (const code of codes) {
    if (code === delegation) continue;
    if ((a.byDelegation.get(code) ?? "[]") !== (b.byDelegation.get(code) ?? "[]")) {
      return { ok: false, reason: `changes suggestions of ${code}` };
    }
  }
  const borrowed = borrowedId(a.ids, b.ids, delegation);
  if (borrowed !== null) return { ok: false, reason: `marks its suggestion with the id of another delegation's (${borrowed.slice(0, 16)})` };
  if (agreed.size > 0) {
    const closed = ownChangeIn(a.byDelegation.get(delegation), b.byDelegation.get(delegation), agreed);
    if (closed) return { ok: false, reason: `suggests in agreed paragraph ${closed}: the chair must reopen it first` };
  }
  return { ok: true };
}

/** An id the delegation's marks share with another delegation's after the update and did not before, if any. */
function borrowedId(before: Map<string, Set<string>>, after: Map<string, Set<string>>, delegation: string): string | null {
  const shared = (carriers: Set<string> | undefined) => !!carriers && carriers.has(delegation) && carriers.size > 1;
  for (const [id, carriers] of after) if (shared(carriers) && !shared(before.get(id))) return id;
  return null;
}

/** The first agreed block whose suggestions by one delegation differ between two projections. */
function ownChangeIn(before: string | undefined, after: string | undefined, agreed: ReadonlySet<string>): string | null {
  if ((before ?? "[]") === (after ?? "[]")) return null;
  // Every block with that id, in order: two blocks sharing an id (should one ever be
  // duplicated) must not hide a change in one of them.
  const perBlock = (json: string | undefined) => {
    const out = new Map<string, string[]>();
    for (const [id, parts] of JSON.parse(json ?? "[]") as [string, unknown][]) out.set(id, [...(out.get(id) ?? []), JSON.stringify(parts)]);
    return new Map([...out].map(([id, list]) => [id, JSON.stringify(list)]));
  };
  const a = perBlock(before);
  const b = perBlock(after);
  for (const id of agreed) if (a.get(id) !== b.get(id)) return id;
  return null;
}
