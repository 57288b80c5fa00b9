import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`);

// ---- better-auth tables (field names as its drizzle adapter expects) ----

export const user = sqliteTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  /** The delegation this person speaks for when granted a delegate role. */
  delegationId: text("delegation_id").references(() => delegations.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const session = sqliteTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    token: text("token").notNull().unique(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

export const account = sqliteTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
    refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("account_user_idx").on(t.userId)],
);

export const verification = sqliteTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// ---- Plenary ----

export const delegations = sqliteTable("delegations", {
  id: text("id").primaryKey(),
  /** Short code, e.g. "ALB", "BLR", "CSTO". */
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  kind: text("kind", { enum: ["state", "group"] }).notNull(),
  /** Hex colour used for carets, tracked changes and annotations. */
  color: text("color").notNull(),
});

export const documents = sqliteTable("documents", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  symbol: text("symbol"),
  date: text("date"),
  place: text("place"),
  originalLanguage: text("original_language"),
  /** Stable key of the seed file the document came from; null for documents made in the app. */
  seedKey: text("seed_key").unique(),
  editingMode: text("editing_mode", { enum: ["chairs_pen", "open_drafting"] })
    .notNull()
    .default("chairs_pen"),
  createdBy: text("created_by").references(() => user.id),
  createdAt: createdAt(),
});

export const documentRoles = sqliteTable(
  "document_roles",
  {
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["chair", "delegate", "observer"] }).notNull(),
    /** Set for delegates only: the one delegation they act for on this document. */
    delegationId: text("delegation_id").references(() => delegations.id),
    grantedBy: text("granted_by"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.userId] }), index("roles_user_idx").on(t.userId)],
);

/**
 * The append-only record of every Yjs update the server applied, hash-chained per document.
 * Never updated or deleted: it is the record of the negotiation.
 */
export const docUpdates = sqliteTable(
  "doc_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    seq: integer("seq").notNull(),
    userId: text("user_id"),
    delegationId: text("delegation_id"),
    createdAt: integer("created_at").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [uniqueIndex("doc_updates_doc_seq").on(t.documentId, t.seq)],
);

/**
 * Who writes under each Yjs client id of a document: the first person whose update carried
 * structs under it. Yjs trusts the id a struct names; the server does not let anyone else
 * write under it (server/collab/room.ts, vet), so nobody can slip structs in under another
 * person's editor and make theirs collide. Kept across restarts.
 */
export const docClients = sqliteTable(
  "doc_clients",
  {
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    clientId: integer("client_id").notNull(),
    userId: text("user_id").notNull(),
    claimedAt: integer("claimed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.clientId] })],
);

/** Cached merged state per document, for fast loading; rebuilt from the log if absent. */
export const docSnapshots = sqliteTable("doc_snapshots", {
  documentId: text("document_id")
    .primaryKey()
    .references(() => documents.id),
  state: blob("state", { mode: "buffer" }).notNull(),
  /** The highest doc_updates.seq already merged into `state`. */
  uptoSeq: integer("upto_seq").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

// ---- Negotiation: never written through a socket, only through role-checked services ----

/** Paragraph status set by the chair; a block with no row is "open". */
export const paragraphStatus = sqliteTable(
  "paragraph_status",
  {
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    blockId: text("block_id").notNull(),
    status: text("status", { enum: ["open", "bracketed", "agreed_ad_ref", "agreed"] }).notNull(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.blockId] })],
);

export const annotations = sqliteTable(
  "annotations",
  {
    id: text("id").primaryKey(),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    /** The block it was made on (kept when its text is deleted: "detached"). */
    blockId: text("block_id").notNull(),
    kind: text("kind", { enum: ["objection", "reservation", "support", "comment", "amendment"] }).notNull(),
    op: text("op", { enum: ["insert", "delete", "replace"] }),
    proposedText: text("proposed_text"),
    anchorStart: text("anchor_start").notNull(),
    anchorEnd: text("anchor_end").notNull(),
    quote: text("quote").notNull(),
    body: text("body"),
    authorUserId: text("author_user_id").notNull(),
    /** Null only for the chair's own comments. */
    authorDelegationId: text("author_delegation_id").references(() => delegations.id),
    status: text("status", { enum: ["open", "accepted", "rejected", "withdrawn", "resolved"] })
      .notNull()
      .default("open"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("annotations_doc_idx").on(t.documentId)],
);

export const annotationCosponsors = sqliteTable(
  "annotation_cosponsors",
  {
    annotationId: text("annotation_id")
      .notNull()
      .references(() => annotations.id),
    delegationId: text("delegation_id")
      .notNull()
      .references(() => delegations.id),
    userId: text("user_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.annotationId, t.delegationId] })],
);

export const annotationReplies = sqliteTable(
  "annotation_replies",
  {
    id: text("id").primaryKey(),
    annotationId: text("annotation_id")
      .notNull()
      .references(() => annotations.id),
    userId: text("user_id").notNull(),
    delegationId: text("delegation_id"),
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("replies_annotation_idx").on(t.annotationId)],
);

/**
 * The record of every negotiation act (annotation, reply, co-sponsorship, decision,
 * paragraph status, mode change, suggestion decision, reverted update): who, when, what,
 * why; hash-chained per document like the update log.
 */
export const negotiationEvents = sqliteTable(
  "negotiation_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    seq: integer("seq").notNull(),
    action: text("action").notNull(),
    annotationId: text("annotation_id"),
    blockId: text("block_id"),
    userId: text("user_id"),
    delegationId: text("delegation_id"),
    reason: text("reason"),
    payload: text("payload").notNull(),
    createdAt: integer("created_at").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [uniqueIndex("events_doc_seq").on(t.documentId, t.seq), index("events_annotation_idx").on(t.annotationId)],
);

/** An immutable, named revision of the text: full Yjs state plus the rendered paragraphs. */
export const versions = sqliteTable(
  "versions",
  {
    id: text("id").primaryKey(),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    /** "Zero draft", "Rev.1", ... */
    label: text("label").notNull(),
    note: text("note"),
    /** The document symbol as of this version, may carry a revision suffix (.../Rev.2). */
    symbol: text("symbol"),
    state: blob("state", { mode: "buffer" }).notNull(),
    /** JSON: RenderedParagraph[] with status. */
    paragraphs: text("paragraphs").notNull(),
    /** Highest doc_updates.seq included. */
    uptoSeq: integer("upto_seq").notNull(),
    restoredFrom: text("restored_from"),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("versions_doc_idx").on(t.documentId, t.createdAt)],
);

/** The terms the reference tracker watches in one document (defaults when absent). */
export const watchedTerms = sqliteTable("watched_terms", {
  documentId: text("document_id")
    .primaryKey()
    .references(() => documents.id),
  /** JSON array of terms. */
  terms: text("terms").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
