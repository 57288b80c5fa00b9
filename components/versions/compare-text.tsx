import type { CompareView as Result } from "@/server/negotiation/compare";

type Pair = Result["pairs"][number];

function Ops({ ops, side }: { ops: NonNullable<Pair["ops"]>; side: "inline" | "from" | "to" }) {
  return (
    <>
      {ops.map(([op, text], i) => {
        if (op === 0) return <span key={i}>{text}</span>;
        if (op === -1) return side === "to" ? null : <del key={i}>{text}</del>;
        return side === "from" ? null : <ins key={i}>{text}</ins>;
      })}
    </>
  );
}

function joined(refs: Pair["from"]): string {
  return refs.map((r) => r.text).join(" ");
}

/**
 * The side-by-side column headings, naming the version each column shows. Visible text,
 * not an aria-label: a <p> may not be named (axe: aria-prohibited-attr).
 */
export function CompareColumns({ fromLabel, toLabel }: { fromLabel: string; toLabel: string }) {
  return (
    <div className="cmp-columns" data-testid="compare-columns">
      <p className="cmp-column">{fromLabel}</p>
      <p className="cmp-column">{toLabel}</p>
    </div>
  );
}

/**
 * The text of one paragraph pair: inline (struck deletions, underlined insertions) or side
 * by side, where each column's text starts with its version's name for a screen reader,
 * which does not see the column headings beside it.
 */
export function PairText({ pair, layout, fromLabel, toLabel }: { pair: Pair; layout: "inline" | "side"; fromLabel: string; toLabel: string }) {
  const ops = pair.ops ?? [];
  if (layout === "inline") {
    return (
      <p className="cmp-text">
        {ops.length ? (
          <Ops ops={ops} side="inline" />
        ) : pair.classification === "deleted" ? (
          <del>{joined(pair.from)}</del>
        ) : pair.classification === "added" ? (
          <ins>{joined(pair.to)}</ins>
        ) : (
          joined(pair.to)
        )}
      </p>
    );
  }
  return (
    <div className="cmp-sides">
      <p className="cmp-text">
        <span className="sr-only cmp-side-label">{fromLabel}: </span>
        {ops.length ? <Ops ops={ops} side="from" /> : pair.classification === "deleted" ? <del>{joined(pair.from)}</del> : joined(pair.from)}
      </p>
      <p className="cmp-text">
        <span className="sr-only cmp-side-label">{toLabel}: </span>
        {ops.length ? <Ops ops={ops} side="to" /> : pair.classification === "added" ? <ins>{joined(pair.to)}</ins> : joined(pair.to)}
      </p>
    </div>
  );
}
