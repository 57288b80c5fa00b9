import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { renderParagraphs } from "../../lib/model/ydoc";
import { EventLog } from "../db/event-log";
import { EventBus, type LiveEvent } from "../events";
import { startCollabHarness, type CollabHarness } from "../test/collab-harness";
import { waitFor } from "../test/temp-dir";
import { listSuggestions } from "../../lib/negotiation/suggestions";
import { verifyAuditChains } from "../db/audit";
import { agreedParagraphs, createDrafting, suggestionDecisionsOf } from "./drafting";

let h: CollabHarness;
let docId: string;
let drafting: ReturnType<typeof createDrafting>;
let alb: { token: string; userId: string };
let published: LiveEvent[];
let events: EventLog;
const CHAIR = "user-chair";
const OP1 = "Continue to implement all decisions";
const open: WebsocketProvider[] = [];

beforeEach(async () => {
  // The rooms read the agreed paragraphs from the database, as server/wiring.ts has them do.
  h = await startCollabHarness({ agreedParagraphs: (documentId) => agreedParagraphs(h.database.db, documentId) });
  docId = h.createDocument([
    { id: "op1", kind: "operative", runs: [{ text: OP1 }] },
    { id: "op2", kind: "operative", runs: [{ text: "Invite the Partners" }] },
  ]);
  h.database.sqlite.prepare("INSERT INTO user (id, name, email) VALUES (?, 'Chair', 'chair@example.org')").run(CHAIR);
  h.database.sqlite.prepare("INSERT INTO document_roles (document_id, user_id, role) VALUES (?, ?, 'chair')").run(docId, CHAIR);
  alb = h.person("alb", "ALB");
  h.grant(docId, alb.userId, "delegate");
  h.setMode(docId, "open_drafting");
  const bus = new EventBus();
  published = [];
  bus.subscribe({ documentId: docId, userId: "watcher", sessionId: "s", send: (e) => published.push(e), close: () => {} });
  events = new EventLog(h.database.sqlite);
  drafting = createDrafting({ db: h.database.db, sqlite: h.database.sqlite, collab: h.collab, events, bus });
});
afterEach(async () => {
  for (const p of open.splice(0)) p.destroy();
  await h.close();
});

async function connect(): Promise<WebsocketProvider> {
  const p = h.provider(docId, alb.token);
  open.push(p);
  await waitFor(() => p.synced, 5000, "sync");
  return p;
}

