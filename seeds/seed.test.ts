import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAuth } from "../server/auth";
import { openDatabase, type Database_ } from "../server/db/client";
import { UpdateLog } from "../server/db/update-log";
import { renderParagraphs } from "../lib/model/ydoc";
import { tempDir } from "../server/test/temp-dir";
import { registerDelegations, seedDatabase } from "./seed";
import { SAMPLE_DELEGATIONS, SEED_DELEGATIONS } from "./delegations";
import { NEGOTIATING_GROUPS, UN_MEMBER_STATES, UN_OBSERVER_STATES } from "./un-members";
import { delegationByCode, listDelegations, upsertDelegation } from "../server/db/delegations";

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
    const auth = createAuth({ db: database.db, secret: "x".repeat(32), baseURL: "http://localhost", trustedOrigins: [] });
    const deps = { db: database.db, sqlite: database.sqlite, auth, updateLog: new UpdateLog(database.sqlite) };
    expect((await seedDatabase(deps)).created).toBe(5);
    const first = counts();
    expect(first).toMatchObject({ user: 5, account: 5, documents: 5, doc_updates: 5, document_roles: 25, annotations: 5, annotation_cosponsors: 15 });
    expect(first.delegations).toBe(SEED_DELEGATIONS.length);
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

describe("delegations", () => {
  it("are every United Nations Member State, both observer States and the groups, each code once", () => {
    expect(UN_MEMBER_STATES).toHaveLength(193);
    const codes = SEED_DELEGATIONS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBe(new Set([...UN_MEMBER_STATES, ...UN_OBSERVER_STATES, ...NEGOTIATING_GROUPS].map(([c]) => c).concat(SAMPLE_DELEGATIONS.map((d) => d.code))).size);
    for (const [code, name] of [...UN_MEMBER_STATES, ...UN_OBSERVER_STATES]) {
      expect(code, name).toMatch(/^[A-Z]{3}$/);
      expect(SEED_DELEGATIONS.find((d) => d.code === code)?.name, code).toBe(name);
    }
    expect(SEED_DELEGATIONS.find((d) => d.code === "DEU")).toMatchObject({ name: "Germany", kind: "state" });
    expect(SEED_DELEGATIONS.find((d) => d.code === "EU")).toMatchObject({ name: "European Union", kind: "group" });
  });

  it("missing from an older database are registered at start; those there are left as they are", () => {
    // A database seeded when only the sample statements' delegations were listed, one recoloured since.
    for (const d of SAMPLE_DELEGATIONS) upsertDelegation(database.db, { id: `old-${d.code}`, ...d });
    database.sqlite.prepare("UPDATE delegations SET color = '#000000' WHERE code = 'ALB'").run();
    expect(registerDelegations(database.db)).toBe(SEED_DELEGATIONS.length - SAMPLE_DELEGATIONS.length);
    expect(listDelegations(database.db)).toHaveLength(SEED_DELEGATIONS.length);
    expect(delegationByCode(database.db, "ALB")).toMatchObject({ id: "old-ALB", color: "#000000" });
    expect(delegationByCode(database.db, "usa")).toMatchObject({ name: "United States of America", kind: "state" });
    expect(registerDelegations(database.db)).toBe(0);
    expect(listDelegations(database.db)).toHaveLength(SEED_DELEGATIONS.length);
  });
});

describe("delegation colours", () => {
  const CHAIR = "#1d4ed8";
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const luminance = (hex: string) => {
    const [r, g, b] = rgb(hex).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  /** Hue in degrees (HSL). */
  const hue = (hex: string) => {
    const [r, g, b] = rgb(hex).map((v) => v / 255) as [number, number, number];
    const max = Math.max(r, g, b);
    const d = max - Math.min(r, g, b);
    const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    return (h * 60 + 360) % 360;
  };
  const states = SEED_DELEGATIONS.filter((d) => d.kind === "state");
  const sampleStates = SAMPLE_DELEGATIONS.filter((d) => d.kind === "state");

  it("are readable as white text and as text on white (WCAG AA)", () => {
    for (const d of SEED_DELEGATIONS) expect(1.05 / (luminance(d.color) + 0.05), d.code).toBeGreaterThanOrEqual(4.5);
  });

  it("are one per delegation, none near the chair's blue, and no two of the sample statements' States share a hue", () => {
    expect(new Set(SEED_DELEGATIONS.map((d) => d.color)).size).toBe(SEED_DELEGATIONS.length);
    for (const d of states) expect(Math.abs(hue(d.color) - hue(CHAIR)), d.code).toBeGreaterThan(15);
    for (const a of sampleStates)
      for (const b of sampleStates) {
        if (a === b) continue;
        const apart = Math.min(Math.abs(hue(a.color) - hue(b.color)), 360 - Math.abs(hue(a.color) - hue(b.color)));
        const darker = Math.abs(luminance(a.color) - luminance(b.color));
        // Hues at least 15 degrees apart, or close hues told apart by lightness.
        expect(apart >= 15 || darker > 0.05, `${a.code} and ${b.code}`).toBe(true);
      }
  });

  it("differ between any two delegations next to each other in the list a chair picks from (by name)", () => {
    const byName = [...SEED_DELEGATIONS].sort((a, b) => a.name.localeCompare(b.name));
    for (let i = 1; i < byName.length; i++) {
      const [a, b] = [byName[i - 1]!, byName[i]!];
      const apart = Math.min(Math.abs(hue(a.color) - hue(b.color)), 360 - Math.abs(hue(a.color) - hue(b.color)));
      expect(apart >= 30 || Math.abs(luminance(a.color) - luminance(b.color)) > 0.05, `${a.code} and ${b.code}`).toBe(true);
    }
  });
});
