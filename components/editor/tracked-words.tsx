import { Fragment } from "react";
import { changeOf, type Suggestion } from "@/lib/negotiation/suggestions";

/** Pieces of one part of a change, " … " between them (and the paragraph's number when it changes). */
function Pieces({ pieces, numberOf }: { pieces: readonly Suggestion[]; numberOf: (blockId: string) => string }) {
  return pieces.map((piece, n) => (
    <Fragment key={n}>
      {n > 0 ? <span className="muted">{piece.blockId === pieces[n - 1]!.blockId ? " … " : ` … ${numberOf(piece.blockId)} `}</span> : null}
      {piece.text.trim() === "" ? (
        <span className="muted">({piece.text.length === 1 ? "a space" : `${piece.text.length} spaces`})</span>
      ) : piece.type === "insertion" ? (
        <ins>{piece.text}</ins>
      ) : (
        <del>{piece.text}</del>
      )}
    </Fragment>
  ));
}

/**
 * The words of one tracked change (its pieces, one id): inserted words underlined, deleted
 * ones struck, and a replacement read as one proposal, "Replace “X” with “Y”".
 */
export function TrackedWords({ pieces, numberOf }: { pieces: readonly Suggestion[]; numberOf: (blockId: string) => string }) {
  const { kind, deleted, inserted } = changeOf(pieces);
  if (kind !== "replacement") return <Pieces pieces={pieces} numberOf={numberOf} />;
  return (
    <>
      Replace “<Pieces pieces={deleted} numberOf={numberOf} />” with “<Pieces pieces={inserted} numberOf={numberOf} />”
    </>
  );
}
