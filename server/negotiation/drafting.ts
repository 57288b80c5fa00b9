import { eq } from "drizzle-orm";
import { PlenaryError } from "../../lib/errors";
import { findBlock } from "../../lib/negotiation/anchor";
import { acceptSuggestions, countChanges, listSuggestions, rejectSuggestions, wholeChanges, type Suggestion } from "../../lib/negotiation/suggestions";
import { CLOSED_TO_DRAFTING, type ParagraphStatus } from "../../lib/negotiation/types";
import * as repo from "../db/annotations";
import { listDelegations } from "../db/delegations";
import { detailsOfRow, documentById } from "../db/documents";
import { documents } from "../db/schema";
import type { EditingMode } from "../collab/types";
import type { DecidedPiece, DocumentDetails, SuggestionsDecided } from "../events";
import type { NegotiationDeps } from "./annotations";
import { delegateCode, requireChair, requireMember } from "./access";
import { versionWithSymbol } from "./versions";

/** Decided or withdrawn pieces as the event log records them. */
function piecesOf(matched: readonly Suggestion[]): DecidedPiece[] {
  return matched.map((s) => ({ id: s.id, type: s.type, delegation: s.delegation, blockId: s.blockId, text: s.text }));
}

/** What the live events say of them: enough to quote, not a whole pasted page. */
function told(pieces: readonly DecidedPiece[]): DecidedPiece[] {
  return pieces.map((p) => (p.text.length > 300 ? { ...p, text: `${p.text.slice(0, 300)}…` } : p));
}

/** Decisions on a delegation's tracked changes it may have missed: how many of its newest are read (past two, they are counted). */
const DECISIONS_KEPT = 100;

/**
 * The chair's newest decisions on a delegation's tracked changes (`code`), oldest first, each
 * with that delegation's pieces only: what a browser coming back tells of those after the
 * last it showed.
 */
export function suggestionDecisionsOf(events: NegotiationDeps["events"], documentId: string, code: string): SuggestionsDecided[] {
  const out: SuggestionsDecided[] = [];
  for (const e of events.recentSuggestionDecisions(documentId, code, DECISIONS_KEPT)) {
    const pieces = (JSON.parse(e.payload) as { suggestions?: DecidedPiece[] }).suggestions?.filter((p) => p.delegation === code) ?? [];
    if (pieces.length === 0) continue;
    out.push({ seq: e.seq, decision: e.action === "suggestion_accepted" ? "accepted" : "rejected", reason: e.reason, pieces: told(pieces) });
  }
  return out.reverse();
}

/** Ids of a document's paragraphs closed to delegates' drafting. */
export function agreedParagraphs(db: NegotiationDeps["db"], documentId: string): string[] {
  return [...repo.paragraphStatuses(db, documentId)].filter(([, status]) => CLOSED_TO_DRAFTING.has(status)).map(([id]) => id);
}

export interface SuggestionDecision {
  decision: "accept" | "reject";
  id?: string;
  blockId?: string;
  delegation?: string;
  reason?: string;
}

