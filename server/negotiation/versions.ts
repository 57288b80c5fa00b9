import type Database from "better-sqlite3";
import { labelKey } from "../../lib/validation/text";
import { and, desc, eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { PlenaryError } from "../../lib/errors";
import { newId, parseId } from "../../lib/ids";
import { documentSchema, FRAGMENT_NAME } from "../../lib/editor/schema";
import { renderParagraphs } from "../../lib/model/ydoc";
import type { RenderedParagraph } from "../../lib/model/types";
import type { CollabServer } from "../collab";
import type { EventBus } from "../events";
import { paragraphStatuses } from "../db/annotations";
import type { Db } from "../db/client";
import { membershipOf } from "../db/documents";
import type { EventLog } from "../db/event-log";
import { versions } from "../db/schema";
import { listUsers } from "../db/users";
import { listDelegations } from "../db/delegations";
import { listSuggestions, type Suggestion, type SuggestionType } from "../../lib/negotiation/suggestions";
import type { UpdateLog } from "../db/update-log";

/** A paragraph as frozen in a version: the rendered model plus its status then. */
export interface VersionParagraph extends RenderedParagraph {
  status: string;
}

export interface VersionSummary {
  id: string;
  label: string;
  note: string | null;
  symbol: string | null;
  createdAt: number;
  createdBy: string;
  restoredFrom: string | null;
  paragraphCount: number;
  /** The label of the version saved before it when the text is the same (nothing changed between them). */
  sameTextAs?: string | null;
}

/** A tracked change not yet decided, as the compilation of proposals lists it. */
export interface PendingChange {
  /** The tracked change's id: the pieces of one change (a replacement's deletion and insertion) share it. */
  id: string;
  blockId: string;
  type: SuggestionType;
  /** The delegation's name (its code when the delegation is unknown). */
  delegation: string;
  text: string;
}

export interface VersionDetail extends VersionSummary {
  paragraphs: VersionParagraph[];
}

interface Deps {
  db: Db;
  sqlite: Database.Database;
  collab: CollabServer;
  events: EventLog;
  updateLog: UpdateLog;
  bus: EventBus;
}

/**
 * The label of the version that has the symbol already, whatever its case and invisible
 * characters (as labels, see labelKey): an official symbol names one text, and two versions
 * saved under one (or the live text under a version's) would be two texts circulated as one.
 */
export function versionWithSymbol(db: Db, documentId: string, symbol: string): string | undefined {
  const key = labelKey(symbol);
  const rows = db.select({ label: versions.label, symbol: versions.symbol }).from(versions).where(eq(versions.documentId, documentId)).all();
  return rows.find((v) => v.symbol !== null && labelKey(v.symbol) === key)?.label;
}

/** Named, immutable versions (Rev.1, Rev.2 ...), restore, and the text of any of them. */
export function createVersions({ db, sqlite, collab, events, updateLog, bus }: Deps) {
  function member(documentId: string, userId: string) {
    const m = membershipOf(db, documentId, userId);
    if (!m) throw new PlenaryError("forbidden", "no role on this document");
    return m;
  }

  function chair(documentId: string, userId: string) {
    const m = member(documentId, userId);
    if (m.role !== "chair") throw new PlenaryError("forbidden", "only the chair saves and restores versions");
    return m;
  }

  function names(): Map<string, string> {
    return new Map(listUsers(db).map((u) => [u.id, u.name]));
  }

  function summary(row: typeof versions.$inferSelect, who: Map<string, string>): VersionSummary {
    return {
      id: row.id,
      label: row.label,
      note: row.note,
      symbol: row.symbol,
      createdAt: row.createdAt,
      createdBy: who.get(row.createdBy) ?? "unknown",
      restoredFrom: row.restoredFrom,
      paragraphCount: (JSON.parse(row.paragraphs) as unknown[]).length,
    };
  }

  /** The live text as a version would freeze it. */
  function liveParagraphs(documentId: string, doc: Y.Doc): VersionParagraph[] {
    const statuses = paragraphStatuses(db, documentId);
    return renderParagraphs(doc).map((p) => ({ ...p, status: statuses.get(p.id) ?? "open" }));
  }

  /** Labels the document's versions have, lower-cased and trimmed. */
  function labelsOf(documentId: string): Set<string> {
    return new Set(db.select({ label: versions.label }).from(versions).where(eq(versions.documentId, documentId)).all().map((v) => labelKey(v.label)));
  }

  /** A label of the server's own ("Before restoring Rev.1"), numbered when the document has it already. */
  function freeLabel(documentId: string, label: string): string {
    const taken = labelsOf(documentId);
    let candidate = label;
    for (let n = 2; taken.has(labelKey(candidate)); n++) candidate = `${label} (${n})`;
    return candidate;
  }

  const holderOf = (documentId: string, symbol: string) => versionWithSymbol(db, documentId, symbol);

  function save(documentId: string, userId: string, input: { label: string; note?: string; symbol?: string; restoredFrom?: string }): VersionSummary {
    const id = newId();
    collab.withRoom(documentId, (room) => {
      const paragraphs = liveParagraphs(documentId, room.doc);
      sqlite.transaction(() => {
        db.insert(versions)
          .values({
            id,
            documentId,
            label: input.label,
            note: input.note ?? null,
            // Only the symbol given: the document's is the zero draft's, and a later text saved
            // under it would be a second text with one symbol (the form offers the right one).
            symbol: input.symbol ?? null,
            state: Buffer.from(Y.encodeStateAsUpdate(room.doc)),
            paragraphs: JSON.stringify(paragraphs),
            uptoSeq: updateLog.lastSeq(documentId),
            restoredFrom: input.restoredFrom ?? null,
            createdBy: userId,
            createdAt: Date.now(),
          })
          .run();
        events.append({ documentId, action: "version_saved", userId, delegationId: null, payload: { versionId: id, label: input.label } });
      })();
    });
    const row = db.select().from(versions).where(eq(versions.id, id)).get()!;
    return summary(row, names());
  }

  function row(documentId: string, versionId: string) {
    const id = parseId(versionId);
    const found = id ? db.select().from(versions).where(and(eq(versions.id, id), eq(versions.documentId, documentId))).get() : undefined;
    if (!found) throw new PlenaryError("not_found", "no such version");
    return found;
  }

  return {
    /** The chair saves the live text as a named version. */
    create(documentId: string, userId: string, input: { label: string; note?: string; symbol?: string }): VersionSummary {
      chair(documentId, userId);
      // Labels name versions in the compare pickers and the exports: two "Rev.1" would be ambiguous.
      const label = input.label.trim();
      if (labelsOf(documentId).has(labelKey(label))) throw new PlenaryError("conflict", `a version named "${label}" exists already`);
      const holder = input.symbol ? holderOf(documentId, input.symbol) : undefined;
      if (holder !== undefined) throw new PlenaryError("conflict", `version "${holder}" has the symbol ${input.symbol} already: each version needs its own`);
      return save(documentId, userId, { ...input, label });
    },

    list(documentId: string, userId: string): VersionSummary[] {
      member(documentId, userId);
      const who = names();
      const rows = db
        .select()
        .from(versions)
        .where(eq(versions.documentId, documentId))
        // Saved in the same millisecond (a restore saves the live text first): insertion order.
        .orderBy(desc(versions.createdAt), desc(sql`rowid`))
        .all();
      // Newest first: a version whose paragraphs read as the one saved before it says so.
      const texts = rows.map((r) => JSON.stringify((JSON.parse(r.paragraphs) as VersionParagraph[]).map((p) => [p.kind, p.text])));
      return rows.map((r, i) => ({ ...summary(r, who), sameTextAs: i + 1 < rows.length && texts[i] === texts[i + 1] ? rows[i + 1]!.label : null }));
    },

    /** The newest version's id and label (null before the first): no version's text is read. */
    newest(documentId: string, userId: string): { id: string; label: string } | null {
      member(documentId, userId);
      return (
        db
          .select({ id: versions.id, label: versions.label })
          .from(versions)
          .where(eq(versions.documentId, documentId))
          .orderBy(desc(versions.createdAt), desc(sql`rowid`))
          .limit(1)
          .get() ?? null
      );
    },

    get(documentId: string, userId: string, versionId: string): VersionDetail {
      member(documentId, userId);
      const r = row(documentId, versionId);
      return { ...summary(r, names()), paragraphs: JSON.parse(r.paragraphs) as VersionParagraph[] };
    },

    /** Paragraphs of a version, or of the live text ("live"). */
    paragraphsOf(documentId: string, userId: string, versionId: string): { label: string; paragraphs: VersionParagraph[]; createdAt: number } {
      member(documentId, userId);
      if (versionId === "live") {
        return { label: "Live text", paragraphs: collab.withRoom(documentId, (room) => liveParagraphs(documentId, room.doc)), createdAt: Date.now() };
      }
      const r = row(documentId, versionId);
      return { label: r.label, paragraphs: JSON.parse(r.paragraphs) as VersionParagraph[], createdAt: r.createdAt };
    },

    /**
     * The seq of the negotiation event that recorded the version's save: positions and
     * decisions with a lower seq are the ones the version saw.
     */
    savedAtEvent(documentId: string, userId: string, versionId: string): number {
      member(documentId, userId);
      const r = row(documentId, versionId);
      const seq = events.versionSavedAt(documentId, r.id);
      // save() records it in the transaction that inserts the version.
      if (seq === null) throw new PlenaryError("internal", `version ${r.id} has no version_saved event`);
      return seq;
    },

    /** Tracked changes still pending in a version's text, or the live text's, in text order. */
    pendingChanges(documentId: string, userId: string, versionId: string): PendingChange[] {
      member(documentId, userId);
      const names = new Map(listDelegations(db).map((d) => [d.code, d.name]));
      const named = (s: Suggestion): PendingChange => ({ id: s.id, blockId: s.blockId, type: s.type, delegation: names.get(s.delegation) ?? s.delegation, text: s.text });
      if (versionId === "live") return collab.withRoom(documentId, (room) => listSuggestions(room.doc).map(named));
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, new Uint8Array(row(documentId, versionId).state));
        return listSuggestions(doc).map(named);
      } finally {
        doc.destroy();
      }
    },

    /**
     * Restores a version as the live text. The live text is first saved as a version, so no
     * history is lost; the restore itself is an ordinary, logged server edit.
     */
    restore(documentId: string, userId: string, versionId: string): { saved: VersionSummary; restored: VersionSummary } {
      chair(documentId, userId);
      const target = row(documentId, versionId);
      // No symbol for the live text saved first: it is whatever the last revision became with
      // the edits since, a text never issued under any symbol, and the latest version's would
      // put one symbol on two different texts. Its exports go by the document and its label.
      const saved = save(documentId, userId, { label: freeLabel(documentId, `Before restoring ${target.label}`) });
      const source = new Y.Doc();
      Y.applyUpdate(source, new Uint8Array(target.state));
      const json = yXmlFragmentToProsemirrorJSON(source.getXmlFragment(FRAGMENT_NAME));
      source.destroy();
      let change: { client: number; clock: number } | null = null;
      collab.applyServerChange(
        documentId,
        (doc) => {
          const fragment = doc.getXmlFragment(FRAGMENT_NAME);
          // The first struct this edit inserts: a client finds by it the change that replaced
          // its text, and what of its own typing went with it.
          if (json.content?.length) change = { client: doc.clientID, clock: Y.getState(doc.store, doc.clientID) };
          fragment.delete(0, fragment.length);
          prosemirrorJSONToYXmlFragment(documentSchema(), json, fragment);
        },
        { userId, delegationId: null },
      );
      // The text is the target's again, and so is its symbol (its exports print it): one
      // text, one symbol, however many times it is restored.
      const restored = save(documentId, userId, { label: freeLabel(documentId, `${target.label} (restored)`), symbol: target.symbol ?? undefined, restoredFrom: target.id });
      // Every open window is told: the text under a delegate's caret was replaced, and what
      // she typed in it meanwhile went with it.
      bus.publish(documentId, { type: "restored", version: target.label, saved: saved.label, change });
      return { saved, restored };
    },
  };
}

export type Versions = ReturnType<typeof createVersions>;
