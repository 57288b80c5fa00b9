import fs from "node:fs";
import path from "node:path";
import { newId } from "../lib/ids";
import { parseStatement } from "../lib/import/parse-statement";
import { createAccount, type Auth } from "../server/auth";
import type { Db } from "../server/db/client";
import { delegationByCode, upsertDelegation } from "../server/db/delegations";
import { documentBySeedKey, grantRole } from "../server/db/documents";
import type { UpdateLog } from "../server/db/update-log";
import { setUserDelegation, userByEmail } from "../server/db/users";
import { createDocumentWithBlocks } from "../server/documents";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, SEED_DELEGATIONS } from "./delegations";
import { seedNegotiation } from "./negotiation";
import { EventLog } from "../server/db/event-log";
import type Database from "better-sqlite3";

const SEED_DIR = path.join(process.cwd(), "seeds");

/** The sample statements, in file order. */
export function seedFiles(): { key: string; text: string }[] {
  return fs
    .readdirSync(SEED_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ key: f.replace(/\.txt$/, ""), text: fs.readFileSync(path.join(SEED_DIR, f), "utf8") }));
}

/**
 * Registers every delegation of SEED_DELEGATIONS (the United Nations' Member States, observer
 * States and negotiating groups) that the database lacks, in one transaction. Run at every
 * start, so a database seeded before a delegation was listed gains it; one already there is
 * left as it is.
 */
export function registerDelegations(db: Db): number {
  return db.transaction((tx) => {
    let added = 0;
    for (const d of SEED_DELEGATIONS) {
      if (delegationByCode(tx, d.code)) continue;
      upsertDelegation(tx, { id: newId(), ...d });
      added += 1;
    }
    return added;
  });
}

/**
 * Idempotent seed: delegations, demo accounts, one document per sample statement with the
 * demo roles. Running it twice changes nothing.
 */
export async function seedDatabase(deps: { db: Db; sqlite: Database.Database; auth: Auth; updateLog: UpdateLog }): Promise<{ created: number }> {
  const { db, auth, updateLog } = deps;
  db.transaction((tx) => {
    for (const d of SEED_DELEGATIONS) upsertDelegation(tx, { id: delegationByCode(tx, d.code)?.id ?? newId(), ...d });
  });
  const accounts: { id: string; role: (typeof DEMO_ACCOUNTS)[number]["role"]; delegationId: string | null }[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const id = userByEmail(db, a.email)?.id ?? (await createAccount(auth, { email: a.email, name: a.name, password: DEMO_PASSWORD }));
    const delegationId = a.delegation ? (delegationByCode(db, a.delegation)?.id ?? null) : null;
    setUserDelegation(db, id, delegationId);
    accounts.push({ id, role: a.role, delegationId });
  }
  const chair = accounts.find((a) => a.role === "chair");
  const events = new EventLog(deps.sqlite);
  const delegateOf = new Map(
    DEMO_ACCOUNTS.flatMap((a, i) => (a.delegation && a.role === "delegate" ? [[a.delegation, accounts[i]!.id] as const] : [])),
  );
  // Positions of delegations without a demo account are entered by the Belarus and
  // Russian Federation delegates on their behalf (joint statements).
  for (const code of ["BLR", "RUS", "ALB"]) if (!delegateOf.has(code)) throw new Error(`no demo delegate for ${code}`);
  if (!chair) throw new Error("seed has no chair account");
  let created = 0;
  for (const file of seedFiles()) {
    if (documentBySeedKey(db, file.key)) continue;
    const parsed = parseStatement(file.text);
    const id = newId();
    const initial = createDocumentWithBlocks(db, updateLog, { id, meta: parsed.meta, blocks: parsed.blocks, chairId: chair.id, seedKey: file.key });
    for (const a of accounts) {
      if (a.role !== "chair") grantRole(db, id, a.id, a.role, a.delegationId, chair.id);
    }
    // The OSCE decision is the draft in negotiation: seed it with real positions.
    if (parsed.meta.symbol === "MC.DEC/5/17") seedNegotiation(db, events, id, initial, parsed.blocks, delegateOf);
    created += 1;
  }
  return { created };
}
