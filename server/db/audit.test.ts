import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import { openDatabase } from "./client";
import { UpdateLog } from "./update-log";
import { EventLog } from "./event-log";
import { verifyAuditChains } from "./audit";
import { tempDir } from "../test/temp-dir";

let tmp: ReturnType<typeof tempDir>;
let sqlite: Database.Database;
let close: () => void;
let ids: number[];

beforeEach(() => {
  tmp = tempDir();
  ({ sqlite, close } = openDatabase(tmp.dir));
  sqlite.prepare("INSERT INTO documents (id, title) VALUES ('d1', 'One'), ('d2', 'Two')").run();
  const log = new UpdateLog(sqlite);
  for (let i = 0; i < 6; i++) {
    log.append([
      { documentId: "d1", userId: "u1", delegationId: "ALB", data: new Uint8Array([1, 2, 3, i]) },
      { documentId: "d2", userId: "u2", delegationId: null, data: new Uint8Array([9, i]) },
    ]);
  }
  ids = sqlite.prepare<[], { id: number }>("SELECT id FROM doc_updates WHERE document_id = 'd1' ORDER BY seq").all().map((r) => r.id);
});
afterEach(() => {
  close();
  tmp.cleanup();
});

describe("audit chain", () => {
  it("passes on an untouched log", () => {
    const report = verifyAuditChains(sqlite);
    expect(report).toMatchObject({ documents: 2, rows: 12, problems: [] });
  });

  it("passes with a negotiation event whose reason held a lone surrogate (stored as U+FFFD, hashed as stored)", () => {
    const events = new EventLog(sqlite);
    events.append({ documentId: "d1", action: "rejected", userId: "u1", delegationId: null, reason: "no \uD800", payload: { note: "\uDC00" } });
    events.append({ documentId: "d1", action: "resolved", userId: "u1", delegationId: null, reason: "fine" });
    expect(verifyAuditChains(sqlite).problems).toEqual([]);
  });

  it("names a row whose update bytes had one byte flipped", () => {
    const row = sqlite.prepare<[number], { data: Buffer }>("SELECT data FROM doc_updates WHERE id = ?").get(ids[2]!)!;
    const data = Buffer.from(row.data);
    data[0] = data[0]! ^ 0x01;
    sqlite.prepare("UPDATE doc_updates SET data = ? WHERE id = ?").run(data, ids[2]);
    const { problems } = verifyAuditChains(sqlite);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ documentId: "d1", rowId: ids[2], seq: 3, reason: "altered" });
  });

  it("names the row after a deleted one", () => {
    sqlite.prepare("DELETE FROM doc_updates WHERE id = ?").run(ids[3]);
    const { problems } = verifyAuditChains(sqlite);
    expect(problems).toEqual([expect.objectContaining({ documentId: "d1", rowId: ids[4], reason: "removed" })]);
  });

  it("notices a deleted last row through the snapshot's sequence", () => {
    sqlite.prepare("INSERT INTO doc_snapshots (document_id, state, upto_seq, updated_at) VALUES ('d1', x'00', 6, 0)").run();
    sqlite.prepare("DELETE FROM doc_updates WHERE id = ?").run(ids[5]);
    const { problems } = verifyAuditChains(sqlite);
    expect(problems).toEqual([expect.objectContaining({ documentId: "d1", reason: "removed" })]);
  });

  it("names a swapped pair of rows", () => {
    const a = sqlite.prepare("SELECT * FROM doc_updates WHERE id = ?").get(ids[1]!) as Record<string, unknown>;
    const b = sqlite.prepare("SELECT * FROM doc_updates WHERE id = ?").get(ids[2]!) as Record<string, unknown>;
    const put = sqlite.prepare(
      "UPDATE doc_updates SET seq = @seq, data = @data, prev_hash = @prev_hash, hash = @hash, created_at = @created_at WHERE id = @id",
    );
    sqlite.transaction(() => {
      put.run({ ...a, seq: -1, id: ids[2] });
      put.run({ ...b, id: ids[1] });
      put.run({ ...a, id: ids[2] });
    })();
    const { problems } = verifyAuditChains(sqlite);
    expect(problems).toEqual([expect.objectContaining({ documentId: "d1", rowId: ids[1], reason: "reordered" })]);
  });

  it("npm run audit:verify exits 1 and names the first altered row", () => {
    sqlite.prepare("UPDATE doc_updates SET user_id = 'forged' WHERE id = ?").run(ids[4]);
    let output = "";
    let code = 0;
    try {
      execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/audit-verify.ts"], {
        env: { ...process.env, DATA_DIR: tmp.dir },
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (err) {
      const e = err as { status: number; stderr: string; stdout: string };
      code = e.status;
      output = e.stderr + e.stdout;
    }
    expect(code).toBe(1);
    expect(output).toContain(`row id ${ids[4]} (seq 5) altered`);
  });
});
