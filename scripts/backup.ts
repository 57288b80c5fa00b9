import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { loadConfig } from "../server/config";
import { databaseFile } from "../server/db/client";
import { verifyAuditChains } from "../server/db/audit";

/**
 * `npm run backup [dest]`: a consistent copy of the database taken with SQLite's
 * `VACUUM INTO` (one read transaction: a snapshot of the committed state, never a file copy),
 * safe while the server writes (WAL: the backup's reader does not block the server's writer).
 * The source is opened read-only. The copy is written to `<dest>.partial`, fsynced, renamed,
 * then checked: `PRAGMA integrity_check` and every hash chain (as `npm run audit:verify`).
 * Default dest: `<DATA_DIR>/backups/plenary-<UTC timestamp>.db`. Exit 1 if the check fails.
 */
const config = loadConfig();
const source = databaseFile(config.dataDir);
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
const dest = path.resolve(process.argv[2] ?? path.join(config.dataDir, "backups", `plenary-${stamp}.db`));

if (!fs.existsSync(source)) {
  console.error(`backup: no database at ${source} (set DATA_DIR)`);
  process.exit(2);
}
if (fs.existsSync(dest)) {
  console.error(`backup: ${dest} exists; refusing to overwrite`);
  process.exit(2);
}
fs.mkdirSync(path.dirname(dest), { recursive: true });
const partial = `${dest}.partial`;
fs.rmSync(partial, { force: true });

const started = Date.now();
const db = new Database(source, { readonly: true, fileMustExist: true });
try {
  db.pragma("busy_timeout = 10000");
  db.prepare("VACUUM INTO ?").run(partial);
} finally {
  db.close();
}
const fd = fs.openSync(partial, "r");
fs.fsyncSync(fd);
fs.closeSync(fd);
fs.renameSync(partial, dest);
const dirFd = fs.openSync(path.dirname(dest), "r");
fs.fsyncSync(dirFd);
fs.closeSync(dirFd);
const tookMs = Date.now() - started;

const copy = new Database(dest, { readonly: true, fileMustExist: true });
try {
  const integrity = copy.pragma("integrity_check", { simple: true });
  const report = verifyAuditChains(copy);
  for (const p of report.problems) {
    console.error(`${p.table} document ${p.documentId}: row id ${p.rowId} (seq ${p.seq}) ${p.reason}: ${p.detail}`);
  }
  console.log(
    `backup: ${dest} (${fs.statSync(dest).size} bytes, ${tookMs} ms); integrity ${String(integrity)}; ` +
      `audit: ${report.documents} document(s), ${report.rows} row(s), ${report.problems.length} broken chain(s)`,
  );
  process.exitCode = integrity === "ok" && report.problems.length === 0 ? 0 : 1;
} finally {
  copy.close();
}
