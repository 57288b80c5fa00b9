import { renderParagraphs } from "../../lib/model/ydoc";
import { listSuggestions } from "../../lib/negotiation/suggestions";
import * as repo from "../db/annotations";
import { listDelegations } from "../db/delegations";
import { detailsOfRow, documentById } from "../db/documents";
import { delegateCode, requireMember } from "./access";
import { createAnnotations, type NegotiationDeps } from "./annotations";
import { createDrafting, suggestionDecisionsOf } from "./drafting";
import { delegationRef } from "./views";

export type { NewAnnotationInput } from "./annotations";
export type { SuggestionDecision } from "./drafting";

/** Annotations, paragraph status, editing mode and the chair's decisions. */
export function createNegotiation(deps: NegotiationDeps) {
  const { db, collab } = deps;
  const annotations = createAnnotations(deps);
  const drafting = createDrafting(deps);
  const member = (documentId: string, userId: string) => requireMember(db, documentId, userId);
  const { all, context, ...annotationActions } = annotations;

  return {
    ...annotationActions,
    ...drafting,

    /**
     * Annotations, statuses, mode and the document's details; for a delegate, also the chair's newest decisions on
     * its delegation's tracked changes (`decided`), which a browser coming back tells of, and
     * `seq`, the newest negotiation event the read includes (what that browser has now seen).
     */
    list(documentId: string, userId: string) {
      const m = member(documentId, userId);
      const row = documentById(db, documentId);
      const code = delegateCode(db, m);
      return {
        mode: row?.editingMode ?? "chairs_pen",
        // The header's facts, as the chair last set them (a window that slept missed the event).
        details: row ? detailsOfRow(row) : null,
        statuses: Object.fromEntries(repo.paragraphStatuses(db, documentId)),
        annotations: all(documentId),
        decided: code ? suggestionDecisionsOf(deps.events, documentId, code) : [],
        seq: deps.events.newestSeq(documentId),
      };
    },

    /** Open amendments, objections and suggestions grouped by paragraph in text order. */
    review(documentId: string, userId: string) {
      member(documentId, userId);
      const open = all(documentId).filter(
        (a) => a.status === "open" && (a.kind === "amendment" || a.kind === "objection" || a.kind === "reservation"),
      );
      return collab.withRoom(documentId, (room) => {
        const ctx = context(room.doc);
        const suggestions = listSuggestions(room.doc);
        const codes = new Map(listDelegations(db).map((d) => [d.code, d.id]));
        return renderParagraphs(room.doc)
          .map((p) => ({
            blockId: p.id,
            number: p.number,
            kind: p.kind,
            text: p.text,
            annotations: open.filter((a) => a.blockId === p.id),
            suggestions: suggestions
              .filter((s) => s.blockId === p.id)
              .map((s) => ({ ...s, delegationRef: delegationRef(ctx, codes.get(s.delegation) ?? null) })),
          }))
          .filter((p) => p.annotations.length > 0 || p.suggestions.length > 0);
      });
    },
  };
}

export type Negotiation = ReturnType<typeof createNegotiation>;
