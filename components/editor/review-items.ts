import type { AnnotationView, DelegationRef } from "@/server/negotiation/views";
import { changeOf, piecesById, type Suggestion } from "@/lib/negotiation/suggestions";
import { statusWord } from "@/lib/negotiation/types";
import { changeName, changeWords, scattered } from "./tracked-change";
import type { ItemSummary } from "./review-selection";
import type { ParagraphRow } from "./paragraph-overview";

/** One item of the chair's review queue: an open position, or a tracked change. */
export type ReviewItem =
  | { key: string; kind: "annotation"; blockId: string; a: AnnotationView }
  /**
   * `pieces`: every piece of the tracked change (one id), in text order; `s` is the first. A
   * replacement (words typed over a selection) is one change: its deletion and insertion.
   */
  | { key: string; kind: "suggestion"; blockId: string; s: Suggestion; pieces: Suggestion[] };

/** A paragraph's number as the queue prints it ("¶" for an unnumbered one). */
export type NumberOf = (blockId: string) => string;

/** Accepting this item upholds it (an objection): the key and its button say so; the text is not changed by it. */
export function upholds(item: ReviewItem | undefined): boolean {
  return item?.kind === "annotation" && statusWord(item.a.kind, "accepted") === "upheld";
}

const REVIEWED: ReadonlySet<string> = new Set(["amendment", "objection", "reservation"]);

/**
 * The queue: every open amendment, objection, reservation and tracked suggestion, grouped by
 * paragraph in text order, filtered by delegation (its id, and its code for tracked changes)
 * and kind ("" for all).
 */
export function reviewItems(
  paragraphs: readonly ParagraphRow[],
  annotations: readonly AnnotationView[],
  suggestions: readonly Suggestion[],
  filter: { delegation: string; code: string | undefined; kind: string },
): ReviewItem[] {
  const { delegation, code, kind } = filter;
  const out: ReviewItem[] = [];
  // A tracked change may be drawn in several pieces with one id (another delegation typed
  // inside it, or the chair split its paragraph): one item, listed at its first piece, as
  // a decision on it decides every piece.
  const shown = new Set(paragraphs.map((p) => p.id));
  const pieces = piecesById(suggestions.filter((s) => shown.has(s.blockId)));
  const listed = new Set<string>();
  for (const p of paragraphs) {
    for (const a of annotations) {
      if (a.blockId !== p.id || a.status !== "open" || !REVIEWED.has(a.kind)) continue;
      if (delegation && a.author.delegation?.id !== delegation && !a.cosponsors.some((c) => c.id === delegation)) continue;
      if (kind && kind !== a.kind) continue;
      out.push({ key: `a-${a.id}`, kind: "annotation", blockId: p.id, a });
    }
    for (const s of suggestions) {
      if (s.blockId !== p.id || (code && s.delegation !== code) || (kind && kind !== "suggestion") || listed.has(s.id)) continue;
      listed.add(s.id);
      out.push({ key: `s-${s.id}`, kind: "suggestion", blockId: p.id, s, pieces: pieces.get(s.id) ?? [s] });
    }
  }
  return out;
}

/** The item as the live region says it. */
export function itemSummary(item: ReviewItem, numberOf: NumberOf, byCode: ReadonlyMap<string, DelegationRef>): ItemSummary {
  if (item.kind === "annotation") {
    const n = item.a.cosponsors.length;
    return {
      paragraph: numberOf(item.blockId),
      what: `${item.a.kind}${n ? ` (+${n} co-sponsor${n === 1 ? "" : "s"})` : ""}`,
      who: item.a.author.delegation?.name ?? item.a.author.userName,
      words: `${item.a.quote}${item.a.proposedText ? ` → ${item.a.proposedText}` : ""}`,
    };
  }
  return {
    paragraph: [...new Set(item.pieces.map((x) => numberOf(x.blockId)))].join(" and "),
    what: changeName(item.pieces),
    who: byCode.get(item.s.delegation)?.name ?? item.s.delegation,
    words: changeWords(item.pieces),
  };
}

/** What accepting the item would insert into the text and delete from it (positions other than amendments: nothing). */
export function itemChange(item: ReviewItem): { inserted: string; deleted: string } {
  if (item.kind === "suggestion") {
    const { inserted, deleted } = changeOf(item.pieces);
    const text = (pieces: readonly Suggestion[]) => pieces.map((x) => x.text).join("");
    return { inserted: text(inserted), deleted: text(deleted) };
  }
  if (item.a.kind !== "amendment") return { inserted: "", deleted: "" };
  return { inserted: item.a.op === "delete" ? "" : (item.a.proposedText ?? ""), deleted: item.a.op === "insert" ? "" : item.a.quote };
}

/** "Belarus's amendment to PP3", "Albania's tracked insertion in PP8", "Russian Federation's tracked replacement in PP3": what a decision was on. */
export function describeItem(item: ReviewItem, numberOf: NumberOf, byCode: ReadonlyMap<string, DelegationRef>): string {
  if (item.kind === "annotation") {
    const who = item.a.author.delegation?.name ?? item.a.author.userName;
    const more = item.a.cosponsors.length ? ` (+${item.a.cosponsors.length})` : "";
    return `${who}'s ${item.a.kind}${more} on ${numberOf(item.blockId)}`;
  }
  const where = [...new Set(item.pieces.map((x) => numberOf(x.blockId)))].join(" and ");
  const parts = scattered(item.pieces) ? ` (${item.pieces.length} pieces)` : "";
  return `${byCode.get(item.s.delegation)?.name ?? item.s.delegation}'s ${changeName(item.pieces)}${parts} in ${where}`;
}
