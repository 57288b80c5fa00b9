import type Database from "better-sqlite3";
import type * as Y from "yjs";
import { PlenaryError } from "../../lib/errors";
import { newId } from "../../lib/ids";
import { renderParagraphs } from "../../lib/model/ydoc";
import { anchorResolver, createAnchor, findBlock, blockPlainText, resolveAnchor } from "../../lib/negotiation/anchor";
import { annotationDenial, type AnnotationAction } from "../../lib/negotiation/permissions";
import type { AmendmentOp, AnnotationKind } from "../../lib/negotiation/types";
import type { CollabServer } from "../collab";
import * as repo from "../db/annotations";
import type { Db } from "../db/client";
import { listDelegations } from "../db/delegations";
import type { Membership } from "../db/documents";
import type { EventLog } from "../db/event-log";
import { listUsers } from "../db/users";
import type { EventBus } from "../events";
import { requireMember } from "./access";
import { annotationView, type AnnotationView, type ViewContext } from "./views";

export interface NewAnnotationInput {
  blockId: string;
  from: number;
  to: number;
  /** The text the client saw selected; checked against the server's text. */
  quote: string;
  kind: AnnotationKind;
  op?: AmendmentOp;
  proposedText?: string;
  body?: string;
  /** If given, must be the caller's own delegation code. */
  delegation?: string;
}

/** What makes two positions the same one (see openTwin). */
interface Twin {
  kind: AnnotationKind;
  anchor: { blockId: string; start: string; end: string; quote: string };
  op: AmendmentOp | null;
  proposedText: string | null;
  body: string | null;
  authorDelegationId: string | null;
  authorUserId: string;
}

export interface NegotiationDeps {
  db: Db;
  sqlite: Database.Database;
  collab: CollabServer;
  events: EventLog;
  bus: EventBus;
}

