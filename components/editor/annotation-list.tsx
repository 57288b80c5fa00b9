"use client";

import { DelegationFilter, involvedDelegations } from "./delegation-filter";
import { useState } from "react";
import { FocusedStatus } from "../focused-status";
import type { AnnotationView, DelegationRef } from "@/server/negotiation/views";
import { ANNOTATION_KINDS } from "@/lib/negotiation/types";
import { AnnotationCard, type Viewer } from "./annotation-card";
import type { ApiResult } from "./use-negotiation";

export function involves(a: AnnotationView, delegationId: string): boolean {
  return a.author.delegation?.id === delegationId || a.cosponsors.some((c) => c.id === delegationId);
}

/** Every annotation, filterable by delegation, kind and status; newest positions stay in text order. */
export function AnnotationList({
  annotations,
  order,
  delegations,
  viewer,
  selectedId,
  onSelect,
  mutate,
}: {
  annotations: readonly AnnotationView[];
  order: ReadonlyMap<string, number>;
  delegations: readonly DelegationRef[];
  viewer: Viewer;
  selectedId: string | null;
  onSelect: (id: string) => void;
  mutate: (path: string, method: string, body?: unknown) => Promise<ApiResult>;
}) {
  const [delegation, setDelegation] = useState("");
  const [kind, setKind] = useState("");
  const [openOnly, setOpenOnly] = useState(true);
  // What the last action on a card did: a decided card leaves the "open only" list, so the
  // message (and the focus, which was on its button) comes here.
  const [done, setDone] = useState<{ text: string; undo: string | null } | null>(null);

  async function undo(annotationId: string) {
    const res = await mutate(`/annotations/${annotationId}/reopen`, "POST");
    setDone({ text: res.ok ? "Decision taken back: the position is open again." : (res.message ?? "Failed."), undo: null });
  }
  const shown = annotations
    .filter((a) => (!delegation || involves(a, delegation)) && (!kind || a.kind === kind) && (!openOnly || a.status === "open"))
    .sort((x, y) => (order.get(x.blockId) ?? 1e9) - (order.get(y.blockId) ?? 1e9) || x.createdAt - y.createdAt);

  return (
    <section aria-label="Annotations" className="stack-sm">
      <div className="filters">
        <DelegationFilter value={delegation} onChange={setDelegation} delegations={involvedDelegations(delegations, annotations, [], delegation)} label="Filter by delegation" />
        <label>
          <span className="sr-only">Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label="Filter by kind">
            <option value="">All kinds</option>
            {ANNOTATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> Open only
        </label>
      </div>
      {done ? (
        <FocusedStatus focusOn={done}>
          {done.text}
          {done.undo ? (
            <>
              {" "}
              <button type="button" className="link-button" onClick={() => void undo(done.undo!)}>
                Undo
              </button>
            </>
          ) : null}
        </FocusedStatus>
      ) : null}
      {shown.length === 0 ? <p className="muted">No annotations match.</p> : null}
      {shown.map((a) => (
        <AnnotationCard key={a.id} a={a} viewer={viewer} selected={a.id === selectedId} onSelect={onSelect} mutate={mutate} onDone={(text, undoId) => setDone({ text, undo: undoId })} />
      ))}
    </section>
  );
}
