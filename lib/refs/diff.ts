import { DEFAULT_WATCHED_TERMS } from "./instruments";
import { extractReferences, type Reference, type ReferenceKind } from "./extract";

export interface ParagraphReferences {
  id: string;
  number: string | null;
  references: Reference[];
}

/** References of each paragraph. */
export function referencesByParagraph(
  paragraphs: readonly { id: string; number: string | null; text: string }[],
  watched: readonly string[] = DEFAULT_WATCHED_TERMS,
): ParagraphReferences[] {
  return paragraphs.map((p) => ({ id: p.id, number: p.number, references: extractReferences(p.text, watched) }));
}

export interface ReferenceChange {
  canonical: string;
  kind: ReferenceKind;
  /** Paragraph numbers (or "¶") where it is cited in each version. */
  fromParagraphs: string[];
  toParagraphs: string[];
  fromCount: number;
  toCount: number;
  change: "removed" | "added" | "moved" | "same";
}

export interface ReferenceDiff {
  changes: ReferenceChange[];
  removed: ReferenceChange[];
  added: ReferenceChange[];
  /** Cited in both, but no longer (or now) in some paragraphs: "removed from some paragraphs". */
  moved: ReferenceChange[];
  fromTotal: number;
  toTotal: number;
}

function index(paras: readonly ParagraphReferences[]): Map<string, { kind: ReferenceKind; paragraphs: string[]; count: number }> {
  const map = new Map<string, { kind: ReferenceKind; paragraphs: string[]; count: number }>();
  for (const p of paras) {
    for (const r of p.references) {
      const e = map.get(r.canonical) ?? { kind: r.kind, paragraphs: [], count: 0 };
      const label = p.number ?? "¶";
      if (!e.paragraphs.includes(label)) e.paragraphs.push(label);
      e.count += 1;
      map.set(r.canonical, e);
    }
  }
  return map;
}

/** Which references a version dropped, added or moved between paragraphs. */
export function diffReferences(from: readonly ParagraphReferences[], to: readonly ParagraphReferences[]): ReferenceDiff {
  const a = index(from);
  const b = index(to);
  const changes: ReferenceChange[] = [];
  for (const canonical of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(canonical);
    const y = b.get(canonical);
    const fromParagraphs = x?.paragraphs ?? [];
    const toParagraphs = y?.paragraphs ?? [];
    const change = !y ? "removed" : !x ? "added" : fromParagraphs.join() !== toParagraphs.join() || x.count !== y.count ? "moved" : "same";
    changes.push({ canonical, kind: (x ?? y)!.kind, fromParagraphs, toParagraphs, fromCount: x?.count ?? 0, toCount: y?.count ?? 0, change });
  }
  changes.sort((p, q) => p.kind.localeCompare(q.kind) || p.canonical.localeCompare(q.canonical));
  return {
    changes,
    removed: changes.filter((c) => c.change === "removed"),
    added: changes.filter((c) => c.change === "added"),
    moved: changes.filter((c) => c.change === "moved"),
    fromTotal: a.size,
    toTotal: b.size,
  };
}
