/** The tracker across versions: references per paragraph, and what a new version dropped or added. */
import { extractReferences } from "./extract";
import type { Reference, ReferenceKind } from "./types";

/** A paragraph's references: `id` is its identity across versions, `label` what a reader is shown. */
export interface ParagraphRefs {
  id: string;
  number: string | null;
  /** Its number in this version, or a short quote of its first words when it has none. */
  label: string;
  references: Reference[];
}

const QUOTED_WORDS = 5;

/**
 * How a paragraph is named to a reader: its display number, or for an unnumbered one (a
 * title, a heading) its first words in quotes, "“Decision No. 5/17”". Never the block id.
 */
function paragraphLabel(p: { number?: string | null; text: string }): string {
  if (p.number) return p.number;
  const words = p.text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  if (words.length === 0) return "an empty paragraph";
  const shown = words.slice(0, QUOTED_WORDS).join(" ");
  return words.length > QUOTED_WORDS ? `“${shown.replace(/[,;:.]$/, "")}…”` : `“${shown}”`;
}

/** References of each paragraph, in paragraph order; `watchedTerms` as in extractReferences. */
export function referencesByParagraph(
  paragraphs: readonly { id: string; number?: string | null; text: string }[],
  watchedTerms?: readonly string[],
): ParagraphRefs[] {
  return paragraphs.map((p) => ({
    id: p.id,
    number: p.number ?? null,
    label: paragraphLabel(p),
    references: extractReferences(p.text, watchedTerms ? { watchedTerms } : {}),
  }));
}

/** How one cited thing fared between two versions. */
export interface ReferenceChange {
  canonical: string;
  kind: ReferenceKind;
  /** Cited in `from`, in no paragraph of `to`. */
  removed: boolean;
  /** Cited in `to`, in no paragraph of `from`. */
  added: boolean;
  /** Cited in both, but not by the same blocks (paragraphs matched by id). */
  changed: boolean;
  /** Labels (ParagraphRefs.label) of the paragraphs where it was cited, in order. */
  fromParagraphs: string[];
  /** Paragraph labels where it is cited now. */
  toParagraphs: string[];
  /** Paragraphs (labels in `from`) it was dropped from: "removed from some paragraphs". */
  removedFrom: string[];
  /** Paragraphs (labels in `to`) it was newly cited in. */
  addedTo: string[];
  /** Occurrences in each version. */
  fromCount: number;
  toCount: number;
}

/** The reference tracker's answer to "which references did Rev.2 drop?". */
export interface ReferenceDiff {
  /** Everything cited in either version: in `from` order, then new ones in `to` order. */
  references: ReferenceChange[];
  removed: ReferenceChange[];
  added: ReferenceChange[];
  changed: ReferenceChange[];
  /** Distinct references cited in each version. */
  fromTotal: number;
  toTotal: number;
}

interface Occurrences {
  kind: ReferenceKind;
  canonical: string;
  /** The citing paragraphs' identity (`identity`) → their labels, in paragraph order. */
  paragraphs: Map<string, string[]>;
  count: number;
}

function collect(version: readonly ParagraphRefs[], identity: (id: string) => string): Map<string, Occurrences> {
  const map = new Map<string, Occurrences>();
  for (const p of version) {
    for (const ref of p.references) {
      const id = `${ref.kind}\u0000${ref.canonical}`;
      const entry = map.get(id) ?? { kind: ref.kind, canonical: ref.canonical, paragraphs: new Map<string, string[]>(), count: 0 };
      const key = identity(p.id);
      const labels = entry.paragraphs.get(key) ?? [];
      if (!labels.includes(p.label)) labels.push(p.label);
      entry.paragraphs.set(key, labels);
      entry.count += 1;
      map.set(id, entry);
    }
  }
  return map;
}

/** Labels of the paragraphs in `a` whose identity is not in `b`. */
function missing(a: Map<string, string[]> | undefined, b: Map<string, string[]> | undefined): string[] {
  return [...(a ?? new Map<string, string[]>())].filter(([key]) => !b?.has(key)).flatMap(([, labels]) => labels);
}

/**
 * Compares what two versions cite, paragraph by paragraph. Paragraphs are matched by block
 * id, never by number: a paragraph renumbered because another was deleted or inserted (OP5
 * becoming OP4) is the same paragraph, and a different paragraph that takes over a number is
 * not. `identity` may say more: the comparison's pairing of a paragraph moved by cut and
 * paste, or split in two (a new paragraph typed at the start of another), whose words went to
 * blocks of new ids (a reference in them was reported moved where it had not). A reference is
 * removed, added or changed only when the set of paragraphs that cite it changed; the labels
 * reported are each version's own.
 */
export function diffReferences(from: readonly ParagraphRefs[], to: readonly ParagraphRefs[], identity: (id: string) => string = (id) => id): ReferenceDiff {
  const a = collect(from, identity);
  const b = collect(to, identity);
  const references: ReferenceChange[] = [];
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(id);
    const y = b.get(id);
    const any = x ?? y;
    if (!any) continue;
    const removedFrom = missing(x?.paragraphs, y?.paragraphs);
    const addedTo = missing(y?.paragraphs, x?.paragraphs);
    references.push({
      canonical: any.canonical,
      kind: any.kind,
      removed: !y,
      added: !x,
      changed: Boolean(x && y) && (removedFrom.length > 0 || addedTo.length > 0),
      fromParagraphs: [...(x?.paragraphs.values() ?? [])].flat(),
      toParagraphs: [...(y?.paragraphs.values() ?? [])].flat(),
      removedFrom,
      addedTo,
      fromCount: x?.count ?? 0,
      toCount: y?.count ?? 0,
    });
  }
  return {
    references,
    removed: references.filter((r) => r.removed),
    added: references.filter((r) => r.added),
    changed: references.filter((r) => r.changed),
    fromTotal: a.size,
    toTotal: b.size,
  };
}
