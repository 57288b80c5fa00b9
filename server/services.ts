import crypto from "node:crypto";
import { fromNodeHeaders } from "better-auth/node";
import { previewBlocks, reviewedTitle } from "../lib/import/review";
import type { IncomingMessage } from "node:http";
import { can, type Action, type Role } from "../lib/roles";
import { isPlenaryError, PlenaryError } from "../lib/errors";
import { newId } from "../lib/ids";
import { renderParagraphs } from "../lib/model/ydoc";
import type { BlockKind, RenderedParagraph } from "../lib/model/types";
import { CloseCode } from "../lib/protocol/close-codes";
import type { Auth } from "./auth";
import { createAccount } from "./auth";
import type { CollabServer } from "./collab";
import type { EditingMode, Identity } from "./collab/types";
import type { Db } from "./db/client";
import type { UpdateLog } from "./db/update-log";
import { delegationByCode, listDelegations, type Delegation } from "./db/delegations";
import * as docs from "./db/documents";
import { listUsers, setUserDelegation, userByEmail, userById, type UserSummary } from "./db/users";
import { createDocumentWithBlocks } from "./documents";
import { Importer } from "./importer";
import { MAX_IMPORT_UPLOADS, MAX_IMPORT_UPLOADS_PER_USER, MAX_TITLE_LENGTH } from "./import-limits";
import { asLine } from "../lib/validation/text";
import { Renderer } from "./renderer";
import type Database from "better-sqlite3";
import { EventLog } from "./db/event-log";
import { log } from "./log";
import type { EventBus } from "./events";
import type { SignInLimiter } from "./sign-in-limiter";
import { PostLimiter } from "./post-limiter";
import { createNegotiation } from "./negotiation/service";
import { parseParticipantList } from "../lib/participant-list";
import { createVersions } from "./negotiation/versions";
import { createCompare } from "./negotiation/compare";
import { createExports } from "./negotiation/export";

export interface SessionUser {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
}

export interface DocumentView {
  id: string;
  title: string;
  symbol: string | null;
  date: string | null;
  place: string | null;
  originalLanguage: string | null;
  editingMode: "chairs_pen" | "open_drafting";
  role: Role;
  delegation: { id: string; code: string; name: string; color: string } | null;
  paragraphs: RenderedParagraph[];
}

/** Changes of password a person may try in a minute (see passwordChanges). */
const PASSWORD_CHANGES_PER_MINUTE = 5;

const CHAIR_COLOR = "#1d4ed8";
const OBSERVER_COLOR = "#6b7280";