/** The chair's hold on the text: paragraph status, editing mode, decisions on tracked suggestions. */
export function createDrafting({ db, sqlite, collab, events, bus }: NegotiationDeps) {
  const detailsOf = (documentId: string): DocumentDetails => {
    const row = documentById(db, documentId);
    if (!row) throw new PlenaryError("not_found", "no such document");
    return detailsOfRow(row);
  };

  const chair = (documentId: string, userId: string) => requireChair(db, documentId, userId);

  return {
    setParagraphStatus(documentId: string, userId: string, blockId: string, status: ParagraphStatus) {
      chair(documentId, userId);
      const { exists, pending } = collab.withRoom(documentId, (room) => ({
        exists: findBlock(room.doc, blockId) !== null,
        pending: countChanges(listSuggestions(room.doc), (x) => x.blockId === blockId),
      }));
      if (!exists) throw new PlenaryError("not_found", "no such paragraph");
      // Agreed text is settled text: tracked changes in it are decided first (a delegate could
      // no longer withdraw them once the paragraph is closed to drafting).
      if (CLOSED_TO_DRAFTING.has(status) && pending > 0) {
        throw new PlenaryError("conflict", `the paragraph has ${pending} tracked change${pending === 1 ? "" : "s"} awaiting a decision: accept or reject ${pending === 1 ? "it" : "them"} first`);
      }
      sqlite.transaction(() => {
        if (status === "open") repo.deleteParagraphStatus(db, documentId, blockId);
        else repo.setParagraphStatus(db, documentId, blockId, status, userId);
        events.append({ documentId, action: "paragraph_status", blockId, userId, delegationId: null, payload: { status } });
      })();
      collab.setAgreed(documentId, blockId, CLOSED_TO_DRAFTING.has(status));
      bus.publish(documentId, { type: "paragraph-status", blockId, status });
      return { blockId, status };
    },

    /**
     * The chair edits the document's details (a field not given is kept; null clears an
     * optional one). Recorded with what each changed field was and became; nothing recorded
     * when nothing changed.
     */
    setDetails(documentId: string, userId: string, input: Partial<DocumentDetails>): DocumentDetails {
      chair(documentId, userId);
      const before = detailsOf(documentId);
      const changed = (Object.keys(input) as (keyof DocumentDetails)[]).filter((k) => input[k] !== undefined && input[k] !== before[k]);
      if (changed.length === 0) return before;
      const after = { ...before, ...Object.fromEntries(changed.map((k) => [k, input[k]])) } as DocumentDetails;
      // The live text printed under a saved version's symbol would be a second text under it.
      const holder = changed.includes("symbol") && after.symbol ? versionWithSymbol(db, documentId, after.symbol) : undefined;
      if (holder !== undefined) throw new PlenaryError("conflict", `version "${holder}" has the symbol ${after.symbol} already: the live text needs another (or none)`);
      sqlite.transaction(() => {
        db.update(documents)
          .set(Object.fromEntries(changed.map((k) => [k, after[k]])))
          .where(eq(documents.id, documentId))
          .run();
        const payload = Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }]));
        events.append({ documentId, action: "details", userId, delegationId: null, payload });
      })();
      bus.publish(documentId, { type: "details", details: after });
      return after;
    },

    setMode(documentId: string, userId: string, mode: EditingMode) {
      chair(documentId, userId);
      sqlite.transaction(() => {
        db.update(documents).set({ editingMode: mode }).where(eq(documents.id, documentId)).run();
        events.append({ documentId, action: "mode", userId, delegationId: null, payload: { mode } });
      })();
      collab.setMode(documentId, mode);
      bus.publish(documentId, { type: "mode", mode });
      return { mode };
    },

    /**
     * Accept or reject tracked suggestions: one change (id; a replacement's deletion and
     * insertion together, with one reason), a paragraph's (blockId), a delegation's, or all.
     */
    decideSuggestions(documentId: string, userId: string, input: SuggestionDecision) {
      chair(documentId, userId);
      if (input.decision === "reject" && input.id && !input.reason?.trim()) {
        // A reason is optional for bulk decisions; for a single rejection the delegation deserves one.
        throw new PlenaryError("bad_request", "give a reason for rejecting");
      }
      const filter = { id: input.id, blockId: input.blockId, delegation: input.delegation?.toUpperCase() };
      // Whole changes, as apply decides them: a replacement's deletion and insertion at once.
      const matched: Suggestion[] = collab.withRoom(documentId, (room) => wholeChanges(listSuggestions(room.doc), filter));
      if (matched.length === 0) throw new PlenaryError("not_found", "no matching suggestion");
      const codes = [...new Set(matched.map((s) => s.delegation))];
      const delegationId = codes.length === 1 ? (listDelegations(db).find((d) => d.code === codes[0])?.id ?? null) : null;
      const apply = input.decision === "accept" ? acceptSuggestions : rejectSuggestions;
      let count = 0;
      collab.applyServerChange(documentId, (doc) => (count = apply(doc, filter)), { userId, delegationId });
      const { seq } = events.append({
        documentId,
        action: `suggestion_${input.decision === "accept" ? "accepted" : "rejected"}`,
        blockId: input.blockId ?? null,
        userId,
        delegationId,
        reason: input.reason?.trim() || null,
        payload: { suggestions: piecesOf(matched) },
      });
      // Each delegation whose change was decided is told, with the reason (its windows pick their own).
      bus.publish(documentId, { type: "suggestions-decided", seq, decision: input.decision === "accept" ? "accepted" : "rejected", reason: input.reason?.trim() || null, pieces: told(piecesOf(matched)) });
      return { decided: count, suggestions: matched };
    },

    /**
     * A delegation takes back its own tracked change (all its pieces), whatever the mode and
     * the paragraph's status: under the chair's pen, or once the paragraph was joined into
     * agreed text, its delegates can no longer do it by editing. Anyone else: `forbidden`.
     */
    withdrawSuggestion(documentId: string, userId: string, id: string) {
      const m = requireMember(db, documentId, userId);
      const code = delegateCode(db, m);
      if (!code) throw new PlenaryError("forbidden", "only the delegation that proposed a tracked change can withdraw it");
      const matched = collab.withRoom(documentId, (room) => listSuggestions(room.doc).filter((s) => s.id === id));
      if (matched.length === 0) throw new PlenaryError("not_found", "no such tracked change: it was decided or withdrawn meanwhile");
      if (matched.some((s) => s.delegation !== code)) throw new PlenaryError("forbidden", "only the delegation that proposed a tracked change can withdraw it");
      let count = 0;
      collab.applyServerChange(documentId, (doc) => (count = rejectSuggestions(doc, { id, delegation: code })), { userId, delegationId: m.delegationId });
      events.append({
        documentId,
        action: "suggestion_withdrawn",
        blockId: matched[0]!.blockId,
        userId,
        delegationId: m.delegationId,
        payload: { suggestions: piecesOf(matched) },
      });
      // The chair's review item goes away: the chair is told why.
      bus.publish(documentId, { type: "suggestion-withdrawn", pieces: told(piecesOf(matched)) });
      return { withdrawn: count, suggestions: matched };
    },

    /** Record a reverted client change (called by the collaboration server). */
    recordRevert(documentId: string, user: { userId: string; delegationId: string | null }, reason: string, lost = "") {
      events.append({ documentId, action: "update_reverted", userId: user.userId, delegationId: user.delegationId, reason });
      // Capped: the author is shown what went, not sent a whole pasted document back.
      bus.publish(documentId, { type: "reverted", userId: user.userId, reason, lost: lost.slice(0, 2000) });
    },
  };
}
