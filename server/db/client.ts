import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;

export interface Database_ {
  sqlite: Database.Database;
  db: Db;
  close(): void;
}

const MIGRATIONS = path.join(process.cwd(), "drizzle");

/**
 * Opens a SQLite connection with the durability the app relies on: WAL with
 * synchronous=FULL (better-sqlite3's build defaults to NORMAL in WAL, where a committed
 * transaction can roll back after power loss). Asserts the setting took effect.
 */
export function openSqlite(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const sync = sqlite.pragma("synchronous", { simple: true });
  if (sync !== 2) {
    sqlite.close();
    throw new Error(`SQLite synchronous is ${String(sync)}, expected 2 (FULL)`);
  }
  return sqlite;
}

/** The database file inside a data directory. */
export function databaseFile(dataDir: string): string {
  return path.join(dataDir, "plenary.db");
}

/** Opens the app database in `dataDir` and applies pending migrations. */
export function openDatabase(dataDir: string, options: { migrate?: boolean } = {}): Database_ {
  const sqlite = openSqlite(databaseFile(dataDir));
  const db = drizzle(sqlite, { schema });
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS });
  return { sqlite, db, close: () => sqlite.close() };
}