/** Everything route handlers and pages may ask of the server; each call authorizes itself. */
export function createServices(deps: {
  db: Db;
  sqlite: Database.Database;
  auth: Auth;
  collab: CollabServer;
  updateLog: UpdateLog;
  bus: EventBus;
  signInLimiter: SignInLimiter;
  /** New positions and replies per person and minute; unlimited when absent (tests). */
  postLimiter?: PostLimiter;
  startedAt: number;
  /** Reads uploaded drafts off the event loop (default: a worker thread per draft). */
  importer?: Importer;
  /** Lays out Word and PDF exports off the event loop (default: a worker thread). */
  renderer?: Renderer;
}) {
  const { db, auth, collab, bus } = deps;
  const importer = deps.importer ?? new Importer();
  /** Addresses whose account a chair is creating now (see createAccount). */
  const accountsInCreation = new Set<string>();
  /** Uploads of drafts being received or read, by person (see admitImport). */
  const uploads = new Map<string, number>();
  /** Grants (or changes) a role; it takes effect on the person's sockets and event streams at their next connection. */
  const setRole = (documentId: string, userId: string, role: Role, delegation: Delegation | null, actorId: string) => {
    docs.grantRole(db, documentId, userId, role, delegation?.id ?? null, actorId);
    collab.closeUserSockets(userId, documentId, CloseCode.Forbidden, "role changed");
    bus.closeUser(userId, documentId, "role changed");
  };
  // The last edit is the log's last row (its (document, seq) index), not a scan of the log.
  const overviewStmt = deps.sqlite.prepare<[string], { mode: EditingMode; editedAt: number | null; openPositions: number; latestVersion: string | null }>(
    `SELECT d.editing_mode AS mode,
       (SELECT created_at FROM doc_updates u WHERE u.document_id = d.id ORDER BY seq DESC LIMIT 1) AS editedAt,
       (SELECT COUNT(*) FROM annotations a WHERE a.document_id = d.id AND a.status = 'open') AS openPositions,
       (SELECT label FROM versions v WHERE v.document_id = d.id ORDER BY created_at DESC LIMIT 1) AS latestVersion
     FROM documents d WHERE d.id = ?`,
  );
  const renderer = deps.renderer ?? new Renderer();
  // Changes of password, right or wrong, per person: each hashes a password (about 90 ms of a
  // thread-pool thread), and better-auth's own cap is per address (a room shares one).
  const passwordChanges = new PostLimiter(PASSWORD_CHANGES_PER_MINUTE, Date.now, 60_000, (limit, wait) => `${limit} changes of password in the last minute; wait ${wait} s`);
  const events = new EventLog(deps.sqlite);
  const liveSessionsStmt = deps.sqlite.prepare<[string, number], { id: string }>(
    "SELECT id FROM session WHERE id IN (SELECT value FROM json_each(?)) AND expires_at > ?",
  );
  const negotiation = limitPosts(createNegotiation({ db, sqlite: deps.sqlite, collab, events, bus }), deps.postLimiter);
  const versions = createVersions({ db, sqlite: deps.sqlite, collab, events, updateLog: deps.updateLog, bus });
  const compare = createCompare({ db, events, versions, diff: (from, to) => renderer.compare(from, to) });
  const exports = createExports({
    versions,
    compare,
    meta: (documentId, userId) => documentMeta(documentId, userId),
    proposals: (documentId, userId) => negotiation.list(documentId, userId).annotations,
    render: (job) => renderer.render(job),
  });

  async function session(headers: Headers): Promise<SessionUser | null> {
    const s = await auth.api.getSession({ headers });
    if (!s) return null;
    return { userId: s.user.id, sessionId: s.session.id, name: s.user.name, email: s.user.email };
  }

  /** Throws `forbidden` unless the user's role on the document allows the action. */
  function authorize(documentId: string, userId: string, action: Action): docs.Membership {
    const membership = docs.membershipOf(db, documentId, userId);
    if (!membership || !can(membership.role, action)) {
      throw new PlenaryError("forbidden", membership ? `a ${membership.role} cannot do this` : "no role on this document");
    }
    return membership;
  }

  function delegationOf(id: string | null): Delegation | null {
    if (!id) return null;
    return listDelegations(db).find((d) => d.id === id) ?? null;
  }

  /** Metadata and the caller's role (no text): pages and the event stream. */
  /** Whether a person chairs any document: who may create and import documents. */
  const chairsAny = (userId: string) => docs.documentsForUser(db, userId).some((d) => d.role === "chair");

  function documentMeta(documentId: string, userId: string): Omit<DocumentView, "paragraphs"> {
    const membership = authorize(documentId, userId, "document.read");
    const row = docs.documentById(db, documentId);
    if (!row) throw new PlenaryError("not_found", "no such document");
    const d = delegationOf(membership.delegationId);
    return {
      id: row.id,
      title: row.title,
      symbol: row.symbol,
      date: row.date,
      place: row.place,
      originalLanguage: row.originalLanguage,
      editingMode: row.editingMode,
      role: membership.role,
      delegation: d ? { id: d.id, code: d.code, name: d.name, color: d.color } : null,
    };
  }

  return {
    auth,

    /** Stops the worker threads (the server is stopping). */
    close: () => renderer.close(),

    negotiation,

    versions,

    compare,

    exports,

    bus,

    signInLimiter: deps.signInLimiter,

    session,

    /** Session from a raw Node request (websocket upgrade). */
    async sessionFromNode(req: IncomingMessage): Promise<SessionUser | null> {
      return session(fromNodeHeaders(req.headers));
    },

    health() {
      return { status: "ok", database: "migrated", uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000), ...collab.stats() };
    },

    /** The documents a person holds a role on, each with what a chair chooses by: mode, last edit, open positions, latest version. */
    listDocuments(userId: string) {
      return docs.documentsForUser(db, userId).map((d) => ({ ...d, ...overviewStmt.get(d.id)! }));
    },

    documentMeta,

    chairsAny,

    passwordChanges,

    /** Metadata plus the paragraph model rendered from the live Yjs state. */
    documentView(documentId: string, userId: string): DocumentView {
      const meta = documentMeta(documentId, userId);
      return { ...meta, paragraphs: collab.withRoom(documentId, (room) => renderParagraphs(room.doc)) };
    },

    /** The identity a socket carries; null when the user holds no role on the document. */
    identify(documentId: string, userId: string, sessionId: string): Identity | null {
      const membership = docs.membershipOf(db, documentId, userId);
      const u = userById(db, userId);
      if (!membership || !u) return null;
      const d = delegationOf(membership.delegationId);
      const color = membership.role === "chair" ? CHAIR_COLOR : membership.role === "observer" ? OBSERVER_COLOR : (d?.color ?? OBSERVER_COLOR);
      return {
        userId,
        sessionId,
        name: u.name,
        role: membership.role,
        delegationId: d?.id ?? null,
        delegationCode: d?.code ?? null,
        delegationName: d?.name ?? null,
        color,
      };
    },

    liveSessions(sessionIds: string[]): Set<string> {
      const now = Date.now();
      const ids = [...new Set([...sessionIds, ...bus.sessionIds()])];
      if (ids.length === 0) return new Set<string>();
      // Runs every second: one prepared statement (expires_at in ms, as drizzle's timestamp_ms stores it).
      const rows = liveSessionsStmt.all(JSON.stringify(ids), now);
      const live = new Set(rows.map((r) => r.id));
      // The same sweep ends live-event streams of signed-out sessions.
      bus.closeSessionsNotIn(live);
      return live;
    },

    participants(documentId: string, userId: string) {
      authorize(documentId, userId, "participants.manage");
      return { participants: docs.participantsOf(db, documentId), users: listUsers(db), delegations: listDelegations(db) };
    },

    grantRole(documentId: string, actorId: string, input: { email: string; role: Role; delegationCode?: string }) {
      authorize(documentId, actorId, "participants.manage");
      const target = userByEmail(db, input.email);
      if (!target) throw new PlenaryError("not_found", `no account for ${input.email}`);
      const delegation = resolveDelegation(db, target, input);
      if (input.role !== "chair" && target.id === actorId && docs.countChairs(db, documentId) <= 1) {
        throw new PlenaryError("conflict", "a document needs at least one chair");
      }
      setRole(documentId, target.id, input.role, delegation, actorId);
      return { userId: target.id, role: input.role, delegation: delegation?.code ?? null };
    },

    /**
     * Gives everyone on a pasted list (lib/participant-list.ts) their role on the document,
     * creating the accounts that do not exist with a generated password, returned once for
     * the chair to hand out. The list is checked whole first: with any line to mend, nothing
     * is done and every problem is said.
     */
    async addParticipants(documentId: string, actorId: string, list: string) {
      authorize(documentId, actorId, "participants.manage");
      const { entries, errors } = parseParticipantList(list, listDelegations(db));
      const actor = userById(db, actorId);
      for (const e of entries) {
        if (e.email === actor?.email) errors.push(`line ${e.line}: that is you; change your own role in the table`);
        else if (accountsInCreation.has(e.email)) errors.push(`line ${e.line}: an account for ${e.email} is being created`);
      }
      if (errors.length > 0) throw new PlenaryError("bad_request", `${errors.length === 1 ? "a line" : `${errors.length} lines`} to mend, nothing was added:\n${errors.join("\n")}`);
      const fresh = entries.filter((e) => !userByEmail(db, e.email));
      for (const e of fresh) accountsInCreation.add(e.email);
      const added: { email: string; name: string; role: Role; delegation: string | null; password: string | null }[] = [];
      /**
       * The line the list stopped at (the database failed on it): the lines before it are
       * added; `account` (with its password) when that line's account was made before the
       * failure (its role was not given: the list added again gives it).
       */
      let stopped: { line: number; email: string; message: string; account: (typeof added)[number] | null } | null = null;
      try {
        for (const e of entries) {
          let made: string | null = null;
          try {
            let target = userByEmail(db, e.email);
            if (!target) {
              const password = generatedPassword();
              const id = await createAccount(auth, { email: e.email, name: e.name, password });
              made = password;
              const own = e.delegation ? delegationByCode(db, e.delegation) : undefined;
              if (own) setUserDelegation(db, id, own.id);
              target = userById(db, id)!;
            }
            const delegation = resolveDelegation(db, target, { role: e.role, delegationCode: e.delegation ?? undefined });
            setRole(documentId, target.id, e.role, delegation, actorId);
            added.push({ email: e.email, name: target.name, role: e.role, delegation: delegation?.code ?? null, password: made });
          } catch (err) {
            // Every account made so far exists now, this line's too if it got that far: their
            // passwords must reach the chair, who could not learn them again, so the list
            // stops here and says so. Nothing made at all: an error, as for any request.
            if (added.length === 0 && made === null) throw err;
            log.error("a participant list stopped part way", { documentId, line: e.line, err });
            const account = made === null ? null : { email: e.email, name: e.name, role: e.role, delegation: e.delegation ?? null, password: made };
            stopped = { line: e.line, email: e.email, message: isPlenaryError(err) ? err.message : "the server could not add this person", account };
            break;
          }
        }
      } finally {
        for (const e of fresh) accountsInCreation.delete(e.email);
      }
      return { added, stopped };
    },

    revokeRole(documentId: string, actorId: string, targetUserId: string) {
      authorize(documentId, actorId, "participants.manage");
      const target = docs.membershipOf(db, documentId, targetUserId);
      if (!target) throw new PlenaryError("not_found", "that person holds no role on this document");
      if (target.role === "chair" && docs.countChairs(db, documentId) <= 1) {
        throw new PlenaryError("conflict", "a document needs at least one chair");
      }
      docs.revokeRole(db, documentId, targetUserId);
      const closed = collab.closeUserSockets(targetUserId, documentId, CloseCode.Forbidden, "role revoked");
      bus.closeUser(targetUserId, documentId, "role revoked");
      return { revoked: true, closedSockets: closed };
    },

    async createAccount(actorDocumentId: string, actorId: string, input: { email: string; name: string; password: string; delegationCode?: string }) {
      authorize(actorDocumentId, actorId, "participants.manage");
      const email = input.email.toLowerCase();
      // Checked and claimed before the first await: a second request for the same address
      // while this one is creating it must not be handed the new account (and rebind its delegation).
      if (userByEmail(db, email) || accountsInCreation.has(email)) throw new PlenaryError("conflict", `an account for ${input.email} exists`);
      const delegation = input.delegationCode ? delegationByCode(db, input.delegationCode) : undefined;
      if (input.delegationCode && !delegation) throw new PlenaryError("not_found", `no delegation ${input.delegationCode}`);
      accountsInCreation.add(email);
      try {
        const id = await createAccount(auth, input);
        if (delegation) setUserDelegation(db, id, delegation.id);
        return { userId: id };
      } finally {
        accountsInCreation.delete(email);
      }
    },

    /**
     * Admits an upload before its body is read: only a chair imports, and at most
     * MAX_IMPORT_UPLOADS drafts (MAX_IMPORT_UPLOADS_PER_USER of one person's) are received or
     * read at once, each up to 10 MiB in memory. Returns the release, to call when done.
     */
    admitImport(userId: string): () => void {
      if (!chairsAny(userId)) throw new PlenaryError("forbidden", "only a chair can import drafts");
      const mine = uploads.get(userId) ?? 0;
      const all = [...uploads.values()].reduce((a, b) => a + b, 0);
      if (mine >= MAX_IMPORT_UPLOADS_PER_USER || all >= MAX_IMPORT_UPLOADS) throw new PlenaryError("rate_limited", "other drafts are being read; try again in a moment");
      uploads.set(userId, mine + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (uploads.get(userId) ?? 1) - 1;
        if (left > 0) uploads.set(userId, left);
        else uploads.delete(userId);
      };
    },

    /** Reads an uploaded draft for the chair to review, with what to check in it; nothing is created. */
    async previewImport(userId: string, fileName: string, bytes: Uint8Array) {
      if (!chairsAny(userId)) throw new PlenaryError("forbidden", "only a chair can import drafts");
      const { draft, warnings } = await importer.read(fileName, bytes);
      return { meta: draft.meta, blocks: previewBlocks(draft.blocks), warnings };
    },

    /** Creates a document from an uploaded draft (all or nothing). */
    async createFromImport(userId: string, fileName: string, bytes: Uint8Array, title?: string, kinds?: readonly BlockKind[]) {
      if (!chairsAny(userId)) throw new PlenaryError("forbidden", "only a chair can import drafts");
      const parsed = (await importer.read(fileName, bytes)).draft;
      // The chair's corrections to the preview, block by block.
      if (kinds && kinds.length !== parsed.blocks.length) {
        throw new PlenaryError("bad_request", `the corrected kinds are for ${kinds.length} blocks, the file has ${parsed.blocks.length}: detect its structure again`);
      }
      const blocks = kinds ? parsed.blocks.map((b, i) => ({ ...b, kind: kinds[i]! })) : parsed.blocks;
      const id = newId();
      // Without a title given, the block the chair marked Title names the document.
      const named = title?.trim() || asLine(kinds ? reviewedTitle(blocks.map((b) => ({ text: b.runs.map((r) => r.text).join("") })), kinds, parsed.meta.title) : parsed.meta.title, MAX_TITLE_LENGTH);
      createDocumentWithBlocks(db, deps.updateLog, { id, meta: { ...parsed.meta, title: named }, blocks, chairId: userId });
      return { id };
    },

    /** Chairs (of any document) may open a new one, which they then chair. */
    createBlankDocument(userId: string, input: { title: string; symbol?: string }) {
      if (!chairsAny(userId)) throw new PlenaryError("forbidden", "only a chair can create documents");
      const id = newId();
      createDocumentWithBlocks(db, deps.updateLog, {
        id,
        meta: { title: input.title, symbol: input.symbol },
        blocks: [
          { id: crypto.randomUUID(), kind: "title", runs: [{ text: input.title }] },
          { id: crypto.randomUUID(), kind: "paragraph", runs: [] },
        ],
        chairId: userId,
      });
      return { id };
    },

    delegations: () => listDelegations(db),
  };
}

/** An initial password to hand out: four groups of four letters and digits that cannot be misread (about 80 bits). */
function generatedPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => alphabet[crypto.randomInt(alphabet.length)]).join("")).join("-");
}

function resolveDelegation(db: Db, target: UserSummary, input: { role: Role; delegationCode?: string }): Delegation | null {
  if (input.role !== "delegate") return null;
  const code = input.delegationCode ?? target.delegationCode;
  if (!code) throw new PlenaryError("bad_request", "a delegate must be bound to a delegation");
  const delegation = delegationByCode(db, code);
  if (!delegation) throw new PlenaryError("not_found", `no delegation ${code}`);
  return delegation;
}

export type Services = ReturnType<typeof createServices>;

/** The negotiation service with new positions and replies counted against `limiter` before they are filed. */
function limitPosts(negotiation: ReturnType<typeof createNegotiation>, limiter: PostLimiter | undefined): ReturnType<typeof createNegotiation> {
  if (!limiter) return negotiation;
  return {
    ...negotiation,
    create: (...args) => {
      limiter.take(args[1]);
      return negotiation.create(...args);
    },
    reply: (...args) => {
      limiter.take(args[1]);
      return negotiation.reply(...args);
    },
  };
}
