import { asc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { delegations, user } from "./schema";

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  delegationId: string | null;
  delegationName: string | null;
  delegationColor: string | null;
  delegationCode: string | null;
}

const summary = {
  id: user.id,
  name: user.name,
  email: user.email,
  delegationId: user.delegationId,
  delegationName: delegations.name,
  delegationColor: delegations.color,
  delegationCode: delegations.code,
};

export function userById(db: Db, id: string): UserSummary | undefined {
  return db.select(summary).from(user).leftJoin(delegations, eq(delegations.id, user.delegationId)).where(eq(user.id, id)).get();
}

export function userByEmail(db: Db, email: string): UserSummary | undefined {
  return db
    .select(summary)
    .from(user)
    .leftJoin(delegations, eq(delegations.id, user.delegationId))
    .where(eq(user.email, email.toLowerCase()))
    .get();
}

export function listUsers(db: Db): UserSummary[] {
  return db.select(summary).from(user).leftJoin(delegations, eq(delegations.id, user.delegationId)).orderBy(asc(user.name)).all();
}

export function setUserDelegation(db: Db, userId: string, delegationId: string | null): void {
  db.update(user).set({ delegationId }).where(eq(user.id, userId)).run();
}
