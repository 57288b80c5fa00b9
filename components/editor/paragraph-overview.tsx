"use client";

import { DelegationFilter } from "./delegation-filter";
import { useState } from "react";
import type { AnnotationView, DelegationRef } from "@/server/negotiation/views";
import { PARAGRAPH_STATUSES, PARAGRAPH_STATUS_LABEL, type ParagraphStatus } from "@/lib/negotiation/types";
import { countChanges, type Suggestion } from "@/lib/negotiation/suggestions";
import { involves } from "./annotation-list";
import { closedSelectProps } from "../closed-select-keys";
import { useIsMac } from "../platform";
import { statusKeysHint } from "./shortcut-keys";

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

/**
 * Where consensus stands: every numbered paragraph with its status and the counts of open
 * objections, reservations, amendments, supports, comments and tracked changes; filterable by
 * delegation. The chair sets status here.
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
  const open = annotations.filter((a) => a.status === "open" && (!delegation || involves(a, delegation)));
  const count = (blockId: string, kind: AnnotationView["kind"]) => open.filter((a) => a.blockId === blockId && a.kind === kind).length;
  const code = delegations.find((d) => d.id === delegation)?.code;
  const tracked = suggestions.filter((s) => !delegation || s.delegation === code);
  const changes = (blockId: string) => countChanges(tracked, (s) => s.blockId === blockId);
  const rows = paragraphs.filter((p) => p.number && (!delegation || open.some((a) => a.blockId === p.id) || changes(p.id) > 0));

  return (
    <section aria-label="Paragraph overview" className="stack-sm">
      {isChair ? <p className="muted small">{`In the text: ${statusKeysHint(mac)}.`}</p> : null}
      <DelegationFilter value={delegation} onChange={setDelegation} delegations={delegations} label="Overview by delegation" />
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
          {rows.map((p) => {
            const status = (statuses[p.id] ?? "open") as ParagraphStatus;
            return (
              <tr key={p.id} data-block-id={p.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onJump(p.id)}
                    onPointerEnter={(e) => (e.currentTarget.title = textOf(p.id).slice(0, 120))}
                  >
                    {p.number}
                  </button>
                </th>
                <td>
                  {isChair ? (
                    <select
                      value={status}
                      aria-label={`Status of ${p.number}`}
                      {...closedSelectProps((value) => onStatus(p.id, value as ParagraphStatus))}
                    >
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
                <td className={count(p.id, "objection") ? "hot" : ""}>{count(p.id, "objection")}</td>
                <td className={count(p.id, "reservation") ? "hot" : ""}>{count(p.id, "reservation")}</td>
                <td>{count(p.id, "amendment")}</td>
                <td>{count(p.id, "support")}</td>
                <td>{count(p.id, "comment")}</td>
                <td>{changes(p.id)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
