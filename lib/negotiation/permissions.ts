import type { Role } from "../roles";
import type { AnnotationKind, AnnotationStatus } from "./types";

export const ANNOTATION_ACTIONS = ["create", "reply", "cosponsor", "uncosponsor", "withdraw", "decide", "reopen"] as const;
export type AnnotationAction = (typeof ANNOTATION_ACTIONS)[number];

export interface Actor {
  role: Role | null;
  /** The delegation the actor speaks for (delegates only). */
  delegationId: string | null;
}

export interface AnnotationFacts {
  kind: AnnotationKind;
  status: AnnotationStatus;
  authorDelegationId: string | null;
  cosponsorIds: readonly string[];
}

/**
 * Who may do what with an annotation. Returns null when allowed, else the reason shown to
 * the user (the API answers 403 with it). The chair decides but never speaks for a
 * delegation; a delegate speaks only for their own; observers only read.
 */
export function annotationDenial(
  actor: Actor,
  action: AnnotationAction,
  target?: AnnotationFacts,
  kind?: AnnotationKind,
): string | null {
  const { role, delegationId } = actor;
  if (role === null) return "no role on this document";
  if (role === "observer") return "observers read; they cannot annotate";
  switch (action) {
    case "create":
      if (role === "chair") return kind === "comment" ? null : "the chair does not speak for a delegation: only comments";
      return delegationId ? null : "a delegate must be bound to a delegation";
    case "reply":
      return null;
    case "cosponsor":
      if (role !== "delegate" || !delegationId) return "only delegations co-sponsor";
      if (!target) return "no such annotation";
      if (target.status !== "open") return `the annotation is ${target.status}`;
      if (target.kind === "comment") return "comments are not co-sponsored";
      if (target.authorDelegationId === delegationId) return "your delegation is its author";
      if (target.cosponsorIds.includes(delegationId)) return "your delegation already co-sponsors it";
      return null;
    case "uncosponsor":
      if (role !== "delegate" || !delegationId) return "only delegations co-sponsor";
      if (!target) return "no such annotation";
      if (!target.cosponsorIds.includes(delegationId)) return "your delegation does not co-sponsor it";
      return target.status === "open" ? null : `the annotation is ${target.status}`;
    case "withdraw":
      if (!target) return "no such annotation";
      if (role !== "delegate" || target.authorDelegationId !== delegationId) return "only its author delegation can withdraw it";
      return target.status === "open" ? null : `the annotation is ${target.status}`;
    case "decide":
      if (role !== "chair") return "only the chair decides";
      if (!target) return "no such annotation";
      return target.status === "open" ? null : `the annotation is already ${target.status}`;
    case "reopen":
      // Undoing a decision that left the text alone; an accepted amendment changed it (the
      // chair edits the text instead), a withdrawn position is its delegation's to bring back.
      if (role !== "chair") return "only the chair reopens a decision";
      if (!target) return "no such annotation";
      if (target.status === "open") return "the annotation is open";
      if (target.status === "withdrawn") return "its delegation withdrew it";
      if (target.status === "accepted" && target.kind === "amendment") return "the accepted amendment changed the text: edit the text instead";
      return null;
  }
}
