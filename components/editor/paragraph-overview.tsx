"use client";

import { DelegationFilter, involvedDelegations } from "./delegation-filter";
import { memo, useMemo, useState } from "react";
import type { AnnotationView, DelegationRef } from "@/server/negotiation/views";
import { PARAGRAPH_STATUSES, PARAGRAPH_STATUS_LABEL, type ParagraphStatus } from "@/lib/negotiation/types";
import type { Suggestion } from "@/lib/negotiation/suggestions";
import { involves } from "./annotation-list";
import { closedSelectProps } from "../closed-select-keys";
import { useIsMac } from "../platform";
import { statusKeysHint } from "./shortcut-keys";
import { NO_COUNTS, overviewCounts, type OverviewCounts } from "./overview-counts";

/** The count columns: a short heading that fits the side panel, and what it counts (title, accessible name). */
const COUNT_COLUMNS = [
  ["Obj", "Open objections"],
  ["Res", "Open reservations"],
  ["Am", "Open amendments"],
  ["Sup", "Supports"],
  ["Com", "Open comments"],
  ["Tr", "Tracked changes awaiting a decision"],
] as const;

export interface ParagraphRow {
  id: string;
  number: string | null;
}

type Numbered = ParagraphRow & { number: string };

interface RowProps extends OverviewCounts {
  id: string;
  number: string;
  status: ParagraphStatus;
  isChair: boolean;
  onStatus: (blockId: string, status: ParagraphStatus) => void;
  onJump: (blockId: string) => void;
  textOf: (blockId: string) => string;
}

/**
 * One paragraph's row. Its props are its own values and the panel's (stable) callbacks, so
 * when the tracked changes or positions change, only the rows whose figures changed render
 * again (typing inside a tracked change changed the list, and rendered all 300 rows).
 */
const OverviewRow = memo(function OverviewRow({ id, number, status, objection, reservation, amendment, support, comment, changes, isChair, onStatus, onJump, textOf }: RowProps) {
  return (
    <tr data-block-id={id}>
      <th scope="row">
        <button type="button" className="link-button" onClick={() => onJump(id)} onPointerEnter={(e) => (e.currentTarget.title = textOf(id).slice(0, 120))}>
          {number}
        </button>
      </th>
      <td>
        {isChair ? (
          <select value={status} aria-label={`Status of ${number}`} {...closedSelectProps((value) => onStatus(id, value as ParagraphStatus))}>
            {PARAGRAPH_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PARAGRAPH_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        ) : (
          <span className={`pstatus pstatus-${status}`}>{PARAGRAPH_STATUS_LABEL[status]}</span>
        )}
      </td>
      <td className={objection ? "hot" : undefined}>{objection}</td>
      <td className={reservation ? "hot" : undefined}>{reservation}</td>
      <td>{amendment}</td>
      <td>{support}</td>
      <td>{comment}</td>
      <td>{changes}</td>
    </tr>
  );
});

/**
 * Where consensus stands: every numbered paragraph with its status and the counts of open
 * objections, reservations, amendments, supports, comments and tracked changes; filterable by
 * delegation. The chair sets status here.
 *
 * Every row is in the page and the accessibility tree: not windowed, and not skipped with
 * `content-visibility: auto` either (Chromium leaves the rows of a skipped box out of the
 * accessibility tree, "notRendered", until scrolled near: a screen reader's table reading
 * stopped after the first rows; see BENCHMARKS.md, "The Paragraphs tab").
 * `onStatus`, `onJump` and `textOf` should keep their identity across renders (each row is memoised).
 */
export function ParagraphOverview({
  paragraphs,
  statuses,
  annotations,
  suggestions,
  delegations,
  isChair,
  onStatus,
  onJump,
  textOf,
}: {
  paragraphs: readonly ParagraphRow[];
  statuses: Readonly<Record<string, string>>;
  annotations: readonly AnnotationView[];
  suggestions: readonly Suggestion[];
  delegations: readonly DelegationRef[];
  isChair: boolean;
  onStatus: (blockId: string, status: ParagraphStatus) => void;
  onJump: (blockId: string) => void;
  /** A paragraph's words now, for its number's tooltip (read when pointed at: they change as people type). */
  textOf: (blockId: string) => string;
}) {
  const [delegation, setDelegation] = useState("");
  const mac = useIsMac();
  const code = delegations.find((d) => d.id === delegation)?.code;
  const filterable = useMemo(() => involvedDelegations(delegations, annotations, suggestions, delegation), [delegations, annotations, suggestions, delegation]);
  const counts = useMemo(
    () =>
      overviewCounts(
        annotations.filter((a) => a.status === "open" && (!delegation || involves(a, delegation))),
        delegation ? suggestions.filter((s) => s.delegation === code) : suggestions,
      ),
    [annotations, suggestions, delegation, code],
  );

  return (
    <section aria-label="Paragraph overview" className="stack-sm">
      {isChair ? <p className="muted small">{`In the text: ${statusKeysHint(mac)}.`}</p> : null}
      <DelegationFilter value={delegation} onChange={setDelegation} delegations={filterable} label="Overview by delegation" />
      <table className="overview" data-testid="overview">
        <thead>
          <tr>
            <th scope="col">¶</th>
            <th scope="col">Status</th>
            {COUNT_COLUMNS.map(([short, full]) => (
              <th key={short} scope="col" title={full} aria-label={full}>
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {paragraphs
            .filter((p): p is Numbered => Boolean(p.number) && (!delegation || counts.has(p.id)))
            .map((p) => (
              <OverviewRow
                key={p.id}
                id={p.id}
                number={p.number}
                status={(statuses[p.id] ?? "open") as ParagraphStatus}
                {...(counts.get(p.id) ?? NO_COUNTS)}
                isChair={isChair}
                onStatus={onStatus}
                onJump={onJump}
                textOf={textOf}
              />
            ))}
        </tbody>
      </table>
    </section>
  );
}
