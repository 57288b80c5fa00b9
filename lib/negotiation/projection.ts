import type * as Y from "yjs";
import { suggestionOf, walkBlocks, type BlockText } from "./text-walk";

/** Non-suggestion formatting of a segment, canonically ordered. */
function formatting(attributes: Record<string, unknown>): string {
  const keys = Object.keys(attributes).filter((k) => k !== "insertion" && k !== "deletion").sort();
  return JSON.stringify(keys.map((k) => [k, attributes[k]]));
}

/** A block's accepted characters: proposed insertions left out, proposed deletions kept. */
function acceptedBlock(block: BlockText): string {
  const parts: [string, string][] = [];
  for (const seg of block.segments) {
    if (suggestionOf(seg.attributes)?.type === "insertion") continue;
    const fmt = formatting(seg.attributes);
    const last = parts.at(-1);
    if (last && last[1] === fmt) last[0] += seg.text;
    else parts.push([seg.text, fmt]);
  }
  return JSON.stringify([block.kind, block.id, parts]);
}

/** Canonical form of the accepted text (independent of how runs are split). */
export function acceptedProjection(doc: Y.Doc): string {
  return JSON.stringify(walkBlocks(doc).map(acceptedBlock));
}

/** Canonical form of one delegation's suggestions: per block, its characters and their type. */
export function suggestionProjection(doc: Y.Doc, delegation: string): string {
  const out: [string, [string, string][]][] = [];
  for (const block of walkBlocks(doc)) {
    const parts: [string, string][] = [];
    for (const seg of block.segments) {
      const s = suggestionOf(seg.attributes);
      if (!s || s.delegation !== delegation) continue;
      const last = parts.at(-1);
      if (last && last[1] === s.type) last[0] += seg.text;
      else parts.push([seg.text, s.type]);
    }
    if (parts.length) out.push([block.id, parts]);
  }
  return JSON.stringify(out);
}

/** Every delegation code carried by a suggestion mark. */
export function suggestionDelegations(doc: Y.Doc): Set<string> {
  const codes = new Set<string>();
  for (const block of walkBlocks(doc)) {
    for (const seg of block.segments) {
      const s = suggestionOf(seg.attributes);
      if (s && typeof s.delegation === "string") codes.add(s.delegation);
    }
  }
  return codes;
}

function malformed(doc: Y.Doc): boolean {
  return walkBlocks(doc).some((b) =>
    b.segments.some((seg) => {
      const s = suggestionOf(seg.attributes);
      return s !== null && (typeof s.id !== "string" || s.id.length === 0 || s.id.length > 64 || typeof s.delegation !== "string");
    }),
  );
}

function firstChangedBlock(before: Y.Doc, after: Y.Doc): string {
  const a = walkBlocks(before);
  const b = walkBlocks(after);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || acceptedBlock(x) !== acceptedBlock(y)) return (y ?? x)?.id || `#${i + 1}`;
  }
  return "?";
}

/**
 * The rule for a delegate's change in open drafting: the accepted text (structure, words,
 * formatting) stays the same, other delegations' suggestions stay the same, and every
 * suggestion mark is well formed. O(document size).
 */
export function checkOpenDraftingUpdate(before: Y.Doc, after: Y.Doc, delegation: string): { ok: true } | { ok: false; reason: string } {
  if (malformed(after)) return { ok: false, reason: "malformed suggestion mark" };
  if (acceptedProjection(before) !== acceptedProjection(after)) {
    return { ok: false, reason: `changes accepted text in block ${firstChangedBlock(before, after)}: suggest changes instead` };
  }
  const others = new Set([...suggestionDelegations(before), ...suggestionDelegations(after)]);
  others.delete(delegation);
  for (const code of others) {
    if (suggestionProjection(before, code) !== suggestionProjection(after, code)) {
      return { ok: false, reason: `changes suggestions of ${code}` };
    }
  }
  return { ok: true };
}
