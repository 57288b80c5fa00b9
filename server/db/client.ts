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

/** The file `npm run restore` writes beside a restored database: when it was restored (ms). */
export function restoredMarker(file: string): string {
  return `${file}.restored`;
}

/** When the database in `dataDir` was last restored from a backup (ms), or null. */
export function restoredAt(dataDir: string): number | null {
  try {
    const at = Number(fs.readFileSync(restoredMarker(databaseFile(dataDir)), "utf8"));
    return Number.isFinite(at) ? at : null;
  } catch {
    return null;
  }
}

/** How long after a restore editors may relay other people's edits the backup lacks. */
export const RELAY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * For the collaboration server (CollabOptions.acceptsRelays): true for a day after the
 * database in `dataDir` was restored, while editors send back what the backup lacks,
 * other people's edits included.
 */
export function relaysAfterRestore(dataDir: string): () => boolean {
  const restored = restoredAt(dataDir);
  const until = restored === null ? 0 : restored + RELAY_WINDOW_MS;
  return () => until > Date.now();
}

/** Opens the app database in `dataDir` and applies pending migrations. */
export function openDatabase(dataDir: string, options: { migrate?: boolean } = {}): Database_ {
  const sqlite = openSqlite(databaseFile(dataDir));
  const db = drizzle(sqlite, { schema });
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS });
  return { sqlite, db, close: () => sqlite.close() };
}
