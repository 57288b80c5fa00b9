import { and, asc, eq } from "drizzle-orm";
import type { DocumentDetails } from "../events";
import type { Role } from "../../lib/roles";
import type { Db } from "./client";
import { delegations, documentRoles, documents, user } from "./schema";

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;

export interface Membership {
  role: Role;
  delegationId: string | null;
}

export interface DocumentSummary {
  id: string;
  title: string;
  symbol: string | null;
  role: Role;
}

export interface Participant {
  userId: string;
  name: string;
  email: string;
  role: Role;
  delegationId: string | null;
  delegationName: string | null;
  delegationColor: string | null;
}

export function documentById(db: Db, id: string): DocumentRow | undefined {
  return db.select().from(documents).where(eq(documents.id, id)).get();
}

/** What the header shows of a document, as the chair edits it (Edit details). */
export function detailsOfRow(row: DocumentRow): DocumentDetails {
  return { title: row.title, symbol: row.symbol, date: row.date, place: row.place, originalLanguage: row.originalLanguage };
}

export function documentBySeedKey(db: Db, seedKey: string): DocumentRow | undefined {
  return db.select().from(documents).where(eq(documents.seedKey, seedKey)).get();
}

export function insertDocument(db: Db, doc: NewDocument): void {
  db.insert(documents).values(doc).run();
}

/** The documents a user holds a role on, in title order. */
export function documentsForUser(db: Db, userId: string): DocumentSummary[] {
  return db
    .select({ id: documents.id, title: documents.title, symbol: documents.symbol, role: documentRoles.role })
    .from(documentRoles)
    .innerJoin(documents, eq(documents.id, documentRoles.documentId))
    .where(eq(documentRoles.userId, userId))
    .orderBy(asc(documents.createdAt), asc(documents.title))
    .all();
}

/** The caller's role on a document, or null: the check behind every route and socket. */
export function membershipOf(db: Db, documentId: string, userId: string): Membership | null {
  const row = db
    .select({ role: documentRoles.role, delegationId: documentRoles.delegationId })
    .from(documentRoles)
    .where(and(eq(documentRoles.documentId, documentId), eq(documentRoles.userId, userId)))
    .get();
  return row ?? null;
}

export function participantsOf(db: Db, documentId: string): Participant[] {
  return db
    .select({
      userId: user.id,
      name: user.name,
      email: user.email,
      role: documentRoles.role,
      delegationId: documentRoles.delegationId,
      delegationName: delegations.name,
      delegationColor: delegations.color,
    })
    .from(documentRoles)
    .innerJoin(user, eq(user.id, documentRoles.userId))
    .leftJoin(delegations, eq(delegations.id, documentRoles.delegationId))
    .where(eq(documentRoles.documentId, documentId))
    .orderBy(asc(documentRoles.role), asc(user.name))
    .all();
}

/** Grants (or changes) a role. Delegates carry exactly one delegation; others none. */
export function grantRole(
  db: Db,
  documentId: string,
  userId: string,
  role: Role,
  delegationId: string | null,
  grantedBy: string | null,
): void {
  const values = { documentId, userId, role, delegationId: role === "delegate" ? delegationId : null, grantedBy };
  db.insert(documentRoles)
    .values(values)
    .onConflictDoUpdate({
      target: [documentRoles.documentId, documentRoles.userId],
      set: { role: values.role, delegationId: values.delegationId, grantedBy },
    })
    .run();
}

/** Removes a role; returns whether one existed. */
export function revokeRole(db: Db, documentId: string, userId: string): boolean {
  const res = db
    .delete(documentRoles)
    .where(and(eq(documentRoles.documentId, documentId), eq(documentRoles.userId, userId)))
    .run();
  return res.changes > 0;
}

export function countChairs(db: Db, documentId: string): number {
  return db
    .select({ userId: documentRoles.userId })
    .from(documentRoles)
    .where(and(eq(documentRoles.documentId, documentId), eq(documentRoles.role, "chair")))
    .all().length;
}
