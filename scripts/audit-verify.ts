import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/client";
import { verifyAuditChains } from "../server/db/audit";

/** `npm run audit:verify`: recomputes every hash chain; exit 1 naming the first bad row. */
const config = loadConfig();
const database = openDatabase(config.dataDir, { migrate: false });
try {
  const report = verifyAuditChains(database.sqlite);
  for (const p of report.problems) {
    console.error(`${p.table} document ${p.documentId}: row id ${p.rowId} (seq ${p.seq}) ${p.reason}: ${p.detail}`);
  }
  console.log(`audit: ${report.documents} document(s), ${report.rows} row(s), ${report.problems.length} broken chain(s)`);
  process.exitCode = report.problems.length ? 1 : 0;
} finally {
  database.close();
}
