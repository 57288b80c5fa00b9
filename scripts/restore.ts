import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { loadConfig } from "../server/config";
import { databaseFile, openSqlite, restoredMarker } from "../server/db/client";
import { verifyAuditChains } from "../server/db/audit";

/**
 * `npm run restore <backup file>`: puts a backup in place as DATA_DIR's database. The server
 * must be stopped: refused when something listens on HOST:PORT. The backup is checked first
 * (integrity_check, hash chains); the current database, with its -wal and -shm, is moved
 * aside as `plenary.db.before-restore-<stamp>` (never deleted); the backup is written with
 * `VACUUM INTO` to a temporary name, fsynced and renamed into place.
 */
const config = loadConfig();
const file = process.argv[2];
if (!file) {
  console.error("usage: npm run restore <backup file>");
  process.exit(2);
}
const source = path.resolve(file);
if (!fs.existsSync(source)) {
  console.error(`restore: ${source} does not exist`);
  process.exit(2);
}

function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
  });
}
if (await listening(config.host, config.port)) {
  console.error(`restore: a server is listening on ${config.host}:${config.port}; stop it first`);
  process.exit(3);
}

const backup = new Database(source, { readonly: true, fileMustExist: true });
try {
  const integrity = backup.pragma("integrity_check", { simple: true });
  const report = verifyAuditChains(backup);
  if (integrity !== "ok" || report.problems.length) {
    console.error(`restore: ${source} fails its checks (integrity ${String(integrity)}, ${report.problems.length} broken chain(s)); nothing changed`);
    process.exit(1);
  }
  const target = databaseFile(config.dataDir);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const partial = `${target}.restore-partial`;
  fs.rmSync(partial, { force: true });
  backup.prepare("VACUUM INTO ?").run(partial);
  const fd = fs.openSync(partial, "r");
  fs.fsyncSync(fd);
  fs.closeSync(fd);

  if (fs.existsSync(target)) {
    const aside = `${target}.before-restore-${new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`;
    // The -wal belongs to its database file: move the set together, names kept in step.
    for (const suffix of ["", "-wal", "-shm"]) {
      if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, aside + suffix);
    }
    console.log(`restore: previous database kept as ${aside}`);
  }
  fs.renameSync(partial, target);
  // The collaboration server takes other people's edits relayed by reconnecting editors for a
  // while after a restore (server/collab/room.ts, claimable): they are what the backup lacks.
  fs.writeFileSync(restoredMarker(target), String(Date.now()));
  const dirFd = fs.openSync(config.dataDir, "r");
  fs.fsyncSync(dirFd);
  fs.closeSync(dirFd);

  // Reopen as the server does (WAL, synchronous=FULL) and check again.
  const restored = openSqlite(target);
  try {
    const after = verifyAuditChains(restored);
    console.log(`restore: ${source} -> ${target}; audit: ${after.documents} document(s), ${after.rows} row(s), ${after.problems.length} broken chain(s)`);
    process.exitCode = after.problems.length ? 1 : 0;
  } finally {
    restored.close();
  }
} finally {
  backup.close();
}