/** Amendments, objections, positions and comments: their life from tabling to the chair's decision. */
export function createAnnotations({ db, sqlite, collab, events, bus }: NegotiationDeps) {
  const member = (documentId: string, userId: string) => requireMember(db, documentId, userId);

  function deny(m: Membership, action: AnnotationAction, row?: repo.AnnotationRow, kind?: AnnotationKind): void {
    const facts = row
      ? { kind: row.kind, status: row.status, authorDelegationId: row.authorDelegationId, cosponsorIds: repo.cosponsorsOf(db, [row.id]).map((c) => c.delegationId) }
      : undefined;
    const reason = annotationDenial(m, action, facts, kind);
    if (reason) throw new PlenaryError("forbidden", reason);
  }

  function annotationIn(documentId: string, annotationId: string): repo.AnnotationRow {
    const row = repo.annotationById(db, annotationId);
    if (!row || row.documentId !== documentId) throw new PlenaryError("not_found", "no such annotation");
    return row;
  }

  function context(doc: Y.Doc): ViewContext {
    return {
      delegations: new Map(listDelegations(db).map((d) => [d.id, d])),
      userNames: new Map(listUsers(db).map((u) => [u.id, u.name])),
      numbers: new Map(renderParagraphs(doc).map((p) => [p.id, p.number])),
    };
  }

  /** Views of the given rows, anchors resolved against the live text (repaired anchors saved). */
  function views(documentId: string, rows: repo.AnnotationRow[]): AnnotationView[] {
    return collab.withRoom(documentId, (room) => {
      const ctx = context(room.doc);
      const ids = rows.map((r) => r.id);
      const cos = repo.cosponsorsOf(db, ids);
      const replies = repo.repliesOf(db, ids);
      const anchors = anchorResolver(room.doc);
      return rows.map((row) => {
        const anchor = { blockId: row.blockId, start: row.anchorStart, end: row.anchorEnd, quote: row.quote };
        // Only an open position's anchor is repaired (and saved); a decided one stays as it was.
        const { resolved, repaired } = row.status === "open" ? anchors.resolveRepairing(anchor) : { resolved: anchors.resolve(anchor), repaired: null };
        if (repaired) repo.setAnnotationAnchor(db, row.id, repaired);
        const current = repaired ? { ...row, blockId: repaired.blockId, anchorStart: repaired.start, anchorEnd: repaired.end } : row;
        return annotationView(
          ctx,
          current,
          resolved,
          cos.filter((c) => c.annotationId === row.id),
          replies.filter((r) => r.annotationId === row.id),
          events.forAnnotation(row.id),
        );
      });
    });
  }

  function view(documentId: string, annotationId: string): AnnotationView {
    const [v] = views(documentId, [annotationIn(documentId, annotationId)]);
    return v!;
  }

  function changed(documentId: string, annotationId: string): AnnotationView {
    bus.publish(documentId, { type: "annotation", annotationId });
    return view(documentId, annotationId);
  }

  /** Checks the client's selection against the server's text and anchors it. */
  function anchorFor(documentId: string, input: NewAnnotationInput) {
    return collab.withRoom(documentId, (room) => {
      const block = findBlock(room.doc, input.blockId);
      if (!block) throw new PlenaryError("not_found", "no such paragraph");
      const text = blockPlainText(block.text);
      let { from, to } = input;
      if (text.slice(from, to) !== input.quote) {
        // The text moved between selection and request: find the quoted words once.
        const at = input.quote ? text.indexOf(input.quote) : -1;
        if (at < 0 || text.indexOf(input.quote, at + 1) >= 0) {
          throw new PlenaryError("conflict", "the selected text changed meanwhile: select it again");
        }
        from = at;
        to = at + input.quote.length;
      }
      // After looking for the words again (the paragraph may have shrunk meanwhile).
      if (to > text.length) throw new PlenaryError("bad_request", `the selection ends past the paragraph (it has ${text.length} characters): select it again`);
      try {
        return createAnchor(room.doc, input.blockId, from, to);
      } catch (err) {
        throw new PlenaryError("bad_request", "the selection could not be anchored in the paragraph: select it again", { cause: err });
      }
    });
  }

  /**
   * The same position twice (a double click on Submit, two windows): an open one of the same
   * kind by the same delegation (the chair: by the same person) on the same words, with the
   * same proposal (for comments: the same note), is not filed again. The chair would
   * otherwise accept one and see its twin still there. `except`: the annotation itself.
   */
  function openTwin(documentId: string, twin: Twin, except?: string): repo.AnnotationRow | null {
    const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? "").trim().replace(/\s+/g, " ") === (b ?? "").trim().replace(/\s+/g, " ");
    const candidates = repo
      .annotationsOf(db, documentId)
      .filter(
        (row) =>
          row.id !== except &&
          row.status === "open" &&
          row.kind === twin.kind &&
          row.quote === twin.anchor.quote &&
          (twin.authorDelegationId ? row.authorDelegationId === twin.authorDelegationId : row.authorDelegationId === null && row.authorUserId === twin.authorUserId) &&
          (twin.kind !== "amendment" || (row.op === twin.op && same(row.proposedText, twin.proposedText))) &&
          (twin.kind !== "comment" || same(row.body, twin.body)),
      );
    if (candidates.length === 0) return null;
    return collab.withRoom(documentId, (room) => {
      const at = resolveAnchor(room.doc, twin.anchor);
      if (at.detached) return null;
      return (
        candidates.find((row) => {
          const there = resolveAnchor(room.doc, { blockId: row.blockId, start: row.anchorStart, end: row.anchorEnd, quote: row.quote });
          return !there.detached && there.blockId === at.blockId && there.from === at.from && there.to === at.to;
        }) ?? null
      );
    });
  }

  function validateAmendment(input: NewAnnotationInput): void {
    if (input.kind !== "amendment") return;
    if (!input.op) throw new PlenaryError("bad_request", "an amendment needs op: insert, delete or replace");
    if (input.op !== "delete" && !input.proposedText?.trim()) throw new PlenaryError("bad_request", "propose the wording to insert");
    if (input.op !== "insert" && input.from === input.to) throw new PlenaryError("bad_request", "select the words to delete or replace");
  }

  /** Applies an accepted amendment to the live text, attributed to its delegation. */
  function applyAmendment(documentId: string, row: repo.AnnotationRow, chairId: string): void {
    const anchor = { blockId: row.blockId, start: row.anchorStart, end: row.anchorEnd, quote: row.quote };
    const changedText = collab.applyServerChange(
      documentId,
      (doc) => {
        const at = resolveAnchor(doc, anchor);
        if (at.detached) throw new PlenaryError("conflict", "the amended text no longer exists; it cannot be applied");
        const block = findBlock(doc, at.blockId);
        if (!block?.text) throw new PlenaryError("conflict", "the amended paragraph no longer exists");
        if (row.op !== "insert" && at.to > at.from) block.text.delete(at.from, at.to - at.from);
        if (row.op !== "delete" && row.proposedText) block.text.insert(at.from, row.proposedText);
      },
      { userId: chairId, delegationId: row.authorDelegationId },
    );
    if (!changedText) throw new PlenaryError("conflict", "the amendment changes nothing in the current text");
  }

  return {
    /** Views of every annotation of the document. */
    all(documentId: string): AnnotationView[] {
      return views(documentId, repo.annotationsOf(db, documentId));
    },

    context,

    get(documentId: string, userId: string, annotationId: string): AnnotationView {
      member(documentId, userId);
      return view(documentId, annotationId);
    },

    create(documentId: string, userId: string, input: NewAnnotationInput): AnnotationView {
      const m = member(documentId, userId);
      deny(m, "create", undefined, input.kind);
      if (input.delegation !== undefined) {
        const own = listDelegations(db).find((d) => d.id === m.delegationId);
        if (!own || own.code !== input.delegation.toUpperCase()) {
          throw new PlenaryError("forbidden", `you speak for ${own?.name ?? "no delegation"} only`);
        }
      }
      validateAmendment(input);
      const anchor = anchorFor(documentId, input);
      const authorDelegationId = m.role === "delegate" ? m.delegationId : null;
      const twin = { kind: input.kind, anchor, op: input.op ?? null, proposedText: input.proposedText ?? null, body: input.body ?? null, authorDelegationId, authorUserId: userId };
      if (openTwin(documentId, twin)) {
        throw new PlenaryError("conflict", `${authorDelegationId ? "your delegation has" : "you have"} already filed this ${input.kind} on these words and it is open: reply to it instead`);
      }
      const id = newId();
      const now = Date.now();
      sqlite.transaction(() => {
        repo.insertAnnotation(db, {
          id,
          documentId,
          blockId: anchor.blockId,
          kind: input.kind,
          op: input.kind === "amendment" ? (input.op ?? null) : null,
          proposedText: input.kind === "amendment" ? (input.proposedText ?? null) : null,
          anchorStart: anchor.start,
          anchorEnd: anchor.end,
          quote: anchor.quote,
          body: input.body?.trim() || null,
          authorUserId: userId,
          authorDelegationId: m.role === "delegate" ? m.delegationId : null,
          createdAt: now,
          updatedAt: now,
        });
        events.append({ documentId, action: "created", annotationId: id, blockId: anchor.blockId, userId, delegationId: m.delegationId, payload: { kind: input.kind, op: input.op, quote: anchor.quote, proposedText: input.proposedText } });
      })();
      return changed(documentId, id);
    },

    reply(documentId: string, userId: string, annotationId: string, body: string): AnnotationView {
      const m = member(documentId, userId);
      const row = annotationIn(documentId, annotationId);
      deny(m, "reply", row);
      sqlite.transaction(() => {
        repo.addReply(db, { id: newId(), annotationId, userId, delegationId: m.delegationId, body: body.trim(), createdAt: Date.now() });
        events.append({ documentId, action: "replied", annotationId, userId, delegationId: m.delegationId, payload: { body } });
      })();
      return changed(documentId, annotationId);
    },

    cosponsor(documentId: string, userId: string, annotationId: string): AnnotationView {
      const m = member(documentId, userId);
      const row = annotationIn(documentId, annotationId);
      deny(m, "cosponsor", row);
      sqlite.transaction(() => {
        repo.addCosponsor(db, { annotationId, delegationId: m.delegationId!, userId, createdAt: Date.now() });
        events.append({ documentId, action: "cosponsored", annotationId, userId, delegationId: m.delegationId });
      })();
      return changed(documentId, annotationId);
    },

    /** The caller's delegation no longer co-sponsors the (open) annotation. */
    uncosponsor(documentId: string, userId: string, annotationId: string): AnnotationView {
      const m = member(documentId, userId);
      const row = annotationIn(documentId, annotationId);
      deny(m, "uncosponsor", row);
      sqlite.transaction(() => {
        repo.removeCosponsor(db, annotationId, m.delegationId!);
        events.append({ documentId, action: "cosponsorship_withdrawn", annotationId, userId, delegationId: m.delegationId });
      })();
      return changed(documentId, annotationId);
    },

    withdraw(documentId: string, userId: string, annotationId: string): AnnotationView {
      const m = member(documentId, userId);
      const row = annotationIn(documentId, annotationId);
      deny(m, "withdraw", row);
      sqlite.transaction(() => {
        repo.setAnnotationStatus(db, annotationId, "withdrawn");
        events.append({ documentId, action: "withdrawn", annotationId, userId, delegationId: m.delegationId });
      })();
      return changed(documentId, annotationId);
    },

    /** The chair takes back a decision that left the text alone: the annotation is open again. */
    reopen(documentId: string, userId: string, annotationId: string): AnnotationView {
      const m = member(documentId, userId);
      const row = annotationIn(documentId, annotationId);
      deny(m, "reopen", row);
      // Filed again while this one was closed: reopening would make two open twins.
      const anchor = { blockId: row.blockId, start: row.anchorStart, end: row.anchorEnd, quote: row.quote };
      if (openTwin(documentId, { ...row, anchor }, row.id)) {
        throw new PlenaryError("conflict", `the same ${row.kind} was filed again meanwhile and is open: this one stays ${row.status}`);
      }
      sqlite.transaction(() => {
        repo.setAnnotationStatus(db, annotationId, "open");
        events.append({ documentId, action: "reopened", annotationId, blockId: row.blockId, userId, delegationId: row.authorDelegationId, payload: { was: row.status } });
      })();
      return changed(documentId, annotationId);
    },

    /** The chair's decision; accepting an amendment changes the text for everyone. */
    decide(documentId: string, userId: string, annotationId: string, input: { decision: "accept" | "reject" | "resolve"; reason?: string }): AnnotationView {
      const m = member(documentId, userId);
      const row = annotationIn(documentId, annotationId);
      deny(m, "decide", row);
      if (input.decision === "reject" && !input.reason?.trim()) throw new PlenaryError("bad_request", "give a reason for rejecting");
      if (input.decision === "accept" && row.kind === "amendment") applyAmendment(documentId, row, userId);
      const status = input.decision === "accept" ? "accepted" : input.decision === "reject" ? "rejected" : "resolved";
      sqlite.transaction(() => {
        repo.setAnnotationStatus(db, annotationId, status);
        events.append({
          documentId,
          action: status,
          annotationId,
          blockId: row.blockId,
          userId,
          delegationId: row.authorDelegationId,
          reason: input.reason?.trim() || null,
          payload: { kind: row.kind, op: row.op, quote: row.quote, proposedText: row.proposedText, cosponsors: repo.cosponsorsOf(db, [row.id]).map((c) => c.delegationId) },
        });
      })();
      return changed(documentId, annotationId);
    },
  };
}
