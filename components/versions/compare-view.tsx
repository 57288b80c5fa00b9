"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { CompareView as Result } from "@/server/negotiation/compare";
import { ReferenceChanges } from "./reference-changes";
import { CompareColumns, PairText } from "./compare-text";
import { clipWords } from "@/lib/format/clip";
import { attributionText } from "./attribution-text";
import { PARAGRAPH_STATUS_LABEL, type ParagraphStatus } from "@/lib/negotiation/types";

const statusLabel = (status: string) => PARAGRAPH_STATUS_LABEL[status as ParagraphStatus] ?? status;

type Pair = Result["pairs"][number];

const LABEL: Record<Pair["classification"], string> = {
  unchanged: "Unchanged",
  modified: "Modified",
  added: "Added",
  deleted: "Deleted",
  moved: "Moved",
  split: "Split",
  merged: "Merged",
};

/** A paragraph as a row names it: its number, or its first words (a heading, the title). */
function refLabel(r: Pair["from"][number]): string {
  if (r.number) return r.number;
  const words = r.text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  return words.length ? `“${words.slice(0, 4).join(" ")}${words.length > 4 ? "…" : ""}”` : "an empty paragraph";
}

function numbers(refs: Pair["from"]): string {
  return refs.map(refLabel).join(" + ") || "—";
}

/** "Moved to 2.: “The Chair recalled …”": a sentence that left this paragraph for another, or came from one. */
function textMoveText(move: NonNullable<Pair["textMoves"]>[number]): string {
  const where = move.number ?? "another paragraph";
  return `${move.direction === "to" ? `Moved to ${where}` : `Moved here from ${where}`}: “${clipWords(move.text, 60)}”`;
}

/**
 * "Live text holds 2 tracked changes awaiting the chair's decision (by Belarus in OP1; by
 * Albania and Cuba in PP3), not compared: a proposal is not text until it is accepted."
 */
export function pendingSentence(label: string, pending: Result["pending"]["to"]): string {
  const where = new Map<string, Set<string>>();
  for (const p of pending) {
    const at = p.paragraph ?? "an unnumbered paragraph";
    if (!where.has(at)) where.set(at, new Set());
    where.get(at)!.add(p.delegation);
  }
  const names = (who: Set<string>) => {
    const all = [...who];
    return all.length > 1 ? `${all.slice(0, -1).join(", ")} and ${all.at(-1)}` : all[0];
  };
  const list = [...where].map(([at, who]) => `by ${names(who)} in ${at}`);
  const shown = list.length > 6 ? [...list.slice(0, 6), `${list.length - 6} more paragraphs`] : list;
  const n = pending.length;
  return `${label} holds ${n} tracked ${n === 1 ? "change" : "changes"} awaiting the chair's decision (${shown.join("; ")}), not compared: a proposal is not text until it is accepted.`;
}

/**
 * Two versions paragraph by paragraph: a summary, side by side or inline (struck deletions,
 * underlined insertions), only the changes if wanted, and N / P to jump between changes.
 */
