import { asc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { delegations } from "./schema";

export type Delegation = typeof delegations.$inferSelect;

export function listDelegations(db: Db): Delegation[] {
  return db.select().from(delegations).orderBy(asc(delegations.name)).all();
}

export function delegationById(db: Db, id: string): Delegation | undefined {
  return db.select().from(delegations).where(eq(delegations.id, id)).get();
}

export function delegationByCode(db: Db, code: string): Delegation | undefined {
  return db.select().from(delegations).where(eq(delegations.code, code.toUpperCase())).get();
}

/** Inserts or updates a delegation by code (idempotent seeding). */
export function upsertDelegation(db: Db, d: Delegation): void {
  db.insert(delegations)
    .values(d)
    .onConflictDoUpdate({ target: delegations.code, set: { name: d.name, kind: d.kind, color: d.color } })
    .run();
}
