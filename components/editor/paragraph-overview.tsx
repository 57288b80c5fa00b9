"use client";

import { DelegationFilter } from "./delegation-filter";
import { memo, useMemo, useState } from "react";
import type { AnnotationView, DelegationRef } from "@/server/negotiation/views";
import { PARAGRAPH_STATUSES, PARAGRAPH_STATUS_LABEL, type ParagraphStatus } from "@/lib/negotiation/types";
import type { Suggestion } from "@/lib/negotiation/suggestions";
import { involves } from "./annotation-list";
import { closedSelectProps } from "../closed-select-keys";
import { useIsMac } from "../platform";
import { statusKeysHint } from "./shortcut-keys";
import { NO_COUNTS, overviewCounts } from "./overview-counts";

/** The count columns: a short heading that fits the side panel, and what it counts (title, accessible name). */
const COUNT_COLUMNS = [
  ["Obj", "Open objections"],
  ["Res", "Open reservations"],
  ["Am", "Open amendments"],
  ["Sup", "Supports"],
  ["Com", "Open comments"],
  ["Tr", "Tracked changes awaiting a decision"],
] as const;

/**
 * Rows are grouped by CHUNK, each group skipped by the browser while out of view: per row, the
 * browser's checks of what came into view cost more than the row (scrolling the 300 rows
 * after opening the tab took twice the main thread of the plain table).
 */
const CHUNK = 20;
/** A row's height, before the browser has laid it out once (then it keeps the real one). */
const ROW_REM = 2.5;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

export interface ParagraphRow {
  id: string;
  number: string | null;
}

type Numbered = ParagraphRow & { number: string };

interface RowProps {
  id: string;
  number: string;
  status: ParagraphStatus;
  objection: number;
  reservation: number;
  amendment: number;
  support: number;
  comment: number;
  changes: number;
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
    <div role="row" className="overview-row" data-block-id={id}>
      <div role="rowheader">
        <button type="button" className="link-button" onClick={() => onJump(id)} onPointerEnter={(e) => (e.currentTarget.title = textOf(id).slice(0, 120))}>
          {number}
        </button>
      </div>
      <div role="cell">
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
      </div>
      <div role="cell" className={objection ? "hot" : undefined}>
        {objection}
      </div>
      <div role="cell" className={reservation ? "hot" : undefined}>
        {reservation}
      </div>
      <div role="cell">{amendment}</div>
      <div role="cell">{support}</div>
      <div role="cell">{comment}</div>
      <div role="cell">{changes}</div>
    </div>
  );
});

/**
 * Where consensus stands: every numbered paragraph with its status and the counts of open
 * objections, reservations, amendments, supports, comments and tracked changes; filterable by
 * delegation. The chair sets status here.
 *
 * An ARIA table of CSS grid rows rather than a `<table>`: rows out of view skip style, layout
 * and paint (`content-visibility: auto`, which has no effect on table rows) while staying in
 * the page, so find-in-page, the Tab order and screen readers still reach every row.
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
      <DelegationFilter value={delegation} onChange={setDelegation} delegations={delegations} label="Overview by delegation" />
      <div role="table" className="overview" data-testid="overview">
        <div role="rowgroup">
          <div role="row" className="overview-row overview-head">
            <div role="columnheader">¶</div>
            <div role="columnheader">Status</div>
            {COUNT_COLUMNS.map(([short, full]) => (
              <div key={short} role="columnheader" title={full} aria-label={full}>
                {short}
              </div>
            ))}
          </div>
        </div>
        {chunks(paragraphs.filter((p): p is Numbered => Boolean(p.number) && (!delegation || counts.has(p.id)))).map((chunk, i) => (
          <div key={i} role="rowgroup" className="overview-chunk" style={{ containIntrinsicSize: `auto ${chunk.length * ROW_REM}rem` }}>
            {chunk.map((p) => (
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
          </div>
        ))}
      </div>
    </section>
  );
}
