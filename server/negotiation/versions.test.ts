import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { renderParagraphs } from "../../lib/model/ydoc";
import { OwnTyping } from "../../lib/editor/own-typing";
import { EventLog } from "../db/event-log";
import { EventBus, type LiveEvent } from "../events";
import { startCollabHarness, type CollabHarness } from "../test/collab-harness";
import { waitFor } from "../test/temp-dir";
import { createVersions } from "./versions";

let h: CollabHarness;
let docId: string;
let versions: ReturnType<typeof createVersions>;
let published: LiveEvent[];
const CHAIR = "user-chair";

function grantChair(): void {
  const { sqlite } = h.database;
  sqlite.prepare("INSERT INTO user (id, name, email) VALUES (?, 'Chair', 'chair@example.org')").run(CHAIR);
  sqlite.prepare("INSERT INTO user (id, name, email) VALUES ('user-d', 'Delegate', 'd@example.org')").run();
  sqlite.prepare("INSERT INTO document_roles (document_id, user_id, role) VALUES (?, ?, 'chair')").run(docId, CHAIR);
  sqlite.prepare("INSERT INTO document_roles (document_id, user_id, role) VALUES (?, 'user-d', 'observer')").run(docId);
}

function op1Text(): string {
  return h.collab.withRoom(docId, (room) => renderParagraphs(room.doc).find((p) => p.id === "op1")?.text ?? "");
}

