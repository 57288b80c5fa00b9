"use client";

import { useState, type FormEvent } from "react";
import { sentence } from "@/lib/format/sentence";
import { ANNOTATION_KIND_LABEL } from "@/lib/negotiation/types";
import { decisionMessage } from "./review-messages";
import type { AnnotationView } from "@/server/negotiation/views";
import type { Role } from "@/lib/roles";
import type { ApiResult } from "./use-negotiation";
import { RejectForm } from "./reject-form";
import { cosponsorNames } from "./cosponsor-names";

/** The chair's acts: the delegation stored with them is the position's author, not who acted. */
const CHAIR_ACTIONS: ReadonlySet<string> = new Set(["accepted", "rejected", "resolved", "reopened"]);

const OP_LABEL = { insert: "insert", delete: "delete", replace: "replace" } as const;

export interface Viewer {
  role: Role;
  delegationId: string | null;
}

function when(at: number): string {
  return new Date(at).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

function Cosponsors({ names, own }: { names: readonly string[]; own: string | null }) {
  const [all, setAll] = useState(false);
  if (!names.length) return null;
  const short = cosponsorNames(names, own);
  const shown = all ? names : short.shown;
  return (
    <span className="muted">
      {" "}
      with {shown.join(", ")}
      {short.hidden ? (
        <>
          {" "}
          {/* One button, its words toggled, so focus stays on it. */}
          <button type="button" className="link-button more" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? "(fewer)" : `and ${short.hidden} other${short.hidden === 1 ? "" : "s"}`}
          </button>
        </>
      ) : null}
    </span>
  );
}

