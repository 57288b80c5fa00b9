import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAuth } from "../server/auth";
import { openDatabase, type Database_ } from "../server/db/client";
import { UpdateLog } from "../server/db/update-log";
import { renderParagraphs } from "../lib/model/ydoc";
import { tempDir } from "../server/test/temp-dir";
import { seedDatabase } from "./seed";

let tmp: ReturnType<typeof tempDir>;
let database: Database_;

beforeEach(() => {
  tmp = tempDir();
  database = openDatabase(tmp.dir);
});
afterEach(() => {
  database.close();
  tmp.cleanup();
});

function counts(): Record<string, number> {
  const tables = ["user", "account", "delegations", "documents", "document_roles", "doc_updates", "annotations", "annotation_cosponsors", "negotiation_events"];
  return Object.fromEntries(
    tables.map((t) => [t, (database.sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
  );
}

describe("seed", () => {
  it("creates delegations, demo accounts and one document per statement; a second run changes nothing", async () => {
    const auth = createAuth({ db: database.db, secret: "x".repeat(32), baseURL: "http://localhost", trustedOrigins: [], signInPerMinute: 10 });
    const deps = { db: database.db, sqlite: database.sqlite, auth, updateLog: new UpdateLog(database.sqlite) };
    expect((await seedDatabase(deps)).created).toBe(5);
    const first = counts();
    expect(first).toMatchObject({ user: 5, account: 5, documents: 5, doc_updates: 5, document_roles: 25, annotations: 5, annotation_cosponsors: 15 });
    expect(first.delegations).toBeGreaterThanOrEqual(17);
    expect((await seedDatabase(deps)).created).toBe(0);
    expect(counts()).toEqual(first);

    // The OSCE decision's first log row renders to the structured model.
    const row = database.sqlite
      .prepare<[], { data: Buffer }>("SELECT u.data FROM doc_updates u JOIN documents d ON d.id = u.document_id WHERE d.symbol = 'MC.DEC/5/17'")
      .get()!;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, row.data);
    const paragraphs = renderParagraphs(doc);
    expect(paragraphs.filter((p) => p.kind === "operative").map((p) => p.number)).toEqual(["OP1", "OP2", "OP3", "OP4"]);
    expect(new Set(paragraphs.map((p) => p.id)).size).toBe(paragraphs.length);
    expect(paragraphs.every((p) => p.id.length > 0)).toBe(true);
  });
});
