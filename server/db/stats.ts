import { count } from "drizzle-orm";
import type { Db } from "./client";
import { documents } from "./schema";

export function countDocuments(db: Db): number {
  return db.select({ n: count() }).from(documents).get()?.n ?? 0;
}