export function CompareView({ result, documentId }: { result: Result; documentId?: string }) {
  const [layout, setLayout] = useState<"inline" | "side">("inline");
  // A later version on the left: the changes shown take accepted proposals back out.
  const backwards = result.from.createdAt > result.to.createdAt;
  const [onlyChanged, setOnlyChanged] = useState(true);
  const [current, setCurrent] = useState(-1);
  const rows = useRef<(HTMLElement | null)[]>([]);
  // A paragraph whose words are the same but whose status changed (agreed since) is a change too.
  const changed = useMemo(() => result.pairs.map((p, i) => (p.classification !== "unchanged" || result.statuses?.[i] ? i : -1)).filter((i) => i >= 0), [result]);
  const changedSet = useMemo(() => new Set(changed), [changed]);
  const isChange = (i: number) => changedSet.has(i);

  function jump(delta: number) {
    if (changed.length === 0) return;
    const at = changed.indexOf(current);
    const next = changed[(at + delta + changed.length) % changed.length] ?? changed[0]!;
    setCurrent(next);
    rows.current[next]?.scrollIntoView({ block: "center", behavior: "smooth" });
    rows.current[next]?.focus();
  }

  useEffect(() => {
    const handleKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest("input, select, textarea")) return;
      if (e.key === "n") jump(1);
      if (e.key === "p") jump(-1);
    };
    window.addEventListener("keydown", handleKey);
    return () => window.removeEventListener("keydown", handleKey);
  });

  const s = result.summary;
  const statusChanges = result.statuses?.filter(Boolean).length ?? 0;
  const pendingAny = result.pending.from.length + result.pending.to.length > 0;
  return (
    <div className="compare">
      <section className="card compare-summary" aria-label="Summary" data-testid="compare-summary">
        <p>
          <strong>{s.modified}</strong> modified · <strong>{s.added}</strong> added · <strong>{s.deleted}</strong> deleted ·{" "}
          <strong>{s.moved}</strong> moved
          {s.split ? <> · <strong>{s.split}</strong> split</> : null}
          {s.merged ? <> · <strong>{s.merged}</strong> merged</> : null} · {s.unchanged} unchanged
          {statusChanges ? (
            <>
              {" "}
              · <strong>{statusChanges}</strong> with a new status
            </>
          ) : null}
        </p>
        {changed.length === 0 ? (
          <p className="notice" role="status">
            No differences{pendingAny ? " in the accepted text" : ""}: {result.to.label} has the same text as {result.from.label}.
          </p>
        ) : null}
        {(["from", "to"] as const).map((side) =>
          result.pending[side].length ? (
            <p key={side} className="notice" data-testid={`pending-${side}`}>
              {pendingSentence(result[side].label, result.pending[side])}{" "}
              {result[side].id === "live" && documentId ? <a href={`/documents/${documentId}`}>Review {result.pending[side].length === 1 ? "it" : "them"} in the live text</a> : null}
            </p>
          ) : null,
        )}
        {result.truncated ? (
          <p className="error" role="alert">
            Some paragraphs were too long to diff word by word in time: their diff is correct but not minimal.
          </p>
        ) : null}
      </section>
      {/* Stays under the top bar while the paragraphs scroll: N / P are always at hand. */}
      <div className="compare-controls">
        <label>
          <input type="radio" name="layout" checked={layout === "inline"} onChange={() => setLayout("inline")} /> Inline
        </label>
        <label>
          <input type="radio" name="layout" checked={layout === "side"} onChange={() => setLayout("side")} /> Side by side
        </label>
        <label>
          <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> Only changed
        </label>
        <button type="button" className="button small" onClick={() => jump(-1)} disabled={changed.length === 0}>
          Previous change (P)
        </button>
        <button type="button" className="button small primary" onClick={() => jump(1)} disabled={changed.length === 0}>
          Next change (N)
        </button>
      </div>
      <ReferenceChanges references={result.references} fromLabel={result.from.label} toLabel={result.to.label} />
      {layout === "side" ? <CompareColumns fromLabel={result.from.label} toLabel={result.to.label} /> : null}
      <ol className={`compare-list layout-${layout}`} aria-label="Paragraphs">
        {result.pairs.map((pair, i) => {
          if (onlyChanged && !isChange(i)) return null;
          const status = result.statuses?.[i];
          const attributions = result.attributions[i] ?? [];
          return (
            <li
              key={i}
              ref={(el) => {
                rows.current[i] = el;
              }}
              tabIndex={-1}
              className={`cmp cmp-${pair.classification}${current === i ? " is-current" : ""}`}
              data-testid="compare-row"
              data-classification={pair.classification}
            >
              <div className="cmp-head">
                <span className={`cmp-tag tag-${pair.classification}`}>{pair.classification === "unchanged" && status ? "Same wording" : LABEL[pair.classification]}</span>
                <span className="cmp-num" title={`${result.from.label} → ${result.to.label}`}>
                  {numbers(pair.from)} → {numbers(pair.to)}
                </span>
                {status ? (
                  <span className="cmp-status" data-testid="compare-status">
                    {statusLabel(status.from)} → {statusLabel(status.to)}
                  </span>
                ) : null}
                {attributions.map((a, k) => (
                  <span key={k} className="cmp-attr">
                    {attributionText(a, backwards)}
                  </span>
                ))}
                {pair.textMoves?.map((m, k) => (
                  <span key={`move-${k}`} className="cmp-attr" data-testid="compare-text-move">
                    {textMoveText(m)}
                  </span>
                ))}
              </div>
              <PairText pair={pair} layout={layout} fromLabel={result.from.label} toLabel={result.to.label} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
