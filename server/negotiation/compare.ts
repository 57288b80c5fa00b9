import { compareParagraphs, pairedIdentity, type ComparableParagraph, type CompareResult } from "../../lib/diff";
import { diffReferences, referencesByParagraph, DEFAULT_WATCHED_TERMS } from "../../lib/references";
import { PlenaryError } from "../../lib/errors";
import type { Db } from "../db/client";
import { listDelegations } from "../db/delegations";
import type { EventLog } from "../db/event-log";
import { listUsers } from "../db/users";
import { membershipOf } from "../db/documents";
import { watchedTerms } from "../db/schema";
import { eq } from "drizzle-orm";
import { attributeChanges, type Attribution } from "./attribution";
import type { VersionParagraph, Versions } from "./versions";
import { printedText } from "../../lib/exporter/model";

/**
 * The text a comparison reads: the accepted text (pending suggested insertions are
 * proposals, not text; pending deletions still stand), printed as the exports print it:
 * square brackets as characters, so bracketing or unbracketing language is a change, on
 * the compare page as in the redline.
 */
function textOf(p: VersionParagraph): string {
  return printedText(p);
}

export interface CompareSide {
  id: string;
  label: string;
  createdAt: number;
}

/** A tracked change still awaiting the chair's decision in one side's text (not compared: a proposal is not text). */
export interface PendingInSide {
  paragraph: string | null;
  delegation: string;
}

export interface CompareView extends CompareResult {
  from: CompareSide;
  to: CompareSide;
  /** Tracked changes awaiting a decision in each side's text, one entry per change, in text order. */
  pending: { from: PendingInSide[]; to: PendingInSide[] };
  /** Per paragraph pair (same order as `pairs`): accepted proposals behind the change. */
  attributions: Attribution[][];
  /**
   * Per paragraph pair: the chair's status of the paragraph in each version when it changed
   * (PP7 agreed between Rev.1 and Rev.2), else null. The words may be the same.
   */
  statuses: ({ from: string; to: string } | null)[];
  references: ReturnType<typeof diffReferences>;
}

/** Compare two versions (or a version and the live text), with references and attribution. */
export function createCompare(deps: {
  db: Db;
  events: EventLog;
  versions: Versions;
  /** Compares the paragraphs (the app: in the render worker, server/renderer.ts; default in-process). */
  diff?: (from: ComparableParagraph[], to: ComparableParagraph[]) => Promise<CompareResult>;
}) {
  const { db, events, versions } = deps;
  const diff = deps.diff ?? (async (from: ComparableParagraph[], to: ComparableParagraph[]) => compareParagraphs(from, to));

  /** A side's paragraphs and its pending tracked changes, read together (the live text moves on). */
  function side(documentId: string, userId: string, id: string, withPending = true): CompareSide & { paragraphs: VersionParagraph[]; pending: PendingInSide[] } {
    const v = versions.paragraphsOf(documentId, userId, id);
    const numbers = new Map(v.paragraphs.map((p) => [p.id, p.number]));
    const changes = new Map<string, PendingInSide>();
    for (const c of withPending ? versions.pendingChanges(documentId, userId, id) : []) {
      if (!changes.has(c.id)) changes.set(c.id, { paragraph: numbers.get(c.blockId) ?? null, delegation: c.delegation });
    }
    return { id, label: v.label, createdAt: v.createdAt, paragraphs: v.paragraphs.map((p) => ({ ...p, text: textOf(p) })), pending: [...changes.values()] };
  }

  function termsOf(documentId: string): string[] {
    const row = db.select().from(watchedTerms).where(eq(watchedTerms.documentId, documentId)).get();
    return row ? (JSON.parse(row.terms) as string[]) : [...DEFAULT_WATCHED_TERMS];
  }

  function refs(documentId: string, paragraphs: VersionParagraph[]) {
    return referencesByParagraph(
      paragraphs.map((p) => ({ id: p.id, number: p.number, text: p.text })),
      termsOf(documentId),
    );
  }

  return {
    async compare(documentId: string, userId: string, fromId: string, toId: string): Promise<CompareView> {
      if (fromId === toId) throw new PlenaryError("bad_request", "compare two different versions");
      const from = side(documentId, userId, fromId);
      const to = side(documentId, userId, toId);
      const result = await diff(
        from.paragraphs.map(({ id, kind, number, text }) => ({ id, kind, number, text })),
        to.paragraphs.map(({ id, kind, number, text }) => ({ id, kind, number, text })),
      );
      const users = new Map(listUsers(db).map((u) => [u.id, u.name]));
      const delegations = listDelegations(db);
      const byId = new Map(delegations.map((d) => [d.id, d.name]));
      const byCode = new Map(delegations.map((d) => [d.code, d.name]));
      const [since, until] = from.createdAt <= to.createdAt ? [from.createdAt, to.createdAt] : [to.createdAt, from.createdAt];
      const attributed = attributeChanges(events.forDocument(documentId), since, until, {
        user: (id) => (id ? (users.get(id) ?? "unknown") : "server"),
        delegation: (id) => (id ? (byId.get(id) ?? null) : null),
        delegationByCode: (code) => byCode.get(code) ?? null,
      });
      const attributions = result.pairs.map((pair) => {
        if (pair.classification === "unchanged") return [];
        const ids = new Set([...pair.from, ...pair.to].map((p) => p.id));
        return [...ids].flatMap((id) => attributed.get(id) ?? []);
      });
      // Only a paragraph in both versions can have changed status: an added or a deleted one did not.
      const statusOf = (side: typeof from, ref: { index: number }) => side.paragraphs[ref.index]?.status ?? "open";
      const statuses = result.pairs.map((pair) => {
        if (!pair.from[0] || !pair.to[0]) return null;
        const [was, now] = [statusOf(from, pair.from[0]), statusOf(to, pair.to[0])];
        return was === now ? null : { from: was, to: now };
      });
      return {
        ...result,
        statuses,
        from: { id: from.id, label: from.label, createdAt: from.createdAt },
        to: { id: to.id, label: to.label, createdAt: to.createdAt },
        attributions,
        pending: { from: from.pending, to: to.pending },
        references: diffReferences(refs(documentId, from.paragraphs), refs(documentId, to.paragraphs), pairedIdentity(result.pairs)),
      };
    },

    watchedTerms(documentId: string, userId: string): string[] {
      if (!membershipOf(db, documentId, userId)) throw new PlenaryError("forbidden", "no role on this document");
      return termsOf(documentId);
    },

    /** The chair edits the watched terms of a document. */
    setWatchedTerms(documentId: string, userId: string, terms: string[]): string[] {
      if (membershipOf(db, documentId, userId)?.role !== "chair") throw new PlenaryError("forbidden", "only the chair edits watched terms");
      const clean = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
      const row = { documentId, terms: JSON.stringify(clean), updatedBy: userId, updatedAt: Date.now() };
      db.insert(watchedTerms).values(row).onConflictDoUpdate({ target: watchedTerms.documentId, set: row }).run();
      events.append({ documentId, action: "watched_terms", userId, delegationId: null, payload: { terms: clean } });
      return clean;
    },

    references(documentId: string, userId: string, versionId: string) {
      const v = side(documentId, userId, versionId, false);
      return { version: { id: v.id, label: v.label }, watchedTerms: termsOf(documentId), paragraphs: refs(documentId, v.paragraphs) };
    },
  };
}

export type Compare = ReturnType<typeof createCompare>;