/** One annotation with its thread, co-sponsors, history and the actions the viewer may take. */
export function AnnotationCard({
  a,
  viewer,
  selected,
  onSelect,
  mutate,
  onDone,
}: {
  a: AnnotationView;
  viewer: Viewer;
  selected: boolean;
  onSelect: (id: string) => void;
  mutate: (path: string, method: string, body?: unknown) => Promise<ApiResult>;
  /** Says what a decision or a withdrawal did (the card may leave the list), with what undoes it. */
  onDone: (text: string, undoAnnotationId: string | null) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const path = `/annotations/${a.id}`;
  const open = a.status === "open";
  const mine = viewer.role === "delegate" && a.author.delegation?.id === viewer.delegationId;
  const joined = a.cosponsors.some((c) => c.id === viewer.delegationId);
  const canCosponsor = viewer.role === "delegate" && open && !mine && !joined && a.kind !== "comment";

  async function run(p: string, body?: unknown) {
    const res = await mutate(p, "POST", body ?? {});
    setError(res.ok ? null : (res.message ?? "Failed."));
    return res.ok;
  }

  async function handleReply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = String(new FormData(form).get("reply") ?? "").trim();
    if (body && (await run(`${path}/replies`, { body }))) form.reset();
  }

  const what = `${a.author.delegation?.name ?? a.author.userName}'s ${a.kind}${a.paragraph ? ` on ${a.paragraph}` : ""}`;

  async function decide(decision: "accept" | "reject" | "resolve", reason?: string) {
    if (!(await run(`${path}/decision`, { decision, reason }))) return;
    setRejecting(false);
    // As in the review: a decision that left the text alone can be taken back.
    const changedText = decision === "accept" && a.kind === "amendment";
    onDone(decisionMessage(decision, a.kind, what, a.paragraph), changedText ? null : a.id);
  }

  async function leave() {
    const res = await mutate(`${path}/cosponsors`, "DELETE");
    setError(res.ok ? null : (res.message ?? "Failed."));
    if (res.ok) onDone(sentence(`Your delegation no longer co-sponsors ${what}`), null);
  }

  async function withdraw() {
    // Asked first: a withdrawal cannot be taken back (the position would be filed again, and
    // its co-sponsors would have to join again).
    const others = a.cosponsors.length ? ` Its ${a.cosponsors.length} co-sponsor${a.cosponsors.length === 1 ? " is" : "s are"} told.` : "";
    if (!window.confirm(`Withdraw ${what.replace(/^[^']*'s /, "your delegation's ")}?${others}`)) return;
    if (await run(`${path}/withdraw`)) onDone(sentence(`Withdrawn: ${what}`), null);
  }

  async function cosponsor() {
    if (await run(`${path}/cosponsors`)) onDone(sentence(`Your delegation co-sponsors ${what}`), null);
  }

  const color = a.author.delegation?.color ?? "#374151";
  return (
    <article
      className={`card-ann status-${a.status}${selected ? " is-selected" : ""}`}
      style={{ borderLeftColor: color }}
      aria-label={`${ANNOTATION_KIND_LABEL[a.kind]} by ${a.author.delegation?.name ?? a.author.userName}${a.paragraph ? ` on ${a.paragraph}` : ""}`}
      data-testid="annotation"
      data-annotation-id={a.id}
    >
      <header className="ann-head">
        <button type="button" className="link-button" onClick={() => onSelect(a.id)}>
          <span className={`ann-mark ann-mark-${a.kind}`} aria-hidden="true" />
          <span className={`kind kind-${a.kind}`}>{ANNOTATION_KIND_LABEL[a.kind]}</span>
          {a.op ? <span className="muted"> ({OP_LABEL[a.op]})</span> : null}
        </button>
        <span className="para-ref">{a.paragraph ?? "—"}</span>
        <span className={`status-pill status-${a.status}`}>{a.status}</span>
      </header>
      <p className="ann-author">
        <span className="dot" style={{ background: color }} aria-hidden="true" /> {a.author.delegation?.name ?? `${a.author.userName} (Chair)`}
        <Cosponsors names={a.cosponsors.map((c) => c.name)} own={a.cosponsors.find((c) => c.id === viewer.delegationId)?.name ?? null} />
      </p>
      {a.quote ? (
        <blockquote className={a.kind === "amendment" && a.op !== "insert" ? "quote struck" : "quote"}>{a.quote}</blockquote>
      ) : null}
      {a.detached ? <p className="detached">The quoted text was deleted; this stays with its paragraph.</p> : null}
      {a.proposedText ? (
        <p className="proposed">
          <ins style={{ textDecorationColor: color }}>{a.proposedText}</ins>
        </p>
      ) : null}
      {a.body ? <p className="ann-body">{a.body}</p> : null}
      {a.replies.length ? (
        <ol className="replies" aria-label="Replies">
          {a.replies.map((r) => (
            <li key={r.id}>
              <strong>{r.delegation?.name ?? r.userName}</strong> <span className="muted">{when(r.createdAt)}</span>
              <div>{r.body}</div>
            </li>
          ))}
        </ol>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="ann-actions">
        {canCosponsor ? (
          <button type="button" className="button small" onClick={() => void cosponsor()}>
            Co-sponsor
          </button>
        ) : null}
        {joined && open && viewer.role === "delegate" ? (
          <button type="button" className="button small subtle" onClick={() => void leave()}>
            Stop co-sponsoring
          </button>
        ) : null}
        {mine && open ? (
          <button type="button" className="button small subtle" onClick={() => void withdraw()}>
            Withdraw
          </button>
        ) : null}
        {viewer.role === "chair" && open ? (
          <>
            <button type="button" className="button small primary" onClick={() => void decide("accept")}>
              Accept
            </button>
            <button type="button" className="button small" onClick={() => setRejecting((v) => !v)} aria-expanded={rejecting}>
              Reject…
            </button>
            <button type="button" className="button small subtle" onClick={() => void decide("resolve")}>
              Resolve
            </button>
          </>
        ) : null}
      </div>
      {rejecting ? <RejectForm onReject={(reason) => void decide("reject", reason)} onCancel={() => setRejecting(false)} /> : null}
      {viewer.role !== "observer" ? (
        <form className="inline-form" onSubmit={handleReply}>
          <label className="sr-only" htmlFor={`reply-${a.id}`}>
            Reply
          </label>
          <input id={`reply-${a.id}`} name="reply" placeholder="Reply…" />
          <button type="submit" className="button small subtle">
            Send
          </button>
        </form>
      ) : null}
      {a.history.length ? (
        <details className="history">
          <summary>History ({a.history.length})</summary>
          <ol>
            {a.history.map((h, i) => (
              <li key={i}>
                {when(h.at)} · {h.action.replace(/_/g, " ")} by {h.userName}
                {h.delegation && !CHAIR_ACTIONS.has(h.action) ? ` (${h.delegation.name})` : ""}
                {h.reason ? `: “${h.reason}”` : ""}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </article>
  );
}