function editOp1(append: string): void {
  h.collab.applyServerChange(
    docId,
    (doc) => {
      const t = (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
      t.insert(t.length, append);
    },
    { userId: CHAIR, delegationId: null },
  );
}

beforeEach(async () => {
  h = await startCollabHarness();
  docId = h.createDocument([{ id: "op1", kind: "operative", runs: [{ text: "Continue to implement" }] }]);
  grantChair();
  const bus = new EventBus();
  published = [];
  bus.subscribe({ documentId: docId, userId: "watcher", sessionId: "s", send: (e) => published.push(e), close: () => {} });
  versions = createVersions({ db: h.database.db, sqlite: h.database.sqlite, collab: h.collab, events: new EventLog(h.database.sqlite), updateLog: h.updateLog, bus });
});
afterEach(async () => {
  await h.close();
});

describe("versions", () => {
  it("freezes the live text with its paragraphs; anyone with access lists and reads it; only the chair saves", () => {
    const v = versions.create(docId, CHAIR, { label: "Rev.1", note: "after the first reading" });
    editOp1(" all decisions");
    const read = versions.get(docId, "user-d", v.id);
    expect(read).toMatchObject({ label: "Rev.1", note: "after the first reading", createdBy: "Chair" });
    expect(read.paragraphs.map((p) => [p.number, p.text, p.status])).toEqual([["OP1", "Continue to implement", "open"]]);
    expect(versions.list(docId, "user-d").map((x) => x.label)).toEqual(["Rev.1"]);
    // A version saved with nothing changed since the one before says so; one with a change does not.
    versions.create(docId, CHAIR, { label: "Rev.2" });
    versions.create(docId, CHAIR, { label: "Rev.3" });
    editOp1(" again");
    versions.create(docId, CHAIR, { label: "Rev.4" });
    expect(versions.list(docId, CHAIR).map((x) => [x.label, x.sameTextAs])).toEqual([["Rev.4", null], ["Rev.3", "Rev.2"], ["Rev.2", null], ["Rev.1", null]]);
    // The newest alone, as the document page asks for it (its Export menu's redline base).
    expect(versions.newest(docId, CHAIR)).toEqual({ id: versions.list(docId, CHAIR)[0]!.id, label: "Rev.4" });
    expect(() => versions.create(docId, "user-d", { label: "Rev.2" })).toThrow(/only the chair/);
  });

  it("refuses a label the document has already, whatever its case and spaces: the pickers and exports name versions by label", () => {
    versions.create(docId, CHAIR, { label: "Rev.1" });
    expect(() => versions.create(docId, CHAIR, { label: " rev.1 " })).toThrow(/a version named "rev.1" exists already/);
    expect(versions.create(docId, CHAIR, { label: " Rev.2 " }).label).toBe("Rev.2");
    expect(versions.list(docId, CHAIR).map((v) => v.label)).toEqual(["Rev.2", "Rev.1"]);
    // Look-alikes of a label are the same label: an invisible space, a full-width full stop.
    expect(() => versions.create(docId, CHAIR, { label: "Rev.1\u200B" })).toThrow(/exists already/);
    expect(() => versions.create(docId, CHAIR, { label: "Rev\uFF0E1" })).toThrow(/exists already/);
    expect(versions.list(docId, CHAIR)).toHaveLength(2);
  });

  it("numbers its own labels when a version is restored twice", () => {
    const rev1 = versions.create(docId, CHAIR, { label: "Rev.1" });
    versions.restore(docId, CHAIR, rev1.id);
    const again = versions.restore(docId, CHAIR, rev1.id);
    expect([again.saved.label, again.restored.label]).toEqual(["Before restoring Rev.1 (2)", "Rev.1 (restored) (2)"]);
    const labels = versions.list(docId, CHAIR).map((v) => v.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("is immutable in the database: no update, no delete", () => {
    const v = versions.create(docId, CHAIR, { label: "Rev.1" });
    const { sqlite } = h.database;
    expect(() => sqlite.prepare("UPDATE versions SET label = 'Rev.9' WHERE id = ?").run(v.id)).toThrow(/immutable/);
    expect(() => sqlite.prepare("DELETE FROM versions WHERE id = ?").run(v.id)).toThrow(/immutable/);
    expect(versions.get(docId, CHAIR, v.id).label).toBe("Rev.1");
  });

  it("restore saves the live text as a version first, then brings the old text back for everyone", () => {
    const rev1 = versions.create(docId, CHAIR, { label: "Rev.1" });
    editOp1(" all decisions");
    expect(op1Text()).toBe("Continue to implement all decisions");
    const { saved, restored } = versions.restore(docId, CHAIR, rev1.id);
    expect(op1Text()).toBe("Continue to implement");
    expect(versions.get(docId, CHAIR, saved.id).paragraphs[0]!.text).toBe("Continue to implement all decisions");
    expect(saved.label).toBe("Before restoring Rev.1");
    expect(restored).toMatchObject({ label: "Rev.1 (restored)", restoredFrom: rev1.id });
    expect(versions.list(docId, CHAIR)).toHaveLength(3);
    // The block id survives the restore, so annotations and compare still find the paragraph.
    expect(h.collab.withRoom(docId, (room) => renderParagraphs(room.doc)[0]!.id)).toBe("op1");
  });
});

describe("a restore while a delegate types", () => {
  it("every open window is told which version replaced the live text and where the text before went; the delegate's words typed around it are found", async () => {
    const rev1 = versions.create(docId, CHAIR, { label: "Rev.1" });
    const alb = h.person("alb", "ALB");
    h.grant(docId, alb.userId, "delegate");
    h.setMode(docId, "open_drafting");
    const p = h.provider(docId, alb.token);
    try {
      await waitFor(() => p.synced, 5000, "sync");
      const own = new OwnTyping(p.doc);
      const typing = () => (p.doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
      const mark = { insertion: { id: "s1", delegation: "ALB" } };
      typing().insert(21, " and strongly", mark);
      await waitFor(() => op1Text() === "Continue to implement and strongly", 5000, "first words stored");
      // In one tick: her next words leave for the server, which restores before they arrive.
      typing().insert(34, " urge", mark);
      versions.restore(docId, CHAIR, rev1.id);
      expect(published).toEqual([{ type: "restored", version: "Rev.1", saved: "Before restoring Rev.1", change: { client: expect.any(Number), clock: expect.any(Number) } }]);
      const event = published[0] as Extract<LiveEvent, { type: "restored" }>;
      await expect(own.whenArrived(event.change!, 5000)).resolves.toEqual([{ blockId: "op1", text: " and strongly urge" }]);
      // The words that reached the server after the restore went into the deleted paragraph:
      // Yjs drops them there, on both copies, and nothing is reverted.
      const mine = Y.getState(p.doc.store, p.doc.clientID);
      await waitFor(() => h.collab.withRoom(docId, (room) => Y.getState(room.doc.store, p.doc.clientID) === mine), 5000, "late words reached the server");
      expect(op1Text()).toBe("Continue to implement");
      expect(renderParagraphs(p.doc)[0]!.text).toBe("Continue to implement");
      expect(h.reverted).toEqual([]);
      own.destroy();
    } finally {
      p.destroy();
    }
  });
});

describe("symbols: one official symbol, one text", () => {
  const CRP = "A/AC.292/2025/CRP.1";

  /** Every symbol the document's versions carry, with the texts saved under it. */
  function textsBySymbol(): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const v of versions.list(docId, CHAIR)) {
      if (!v.symbol) continue;
      const text = versions.get(docId, CHAIR, v.id).paragraphs.map((p) => p.text).join("\n");
      out.set(v.symbol, (out.get(v.symbol) ?? new Set()).add(text));
    }
    return out;
  }

  it("refuses a symbol another version has, whatever its case or invisible characters, saying which", () => {
    versions.create(docId, CHAIR, { label: "Zero draft", symbol: CRP });
    editOp1(" all decisions");
    expect(() => versions.create(docId, CHAIR, { label: "Rev.1", symbol: CRP })).toThrow(`version "Zero draft" has the symbol ${CRP} already: each version needs its own`);
    expect(() => versions.create(docId, CHAIR, { label: "Rev.1", symbol: "a/ac.292/2025/crp.1\u200B" })).toThrow(/version "Zero draft" has the symbol/);
    const rev1 = versions.create(docId, CHAIR, { label: "Rev.1", symbol: `${CRP}/Rev.1` });
    expect(rev1.symbol).toBe(`${CRP}/Rev.1`);
    expect(versions.list(docId, CHAIR).map((v) => [v.label, v.symbol])).toEqual([["Rev.1", `${CRP}/Rev.1`], ["Zero draft", CRP]]);
  });

  it("a version saved without a symbol has none: the document's is the zero draft's, not every text's", () => {
    h.database.sqlite.prepare("UPDATE documents SET symbol = 'MC.DEC/5/17' WHERE id = ?").run(docId);
    versions.create(docId, CHAIR, { label: "Zero draft", symbol: "MC.DEC/5/17" });
    editOp1(" all decisions");
    expect(versions.create(docId, CHAIR, { label: "First reading" }).symbol).toBeNull();
    expect([...textsBySymbol().values()].map((texts) => texts.size)).toEqual([1]);
  });

  it("a restore: the text saved before it gets no symbol, the restored text its own; no symbol ever names two texts", () => {
    const zero = versions.create(docId, CHAIR, { label: "Zero draft", symbol: CRP });
    editOp1(" all decisions");
    const rev1 = versions.create(docId, CHAIR, { label: "Rev.1", symbol: `${CRP}/Rev.1` });
    editOp1(" again");
    versions.create(docId, CHAIR, { label: "Rev.2", symbol: `${CRP}/Rev.2` });
    editOp1(" and further");
    const first = versions.restore(docId, CHAIR, rev1.id);
    expect([first.saved.label, first.saved.symbol]).toEqual(["Before restoring Rev.1", null]);
    expect([first.restored.label, first.restored.symbol]).toEqual(["Rev.1 (restored)", `${CRP}/Rev.1`]);
    // Restored with nothing changed since: the text saved first is Rev.1's, and still has no symbol of its own.
    const second = versions.restore(docId, CHAIR, zero.id);
    expect([second.saved.symbol, second.restored.symbol]).toEqual([null, CRP]);
    expect(versions.get(docId, CHAIR, second.saved.id).symbol).toBeNull();
    const texts = textsBySymbol();
    expect([...texts.keys()].sort()).toEqual([CRP, `${CRP}/Rev.1`, `${CRP}/Rev.2`]);
    for (const [symbol, saved] of texts) expect(saved.size, symbol).toBe(1);
  });
});

describe("compare reads the accepted text", () => {
  /** A document of `blocks` with the chair's role, its compare service, and Rev.1 saved of it. */
  async function compareOn(blocks: Parameters<typeof h.createDocument>[0]) {
    const { createCompare } = await import("./compare");
    const id = h.createDocument(blocks);
    h.database.sqlite.prepare("INSERT INTO document_roles (document_id, user_id, role) VALUES (?, ?, 'chair')").run(id, CHAIR);
    const compare = createCompare({ db: h.database.db, events: new EventLog(h.database.sqlite), versions });
    return { id, compare, rev1: versions.create(id, CHAIR, { label: "Rev.1" }) };
  }

  it("leaves pending suggested insertions out and reads brackets as the Word exports print them", async () => {
    const { id, compare, rev1 } = await compareOn([
      {
        id: "op1",
        kind: "operative",
        runs: [{ text: "Continue to " }, { text: "fully ", marks: ["insertion"] }, { text: "implement", marks: ["bracket"] }],
      },
    ]);
    h.collab.applyServerChange(
      id,
      (doc) => {
        const t = (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
        t.insert(t.length, " all decisions", { bracket: null });
      },
      { userId: CHAIR, delegationId: null },
    );
    const result = await compare.compare(id, CHAIR, rev1.id, "live");
    expect(result.pairs[0]!.ops).toEqual([
      [0, "Continue to [implement]"],
      [1, " all decisions"],
    ]);
    expect(result.pairs[0]!.to[0]!.text).toBe("Continue to [implement] all decisions");
    // Unbracketing is a change of the text, shown on the compare page as in the redline.
    const rev2 = versions.create(id, CHAIR, { label: "Rev.2" });
    h.collab.applyServerChange(
      id,
      (doc) => {
        const t = (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
        t.format(0, t.length, { bracket: null });
      },
      { userId: CHAIR, delegationId: null },
    );
    const unbracketed = await compare.compare(id, CHAIR, rev2.id, "live");
    expect(unbracketed.summary.modified).toBe(1);
    expect(unbracketed.pairs[0]!.to[0]!.text).toBe("Continue to implement all decisions");
  });

  it("names the tracked changes each side holds that await a decision (not compared), one per change, with paragraph and delegation", async () => {
    const { id, compare, rev1 } = await compareOn([
      { id: "op1", kind: "operative", runs: [{ text: "Continue to implement" }] },
      { id: "op2", kind: "operative", runs: [{ text: "Invite the Partners" }] },
    ]);
    h.collab.applyServerChange(
      id,
      (doc) => {
        const para = (i: number) => (doc.getXmlFragment("default").get(i) as Y.XmlElement).get(0) as Y.XmlText;
        // A replacement (two pieces, one change) in OP2 and an insertion in OP1, by two delegations.
        para(1).format(0, 6, { deletion: { id: "r1", delegation: "ZZA" } });
        para(1).insert(6, "Encourage", { insertion: { id: "r1", delegation: "ZZA" } });
        para(0).insert(21, " fully", { insertion: { id: "i1", delegation: "ZZB" } });
      },
      { userId: CHAIR, delegationId: null },
    );
    const result = await compare.compare(id, CHAIR, rev1.id, "live");
    expect(result.summary.modified).toBe(0);
    expect(result.pending).toEqual({
      from: [],
      to: [
        { paragraph: "OP1", delegation: "ZZB" },
        { paragraph: "OP2", delegation: "ZZA" },
      ],
    });
    // Saved with them, a version holds them too.
    const rev2 = versions.create(id, CHAIR, { label: "Rev.2" });
    expect((await compare.compare(id, CHAIR, rev2.id, rev1.id)).pending.from).toHaveLength(2);
  });
  it("says which paragraphs changed status between the versions, though their words did not (agreed since Rev.1)", async () => {
    const { id, compare, rev1 } = await compareOn([
      { id: "op1", kind: "operative", runs: [{ text: "Continue to implement" }] },
      { id: "op2", kind: "operative", runs: [{ text: "Invite the Partners" }] },
    ]);
    h.database.sqlite.prepare("INSERT INTO paragraph_status (document_id, block_id, status, updated_by, updated_at) VALUES (?, 'op2', 'agreed', ?, 0)").run(id, CHAIR);
    const result = await compare.compare(id, CHAIR, rev1.id, "live");
    expect(result.summary.unchanged).toBe(2);
    expect(result.statuses).toEqual([null, { from: "open", to: "agreed" }]);
    const rev2 = versions.create(id, CHAIR, { label: "Rev.2" });
    expect((await compare.compare(id, CHAIR, rev2.id, rev1.id)).statuses).toEqual([null, { from: "agreed", to: "open" }]);
    // A deleted agreed paragraph was deleted, not reopened.
    h.collab.applyServerChange(id, (doc) => doc.getXmlFragment("default").delete(1, 1), { userId: CHAIR, delegationId: null });
    const deleted = await compare.compare(id, CHAIR, rev2.id, "live");
    expect(deleted.pairs.map((p) => p.classification)).toEqual(["unchanged", "deleted"]);
    expect(deleted.statuses).toEqual([null, null]);
  });
});
