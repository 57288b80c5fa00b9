import { createAuth, type Auth } from "./auth";
import { loadConfig } from "./config";
import { openDatabase, type Db } from "./db/client";
import { UpdateLog } from "./db/update-log";
import { loadOrCreateSecret } from "./secret";
import type Database from "better-sqlite3";

export interface Standalone {
  dataDir: string;
  db: Db;
  sqlite: Database.Database;
  auth: Auth;
  updateLog: UpdateLog;
  close(): void;
}

/** The database, auth and log without HTTP: for the seed and admin commands. */
export async function openStandalone(): Promise<Standalone> {
  const config = loadConfig();
  const database = openDatabase(config.dataDir);
  const baseURL = config.publicUrl ?? `http://localhost:${config.port}`;
  const auth = createAuth({
    db: database.db,
    secret: loadOrCreateSecret(config.dataDir, config.secret),
    baseURL,
    trustedOrigins: [baseURL],
  });
  return {
    dataDir: config.dataDir,
    db: database.db,
    sqlite: database.sqlite,
    auth,
    updateLog: new UpdateLog(database.sqlite),
    close: database.close,
  };
}
