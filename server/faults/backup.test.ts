import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { verifyAuditChains } from "../db/audit";
import { UpdateLog } from "../db/update-log";
import { tempDir } from "../test/temp-dir";
import { authedProvider, fragmentText, freePort, hasPending, prepareDataDir, rng, sleep, spawnServer, stateVector, storedDoc, until, writePeople, type ChildServer, cleanUpAfterAll } from "./fault-harness";
import { Typist, plainText, tokenCounts } from "./typist";

const ROOT = path.resolve(import.meta.dirname, "../..");
const tmp = tempDir("plenary-backup-");
let server: ChildServer | null = null;
const typists: Typist[] = [];

cleanUpAfterAll(() => ({ server, typists, tmp }));

/** Runs a repository script the way `npm run <name>` does (node --import tsx), with DATA_DIR/PORT. */
function runScript(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", script), ...args], { cwd: ROOT, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

function lastSeqIn(file: string, documentId: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return new UpdateLog(db).lastSeq(documentId);
  } finally {
    db.close();
  }
}

describe("backup under load, restore, offline edits merge back", () => {
  it("npm run backup while 5 clients type gives a consistent, audit-clean copy; restored into a fresh data dir it passes audit:verify; clients with edits the backup lacks reconnect and merge them back, every token exactly once", async () => {
    const rand = rng(42);
    const dataA = path.join(tmp.dir, "a");
    const dataB = path.join(tmp.dir, "b");
    const peopleFile = path.join(tmp.dir, "people.json");
    const [docId] = prepareDataDir(dataA, [[{ id: "op1", kind: "operative", runs: [{ text: "Decides" }] }]]);
    const people = writePeople(peopleFile, ["ba", "bb", "bc", "bd", "be"], [docId!]);
    const port = await freePort();
    server = await spawnServer({ dataDir: dataA, port, peopleFile });
    for (const p of people) typists.push(new Typist(p.name, authedProvider(port, docId!, p.token), rng(Math.floor(rand() * 2 ** 31))));
    await until(() => typists.every((t) => t.provider.synced), 20_000, "first sync");
    for (const t of typists) t.start(50);
    await sleep(400);

    // The backup runs while every client types (the server commits an update every ~10 ms).
    const dbA = path.join(dataA, "plenary.db");
    const backupFile = path.join(tmp.dir, "backups", "b1.db");
    const seqBefore = lastSeqIn(dbA, docId!);
    const backup = await runScript("backup.ts", [backupFile], { DATA_DIR: dataA });
    const seqAfter = lastSeqIn(dbA, docId!);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/integrity ok; audit: 1 document\(s\), \d+ row\(s\), 0 broken chain\(s\)/);
    expect(seqAfter, "the server kept writing while the backup ran").toBeGreaterThan(seqBefore);

    // The copy is a consistent snapshot: a prefix of the log, loading without pending structs.
    const copy = new Database(backupFile, { readonly: true });
    const backupSeq = new UpdateLog(copy).lastSeq(docId!);
    expect(verifyAuditChains(copy).problems).toEqual([]);
    copy.close();
    expect(backupSeq).toBeGreaterThanOrEqual(seqBefore);
    expect(backupSeq).toBeLessThanOrEqual(seqAfter);
    fs.mkdirSync(path.join(tmp.dir, "inspect"));
    fs.copyFileSync(backupFile, path.join(tmp.dir, "inspect", "plenary.db")); // a closed backup file, not the live db
    const inBackup = storedDoc(path.join(tmp.dir, "inspect"), docId!);
    expect(hasPending(inBackup.doc)).toBe(false);
    const backupTokens = tokenCounts(plainText(inBackup.doc));
    expect(backupTokens.size).toBeGreaterThan(0);
    inBackup.doc.destroy();

    // More typing the backup will not have, then the server dies and clients type offline.
    await sleep(500);
    await server.kill9();
    await sleep(300);
    for (const t of typists) t.stop();

    // Restore into a fresh data directory (server stopped), check it, start a server on it.
    const restore = await runScript("restore.ts", [backupFile], { DATA_DIR: dataB, PORT: String(port) });
    expect(restore.code, restore.stderr).toBe(0);
    const audit = await runScript("audit-verify.ts", [], { DATA_DIR: dataB });
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.stdout).toContain("0 broken chain(s)");
    expect(lastSeqIn(path.join(dataB, "plenary.db"), docId!)).toBe(backupSeq);

    server = await spawnServer({ dataDir: dataB, port, peopleFile });
    const live = server;
    await until(
      async () => {
        if (!typists.every((t) => t.provider.synced)) return false;
        const s = await live.state(docId!);
        if (!s.state || s.pending) return false;
        const sv = stateVector(Y.encodeStateVectorFromUpdate(s.state));
        return typists.every((t) => stateVector(t.doc) === sv);
      },
      30_000,
      "clients merging back into the restored server",
    );

    const final = storedDoc(dataB, docId!);
    const text = fragmentText(final.doc);
    for (const t of typists) {
      expect(hasPending(t.doc)).toBe(false);
      expect(fragmentText(t.doc)).toBe(text);
    }
    const counts = tokenCounts(plainText(final.doc));
    const typed = typists.flatMap((t) => t.typed);
    expect(typed.filter((tok) => counts.get(tok) !== 1), "tokens missing or duplicated after the merge").toEqual([]);
    expect(counts.size).toBe(typed.length);
    const mergedBack = typed.filter((tok) => !backupTokens.has(tok)).length;
    expect(mergedBack, "clients held edits the backup lacked").toBeGreaterThan(0);
    final.doc.destroy();

    // The log after the merge still verifies; restore refuses while a server listens.
    const auditAfter = await runScript("audit-verify.ts", [], { DATA_DIR: dataB });
    expect(auditAfter.code, auditAfter.stderr).toBe(0);
    const refused = await runScript("restore.ts", [backupFile], { DATA_DIR: dataB, PORT: String(port) });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("stop it first");
    console.log(
      `[backup] backup took place between log seq ${seqBefore} and ${seqAfter} (copy holds ${backupSeq}); ${backup.stdout.trim()}; ` +
        `${typed.length} tokens typed, ${typed.length - mergedBack} in the backup, ${mergedBack} merged back from clients after the restore, each exactly once`,
    );
  }, 120_000);
});
