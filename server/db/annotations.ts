import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "./client";
import { annotationCosponsors, annotationReplies, annotations, paragraphStatus } from "./schema";

export type AnnotationRow = typeof annotations.$inferSelect;
export type NewAnnotation = typeof annotations.$inferInsert;
export type ReplyRow = typeof annotationReplies.$inferSelect;
export type CosponsorRow = typeof annotationCosponsors.$inferSelect;

export function insertAnnotation(db: Db, row: NewAnnotation): void {
  db.insert(annotations).values(row).run();
}

export function annotationById(db: Db, id: string): AnnotationRow | undefined {
  return db.select().from(annotations).where(eq(annotations.id, id)).get();
}

export function annotationsOf(db: Db, documentId: string): AnnotationRow[] {
  return db.select().from(annotations).where(eq(annotations.documentId, documentId)).orderBy(asc(annotations.createdAt)).all();
}

export function setAnnotationStatus(db: Db, id: string, status: AnnotationRow["status"]): void {
  db.update(annotations).set({ status, updatedAt: Date.now() }).where(eq(annotations.id, id)).run();
}

export function setAnnotationAnchor(db: Db, id: string, anchor: { blockId: string; start: string; end: string }): void {
  db.update(annotations)
    .set({ blockId: anchor.blockId, anchorStart: anchor.start, anchorEnd: anchor.end })
    .where(eq(annotations.id, id))
    .run();
}

export function cosponsorsOf(db: Db, annotationIds: string[]): CosponsorRow[] {
  if (annotationIds.length === 0) return [];
  return db
    .select()
    .from(annotationCosponsors)
    .where(inArray(annotationCosponsors.annotationId, annotationIds))
    // Joined in the same millisecond (a seed, a pasted list): in the order they were stored.
    .orderBy(asc(annotationCosponsors.createdAt), sql`rowid`)
    .all();
}

export function addCosponsor(db: Db, row: CosponsorRow): void {
  db.insert(annotationCosponsors).values(row).run();
}

export function removeCosponsor(db: Db, annotationId: string, delegationId: string): void {
  db.delete(annotationCosponsors)
    .where(and(eq(annotationCosponsors.annotationId, annotationId), eq(annotationCosponsors.delegationId, delegationId)))
    .run();
}

export function repliesOf(db: Db, annotationIds: string[]): ReplyRow[] {
  if (annotationIds.length === 0) return [];
  return db
    .select()
    .from(annotationReplies)
    .where(inArray(annotationReplies.annotationId, annotationIds))
    .orderBy(asc(annotationReplies.createdAt))
    .all();
}

export function addReply(db: Db, row: ReplyRow): void {
  db.insert(annotationReplies).values(row).run();
}

export function paragraphStatuses(db: Db, documentId: string): Map<string, string> {
  const rows = db.select().from(paragraphStatus).where(eq(paragraphStatus.documentId, documentId)).all();
  return new Map(rows.map((r) => [r.blockId, r.status]));
}

export function setParagraphStatus(
  db: Db,
  documentId: string,
  blockId: string,
  status: (typeof paragraphStatus.$inferInsert)["status"],
  userId: string,
): void {
  db.insert(paragraphStatus)
    .values({ documentId, blockId, status, updatedBy: userId, updatedAt: Date.now() })
    .onConflictDoUpdate({
      target: [paragraphStatus.documentId, paragraphStatus.blockId],
      set: { status, updatedBy: userId, updatedAt: Date.now() },
    })
    .run();
}

export function deleteParagraphStatus(db: Db, documentId: string, blockId: string): void {
  db.delete(paragraphStatus).where(and(eq(paragraphStatus.documentId, documentId), eq(paragraphStatus.blockId, blockId))).run();
}