const text = (doc: Y.Doc, id: string) => renderParagraphs(doc).find((p) => p.id === id)?.text ?? "";
const serverText = (id: string) => h.collab.withRoom(docId, (room) => text(room.doc, id));
const suggest = (doc: Y.Doc, index: number, id: string) =>
  ((doc.getXmlFragment("default").get(index) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Also ", { insertion: { id, delegation: "ALB" } });

describe("the chair edits the document's details", () => {
  it("sets the fields given, keeps the others, records what each was and became (in the hash chain), tells open windows; a delegate may not", () => {
    const details = drafting.setDetails(docId, CHAIR, { title: "Final report", symbol: "A/AC.292/2025/L.1", place: null });
    expect(details).toMatchObject({ title: "Final report", symbol: "A/AC.292/2025/L.1", place: null });
    const row = h.database.sqlite.prepare("SELECT title, symbol, date FROM documents WHERE id = ?").get(docId) as { title: string; symbol: string; date: string | null };
    expect(row).toMatchObject({ title: "Final report", symbol: "A/AC.292/2025/L.1" });
    const logged = events.forDocument(docId).filter((e) => e.action === "details");
    expect(logged).toHaveLength(1);
    // Only what changed (the place was empty already).
    expect(JSON.parse(logged[0]!.payload!)).toEqual({ title: { from: expect.any(String), to: "Final report" }, symbol: { from: null, to: "A/AC.292/2025/L.1" } });
    expect(logged[0]!.userId).toBe(CHAIR);
    expect(published).toContainEqual({ type: "details", details });
    expect(verifyAuditChains(h.database.sqlite).problems).toEqual([]);
    // The same again: nothing changed, nothing recorded or told.
    drafting.setDetails(docId, CHAIR, { title: "Final report" });
    expect(events.forDocument(docId).filter((e) => e.action === "details")).toHaveLength(1);
    expect(published.filter((e) => e.type === "details")).toHaveLength(1);
    h.database.sqlite.prepare("INSERT INTO user (id, name, email) VALUES ('user-obs', 'Observer', 'obs@example.org')").run();
    h.database.sqlite.prepare("INSERT INTO document_roles (document_id, user_id, role) VALUES (?, 'user-obs', 'observer')").run(docId);
    expect(() => drafting.setDetails(docId, "user-obs", { title: "An observer's report" })).toThrow(/chair/);
    // A saved version's symbol is its own: the live text may not take it (whatever its case).
    h.database.sqlite
      .prepare("INSERT INTO versions (id, document_id, label, symbol, state, paragraphs, upto_seq, created_by, created_at) VALUES ('v1', ?, 'Rev.1', 'A/AC.292/2025/L.1/Rev.1', x'00', '[]', 0, ?, 0)")
      .run(docId, CHAIR);
    expect(() => drafting.setDetails(docId, CHAIR, { symbol: "a/ac.292/2025/l.1/REV.1" })).toThrow('version "Rev.1" has the symbol a/ac.292/2025/l.1/REV.1 already');
    expect(drafting.setDetails(docId, CHAIR, { symbol: "A/AC.292/2025/L.1/Rev.2" }).symbol).toBe("A/AC.292/2025/L.1/Rev.2");
    expect((h.database.sqlite.prepare("SELECT title FROM documents WHERE id = ?").get(docId) as { title: string }).title).toBe("Final report");
  });
});

describe("the chair's paragraph status closes a paragraph to delegates' drafting", () => {
  it("at once in an open room, and open again when the chair reopens it", async () => {
    const a = await connect();
    drafting.setParagraphStatus(docId, CHAIR, "op1", "agreed");
    suggest(a.doc, 0, "s1");
    await waitFor(() => h.reverted.length === 1 && text(a.doc, "op1") === OP1, 5000, "suggestion reverted");
    expect(h.reverted[0]!.reason).toBe("suggests in agreed paragraph op1: the chair must reopen it first");
    drafting.setParagraphStatus(docId, CHAIR, "op1", "bracketed");
    suggest(a.doc, 0, "s2");
    await waitFor(() => serverText("op1") === `Also ${OP1}`, 5000, "suggestion kept once reopened");
    expect(h.reverted).toHaveLength(1);
  });

  it("not while tracked changes wait in the paragraph: the chair decides them first", async () => {
    const a = await connect();
    suggest(a.doc, 0, "s1");
    await waitFor(() => serverText("op1") === `Also ${OP1}`, 5000, "suggestion stored");
    expect(() => drafting.setParagraphStatus(docId, CHAIR, "op1", "agreed")).toThrow("the paragraph has 1 tracked change awaiting a decision: accept or reject it first");
    drafting.setParagraphStatus(docId, CHAIR, "op1", "bracketed");
    drafting.decideSuggestions(docId, CHAIR, { decision: "reject", blockId: "op1" });
    drafting.setParagraphStatus(docId, CHAIR, "op1", "agreed");
    expect(agreedParagraphs(h.database.db, docId)).toEqual(["op1"]);
  });

  it("in a room loaded after the status was stored (read from the database)", async () => {
    drafting.setParagraphStatus(docId, CHAIR, "op2", "agreed_ad_ref");
    await waitFor(() => h.collab.stats().rooms === 0, 5000, "idle room unloaded");
    const a = await connect();
    suggest(a.doc, 1, "s1");
    await waitFor(() => h.reverted.length === 1 && text(a.doc, "op2") === "Invite the Partners", 5000, "suggestion reverted");
    suggest(a.doc, 0, "s2");
    await waitFor(() => serverText("op1") === `Also ${OP1}`, 5000, "another paragraph still takes suggestions");
    expect(h.reverted).toHaveLength(1);
  });
});

describe("the delegations are told of the chair's decisions on their tracked changes", () => {
  /** A tracked change of another delegation, written by the server (no second socket needed). */
  const serverSuggest = (index: number, id: string, delegation: string, words: string) =>
    h.collab.applyServerChange(docId, (doc) => ((doc.getXmlFragment("default").get(index) as Y.XmlElement).get(0) as Y.XmlText).insert(0, words, { insertion: { id, delegation } }), { userId: CHAIR, delegationId: null });
  const decided = () => published.filter((e) => e.type === "suggestions-decided");

  it("one rejected with its reason; a paragraph's accepted at once is one event naming every delegation's pieces", async () => {
    const a = await connect();
    suggest(a.doc, 0, "s1");
    await waitFor(() => serverText("op1") === `Also ${OP1}`, 5000, "suggestion stored");
    drafting.decideSuggestions(docId, CHAIR, { decision: "reject", id: "s1", reason: " Not agreed in informal consultations. " });
    expect(decided()).toEqual([
      { type: "suggestions-decided", seq: expect.any(Number), decision: "rejected", reason: "Not agreed in informal consultations.", pieces: [{ id: "s1", type: "insertion", delegation: "ALB", blockId: "op1", text: "Also " }] },
    ]);
    serverSuggest(1, "s2", "ALB", "Further ");
    serverSuggest(1, "s3", "BLR", "Kindly ");
    drafting.decideSuggestions(docId, CHAIR, { decision: "accept", blockId: "op2" });
    expect(decided()[1]).toEqual({
      type: "suggestions-decided",
      seq: expect.any(Number),
      decision: "accepted",
      reason: null,
      pieces: [
        { id: "s3", type: "insertion", delegation: "BLR", blockId: "op2", text: "Kindly " },
        { id: "s2", type: "insertion", delegation: "ALB", blockId: "op2", text: "Further " },
      ],
    });

    // A delegation coming back reads the same decisions from the log, with only its own pieces,
    // under the seq of the events it was told live (which its browser remembers as seen).
    const [rejected, accepted] = decided() as Extract<LiveEvent, { type: "suggestions-decided" }>[];
    expect(accepted!.seq).toBeGreaterThan(rejected!.seq);
    expect(suggestionDecisionsOf(events, docId, "ALB")).toEqual([
      { seq: rejected!.seq, decision: "rejected", reason: "Not agreed in informal consultations.", pieces: [{ id: "s1", type: "insertion", delegation: "ALB", blockId: "op1", text: "Also " }] },
      { seq: accepted!.seq, decision: "accepted", reason: null, pieces: [{ id: "s2", type: "insertion", delegation: "ALB", blockId: "op2", text: "Further " }] },
    ]);
    expect(suggestionDecisionsOf(events, docId, "BLR")).toEqual([
      { seq: accepted!.seq, decision: "accepted", reason: null, pieces: [{ id: "s3", type: "insertion", delegation: "BLR", blockId: "op2", text: "Kindly " }] },
    ]);
    expect(suggestionDecisionsOf(events, docId, "RUS")).toEqual([]);
    // Behind a hundred decisions on other delegations' changes, its own is still read.
    for (let i = 0; i < 105; i++) events.append({ documentId: docId, action: "suggestion_rejected", userId: CHAIR, delegationId: null, payload: { suggestions: [{ id: `x${i}`, type: "insertion", delegation: "BLR", blockId: "op1", text: "x" }] } });
    expect(suggestionDecisionsOf(events, docId, "ALB").map((d) => d.seq)).toEqual([rejected!.seq, accepted!.seq]);
  });

  it("a withdrawal is told too (the chair's review item goes away)", async () => {
    h.database.sqlite.prepare("INSERT INTO delegations (id, code, name, kind, color) VALUES ('ALB', 'ALB', 'Albania', 'state', '#123456')").run();
    h.database.sqlite.prepare("INSERT OR IGNORE INTO user (id, name, email) VALUES (?, 'alb', 'alb@example.org')").run(alb.userId);
    h.database.sqlite.prepare("INSERT INTO document_roles (document_id, user_id, role, delegation_id) VALUES (?, ?, 'delegate', 'ALB')").run(docId, alb.userId);
    const a = await connect();
    suggest(a.doc, 1, "s1");
    await waitFor(() => serverText("op2") === "Also Invite the Partners", 5000, "suggestion stored");
    drafting.withdrawSuggestion(docId, alb.userId, "s1");
    expect(published.filter((e) => e.type === "suggestion-withdrawn")).toEqual([{ type: "suggestion-withdrawn", pieces: [{ id: "s1", type: "insertion", delegation: "ALB", blockId: "op2", text: "Also " }] }]);
  });
});

describe("a delegation withdraws its own tracked change", () => {
  const member = (userId: string, role: string, delegationId: string | null) => {
    h.database.sqlite.prepare("INSERT OR IGNORE INTO user (id, name, email) VALUES (?, ?, ?)").run(userId, userId, `${userId}@example.org`);
    h.database.sqlite.prepare("INSERT INTO document_roles (document_id, user_id, role, delegation_id) VALUES (?, ?, ?, ?)").run(docId, userId, role, delegationId);
  };
  beforeEach(() => {
    for (const [id, code] of [["ALB", "ALB"], ["BLR", "BLR"]]) {
      h.database.sqlite.prepare("INSERT INTO delegations (id, code, name, kind, color) VALUES (?, ?, ?, 'state', '#123456')").run(id, code, code);
    }
    member(alb.userId, "delegate", "ALB");
    member("user-blr", "delegate", "BLR");
    member("user-obs", "observer", null);
  });
  const events = () => h.database.sqlite.prepare("SELECT action, user_id AS userId FROM negotiation_events WHERE document_id = ? ORDER BY seq").all(docId) as { action: string; userId: string }[];

  it("under the chair's pen and in a paragraph closed to drafting, where its delegates can no longer edit it away", async () => {
    const a = await connect();
    suggest(a.doc, 0, "s1");
    suggest(a.doc, 1, "s2");
    await waitFor(() => serverText("op1") === `Also ${OP1}` && serverText("op2") === "Also Invite the Partners", 5000, "suggestions stored");
    h.setMode(docId, "chairs_pen");
    expect(drafting.withdrawSuggestion(docId, alb.userId, "s1")).toMatchObject({ withdrawn: 1, suggestions: [{ id: "s1", delegation: "ALB", blockId: "op1", text: "Also " }] });
    expect(serverText("op1")).toBe(OP1);
    await waitFor(() => text(a.doc, "op1") === OP1, 5000, "the delegate's copy follows");
    // Joined into agreed text (the chair's editor keeps the first paragraph's status): still its own to withdraw.
    h.database.sqlite.prepare("INSERT INTO paragraph_status (document_id, block_id, status, updated_by, updated_at) VALUES (?, 'op2', 'agreed', ?, 0)").run(docId, CHAIR);
    h.collab.setAgreed(docId, "op2", true);
    drafting.withdrawSuggestion(docId, alb.userId, "s2");
    expect(serverText("op2")).toBe("Invite the Partners");
    expect(events().filter((e) => e.action === "suggestion_withdrawn").map((e) => e.userId)).toEqual([alb.userId, alb.userId]);
    expect(h.reverted).toHaveLength(0);
  });

  it("nobody else can: another delegation, the chair (who rejects instead), an observer; a decided one is gone", async () => {
    const a = await connect();
    suggest(a.doc, 0, "s1");
    await waitFor(() => serverText("op1") === `Also ${OP1}`, 5000, "suggestion stored");
    for (const userId of ["user-blr", CHAIR, "user-obs"]) {
      expect(() => drafting.withdrawSuggestion(docId, userId, "s1")).toThrow("only the delegation that proposed a tracked change can withdraw it");
    }
    expect(() => drafting.withdrawSuggestion(docId, "user-nobody", "s1")).toThrow("no role on this document");
    expect(serverText("op1")).toBe(`Also ${OP1}`);
    drafting.decideSuggestions(docId, CHAIR, { decision: "accept", id: "s1" });
    expect(() => drafting.withdrawSuggestion(docId, alb.userId, "s1")).toThrow("no such tracked change: it was decided or withdrawn meanwhile");
    expect(serverText("op1")).toBe(`Also ${OP1}`);
    expect(events().map((e) => e.action)).toEqual(["suggestion_accepted"]);
  });
});

describe("a replacement (words typed over a selection) is one tracked change", () => {
  /** ALB types "carry out" over "implement": the deletion and the insertion under one id, as the editor writes them. */
  const replace = (doc: Y.Doc, id: string) =>
    doc.transact(() => {
      const t = (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
      t.format(12, 9, { deletion: { id, delegation: "ALB" } });
      t.insert(21, "carry out", { insertion: { id, delegation: "ALB" } });
    });
  const pieces = (id: string) => [
    { id, type: "deletion", delegation: "ALB", blockId: "op1", text: "implement" },
    { id, type: "insertion", delegation: "ALB", blockId: "op1", text: "carry out" },
  ];
  const stored = async () => {
    const a = await connect();
    replace(a.doc, "r1");
    await waitFor(() => serverText("op1") === "Continue to implementcarry out all decisions", 5000, "replacement stored");
    expect(h.reverted).toHaveLength(0);
    return a;
  };
  const logged = () => h.database.sqlite.prepare("SELECT action, reason, payload FROM negotiation_events WHERE document_id = ? ORDER BY seq").all(docId) as { action: string; reason: string | null; payload: string }[];

  it("rejected as a whole, with one reason: the old words stay unmarked, the new ones go; the delegation is told once", async () => {
    const a = await stored();
    expect(drafting.decideSuggestions(docId, CHAIR, { decision: "reject", id: "r1", reason: "Keep the agreed wording." })).toMatchObject({ decided: 2 });
    expect(serverText("op1")).toBe(OP1);
    await waitFor(() => text(a.doc, "op1") === OP1, 5000, "the delegate's copy follows");
    expect(h.collab.withRoom(docId, (room) => listSuggestions(room.doc))).toEqual([]);
    expect(published.filter((e) => e.type === "suggestions-decided")).toEqual([
      { type: "suggestions-decided", seq: expect.any(Number), decision: "rejected", reason: "Keep the agreed wording.", pieces: pieces("r1") },
    ]);
    expect(logged()).toEqual([{ action: "suggestion_rejected", reason: "Keep the agreed wording.", payload: JSON.stringify({ suggestions: pieces("r1") }) }]);
  });

  it("accepted as a whole: the old words go, the new ones stay unmarked", async () => {
    await stored();
    drafting.decideSuggestions(docId, CHAIR, { decision: "accept", id: "r1" });
    expect(serverText("op1")).toBe("Continue to carry out all decisions");
    expect(h.collab.withRoom(docId, (room) => listSuggestions(room.doc))).toEqual([]);
    expect(published.filter((e) => e.type === "suggestions-decided")).toHaveLength(1);
  });

  it("accepted with its paragraph's changes after the chair split it: both halves, in both paragraphs", async () => {
    await stored();
    // The chair splits OP1 between the deletion and the insertion.
    h.collab.applyServerChange(
      docId,
      (doc) => {
        const fragment = doc.getXmlFragment("default");
        const t = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
        const tail = new Y.XmlElement("operative");
        tail.setAttribute("id", "op1b");
        const rest = new Y.XmlText();
        rest.applyDelta(t.toDelta().slice(2));
        tail.insert(0, [rest]);
        t.delete(21, t.length - 21);
        fragment.insert(1, [tail]);
      },
      { userId: CHAIR, delegationId: null },
    );
    expect(serverText("op1b")).toBe("carry out all decisions");
    const { suggestions } = drafting.decideSuggestions(docId, CHAIR, { decision: "accept", blockId: "op1" });
    expect(suggestions.map((s) => [s.blockId, s.type])).toEqual([
      ["op1", "deletion"],
      ["op1b", "insertion"],
    ]);
    expect([serverText("op1"), serverText("op1b")]).toEqual(["Continue to ", "carry out all decisions"]);
    expect(h.collab.withRoom(docId, (room) => listSuggestions(room.doc))).toEqual([]);
  });

  it("withdrawn as a whole by its delegation, and the chair told once", async () => {
    h.database.sqlite.prepare("INSERT INTO delegations (id, code, name, kind, color) VALUES ('ALB', 'ALB', 'Albania', 'state', '#123456')").run();
    h.database.sqlite.prepare("INSERT OR IGNORE INTO user (id, name, email) VALUES (?, 'alb', 'alb@example.org')").run(alb.userId);
    h.database.sqlite.prepare("INSERT INTO document_roles (document_id, user_id, role, delegation_id) VALUES (?, ?, 'delegate', 'ALB')").run(docId, alb.userId);
    await stored();
    h.setMode(docId, "chairs_pen");
    expect(drafting.withdrawSuggestion(docId, alb.userId, "r1")).toMatchObject({ withdrawn: 2 });
    expect(serverText("op1")).toBe(OP1);
    expect(published.filter((e) => e.type === "suggestion-withdrawn")).toEqual([{ type: "suggestion-withdrawn", pieces: pieces("r1") }]);
    expect(logged().map((e) => e.action)).toEqual(["suggestion_withdrawn"]);
  });
});
