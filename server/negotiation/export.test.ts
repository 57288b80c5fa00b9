import { execFileSync } from "node:child_process";
import { renderFile } from "../render";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { EventLog } from "../db/event-log";
import { EventBus } from "../events";
import { createAnnotations } from "./annotations";
import { startCollabHarness, type CollabHarness } from "../test/collab-harness";
import { createCompare } from "./compare";
import { createExports, type ProposalSource } from "./export";
import { createVersions } from "./versions";
import { pdfToText } from "../../test/readers/readers";
import { styledRuns } from "../../lib/exporter/test-docx";

/** xmllint (libxml2, installed by .ci/run) reads the XML: nonzero exit when it is not well formed. */
function wellFormed(xml: string): boolean {
  try {
    execFileSync("xmllint", ["--noout", "-"], { input: xml, stdio: ["pipe", "ignore", "ignore"] });
    return true;
  } catch {
    return false;
  }
}

let h: CollabHarness;
let docId: string;
const CHAIR = "user-chair";
// What a paste from another program, or a hostile client, can put in the live text.
const BAD = "A further\uFFFE\u0007 step";

beforeEach(async () => {
  h = await startCollabHarness();
  docId = h.createDocument([
    { id: "op1", kind: "operative", runs: [{ text: "Continue to implement" }] },
    { id: "op2", kind: "operative", runs: [{ text: "Invite the Partners" }] },
  ]);
  h.database.sqlite.prepare("INSERT INTO user (id, name, email) VALUES (?, 'Chair', 'chair@example.org')").run(CHAIR);
  h.database.sqlite.prepare("INSERT INTO document_roles (document_id, user_id, role) VALUES (?, ?, 'chair')").run(docId, CHAIR);
});
afterEach(async () => {
  await h.close();
});

describe("exports of a text holding characters XML cannot carry", () => {
  it("leave those characters out: Word, redline, compilation and Akoma Ntoso files stay well formed", async () => {
    const events = new EventLog(h.database.sqlite);
    const versions = createVersions({ db: h.database.db, sqlite: h.database.sqlite, collab: h.collab, events, updateLog: h.updateLog, bus: new EventBus() });
    const rev1 = versions.create(docId, CHAIR, { label: "Rev.1" });
    h.collab.applyServerChange(
      docId,
      (doc) => {
        const t = (doc.getXmlFragment("default").get(1) as Y.XmlElement).get(0) as Y.XmlText;
        t.insert(t.length, ` ${BAD}`);
      },
      { userId: CHAIR, delegationId: null },
    );
    const proposal: ProposalSource = {
      blockId: "op2",
      kind: "amendment",
      op: "replace",
      quote: "Invite",
      proposedText: BAD,
      body: `note ${BAD}`,
      status: "open",
      createdAt: 1,
      author: { userName: "Delegate\uFFFF", delegation: null },
      cosponsors: [],
      history: [],
    };
    const exports = createExports({ render: renderFile,
      versions,
      compare: createCompare({ db: h.database.db, events, versions }),
      meta: () => ({ title: `Title ${BAD}`, symbol: null, date: null }),
      proposals: () => [proposal],
    });

    const docx = async (format: "docx" | "docx-redline" | "compilation") => {
      const file = await exports.export(docId, CHAIR, format, "live", format === "docx-redline" ? rev1.id : undefined);
      return strFromU8(unzipSync(file.body as Uint8Array)["word/document.xml"]!);
    };
    for (const format of ["docx", "docx-redline", "compilation"] as const) {
      const xml = await docx(format);
      expect(wellFormed(xml), format).toBe(true);
      expect(xml, format).toContain("A further");
      expect(xml, format).not.toMatch(/[\uFFFE\uFFFF\u0007]/);
    }
    const akn = (await exports.export(docId, CHAIR, "akn", "live")).body as string;
    expect(wellFormed(akn)).toBe(true);
    expect(akn).toContain("A further step");
    // The check itself fails on the characters left in.
    expect(wellFormed(`<p>${BAD}</p>`)).toBe(false);
  });
});

/** The compilation's paragraphs as text, one string per Word paragraph (table cells hold one each). */
async function compilationText(file: { body: Uint8Array | string }): Promise<string[]> {
  const xml = strFromU8(unzipSync(file.body as Uint8Array)["word/document.xml"]!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
}

describe("the compilation of proposals", () => {
  it("of a saved version lists the positions filed before it with their status and co-sponsors then; the live text's as they stand; both list pending tracked changes", async () => {
    const sql = h.database.sqlite;
    sql.prepare("INSERT INTO delegations (id, code, name, kind, color) VALUES ('d-alb', 'ALB', 'Albania', 'state', '#b91c1c'), ('d-blr', 'BLR', 'Belarus', 'state', '#4d7c0f')").run();
    for (const [user, delegation] of [["user-alb", "d-alb"], ["user-blr", "d-blr"]] as const) {
      sql.prepare("INSERT INTO user (id, name, email) VALUES (?, ?, ?)").run(user, user, `${user}@example.org`);
      sql.prepare("INSERT INTO document_roles (document_id, user_id, role, delegation_id) VALUES (?, ?, 'delegate', ?)").run(docId, user, delegation);
    }
    const events = new EventLog(sql);
    const annotations = createAnnotations({ db: h.database.db, sqlite: sql, collab: h.collab, events, bus: new EventBus() });
    const versions = createVersions({ db: h.database.db, sqlite: sql, collab: h.collab, events, updateLog: h.updateLog, bus: new EventBus() });
    const exports = createExports({ render: renderFile,
      versions,
      compare: createCompare({ db: h.database.db, events, versions }),
      meta: () => ({ title: "Decision", symbol: "MC.DEC/5/17", date: null }),
      proposals: (documentId) => annotations.all(documentId),
    });
    const track = (index: number, at: number, change: { insert: string } | { delete: number }, mark: "insertion" | "deletion", id: string, delegation = mark === "insertion" ? "ALB" : "BLR") =>
      h.collab.applyServerChange(
        docId,
        (doc) => {
          const t = (doc.getXmlFragment("default").get(index) as Y.XmlElement).get(0) as Y.XmlText;
          const attributes = { [mark]: { id, delegation } };
          if ("insert" in change) t.insert(at, change.insert, attributes);
          else t.format(at, change.delete, attributes);
        },
        { userId: CHAIR, delegationId: null },
      );

    const amendment = annotations.create(docId, "user-alb", { blockId: "op2", from: 0, to: 6, quote: "Invite", kind: "amendment", op: "replace", proposedText: "Encourage" });
    annotations.cosponsor(docId, "user-blr", amendment.id);
    const objection = annotations.create(docId, "user-blr", { blockId: "op1", from: 0, to: 8, quote: "Continue", kind: "objection", body: "Premature." });
    track(0, 12, { insert: "fully " }, "insertion", "s-alb");
    const zero = versions.create(docId, CHAIR, { label: "Zero draft" });
    // After the zero draft: Belarus stops co-sponsoring, the chair accepts the amendment and
    // rejects the objection, Belarus files a reservation and proposes a deletion.
    annotations.uncosponsor(docId, "user-blr", amendment.id);
    annotations.decide(docId, CHAIR, amendment.id, { decision: "accept" });
    annotations.decide(docId, CHAIR, objection.id, { decision: "reject", reason: "Not now." });
    annotations.create(docId, "user-blr", { blockId: "op1", from: 0, to: 8, quote: "Continue", kind: "reservation", body: "Filed later." });
    track(1, 0, { delete: 9 }, "deletion", "s-blr");
    // Albania types "partners" over "Partners": one replacement (one id), listed once.
    track(1, 14, { delete: 8 }, "deletion", "s-rep", "ALB");
    track(1, 22, { insert: "partners" }, "insertion", "s-rep", "ALB");

    const zeroText = await compilationText(await exports.export(docId, CHAIR, "compilation", zero.id));
    expect(zeroText).toContain("Invite the Partners");
    expect(zeroText).toContain("Albania (co-sponsored by Belarus) — Amendment: replace “Invite” with “Encourage” [open]");
    expect(zeroText).toContain("Belarus — Objection: Premature. [open]");
    expect(zeroText).toContain("Albania — Tracked change: insert “fully ” [pending]");
    expect(zeroText.join("\n")).not.toMatch(/\[accepted\]|\[rejected\]|Filed later|Tracked change: delete/);
    expect(zeroText).toContain("Compilation of proposals — Zero draft — 2 paragraphs, 3 proposals and positions");

    const liveText = await compilationText(await exports.export(docId, CHAIR, "compilation", "live"));
    expect(liveText).toContain("Encourage the Partners");
    expect(liveText).toContain("Albania — Amendment: replace “Invite” with “Encourage” [accepted]");
    // The chair's reason, which the compilation used to leave out.
    expect(liveText).toContain("Belarus — Objection: Premature. [rejected: “Not now.”]");
    expect(liveText).toContain("Belarus — Reservation: Filed later. [open]");
    expect(liveText).toContain("Albania — Tracked change: insert “fully ” [pending]");
    expect(liveText).toContain("Belarus — Tracked change: delete “Encourage” [pending]");
    expect(liveText).toContain("Albania — Tracked change: replace “Partners” with “partners” [pending]");
    expect(liveText.join("\n")).not.toMatch(/Tracked change: (insert “partners”|delete “Partners”)/);

    // An objection the chair accepted is upheld, as the review queue and the delegation's notice call it.
    const upheld = annotations.create(docId, "user-blr", { blockId: "op1", from: 0, to: 8, quote: "Continue", kind: "objection", body: "Not agreed." });
    annotations.decide(docId, CHAIR, upheld.id, { decision: "accept" });
    expect(await compilationText(await exports.export(docId, CHAIR, "compilation", "live"))).toContain("Belarus — Objection: Not agreed. [upheld]");
  });
});

describe("paragraph status in the exports", () => {
  it("on request, Word, PDF, Markdown and HTML end each agreed or bracketed paragraph with its status as it stood in the version; by default none does", async () => {
    const events = new EventLog(h.database.sqlite);
    const versions = createVersions({ db: h.database.db, sqlite: h.database.sqlite, collab: h.collab, events, updateLog: h.updateLog, bus: new EventBus() });
    const status = (blockId: string, value: string) =>
      h.database.sqlite.prepare("INSERT OR REPLACE INTO paragraph_status (document_id, block_id, status, updated_by, updated_at) VALUES (?, ?, ?, ?, 0)").run(docId, blockId, value, CHAIR);
    status("op1", "agreed_ad_ref");
    const rev1 = versions.create(docId, CHAIR, { label: "Rev.1" });
    status("op1", "open");
    status("op2", "bracketed");
    const exports = createExports({ render: renderFile,
      versions,
      compare: createCompare({ db: h.database.db, events, versions }),
      meta: () => ({ title: "Title", symbol: "A/1", date: null }),
      proposals: () => [],
    });
    const md = async (version: string, statuses?: boolean) => (await exports.export(docId, CHAIR, "md", version, undefined, { statuses })).body as string;
    expect(await md(rev1.id, true)).toContain("Continue to implement *(Agreed ad ref.)*");
    expect(await md(rev1.id, true)).not.toContain("(Bracketed)");
    expect(await md("live", true)).toContain("Invite the Partners *(Bracketed)*");
    expect(await md("live", true)).not.toContain("(Agreed");
    expect(await md(rev1.id)).not.toContain("(Agreed ad ref.)");
    const html = (await exports.export(docId, CHAIR, "html", rev1.id, undefined, { statuses: true })).body as string;
    expect(html).toMatch(/Continue to implement <(?:em|i)>\(Agreed ad ref\.\)<\/(?:em|i)>/);
    const word = strFromU8(unzipSync((await exports.export(docId, CHAIR, "docx", rev1.id, undefined, { statuses: true })).body as Uint8Array)["word/document.xml"]!);
    expect(word).toMatch(/<w:i\/>[\s\S]{0,200}<w:t(?: [^>]*)?>\(Agreed ad ref\.\)<\/w:t>/);
    const pdf = await pdfToText((await exports.export(docId, CHAIR, "pdf", rev1.id, undefined, { statuses: true })).body as Uint8Array);
    expect(pdf.replace(/\s+/g, " ")).toContain("Continue to implement (Agreed ad ref.)");
    // The JSON keeps the status as data, not as text.
    const json = JSON.parse((await exports.export(docId, CHAIR, "json", rev1.id, undefined, { statuses: true })).body as string);
    expect(JSON.stringify(json)).not.toContain("(Agreed ad ref.)");
    // A document with no date of its own: each version is dated the day it was saved (the printout said only "A/1").
    const day = (at: number) => new Date(at).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    expect(json.meta.date).toBe(day(rev1.createdAt));
    expect(pdf.replace(/\s+/g, " ")).toContain(`A/1 ${day(rev1.createdAt)} Rev.1`);
  });
});

describe("the redline", () => {
  it("prints bold and italics as each version has them: kept and inserted words as the newer", async () => {
    const styled = h.createDocument([
      { id: "t", kind: "title", runs: [{ text: "Enhancing OSCE efforts" }] },
      { id: "op1", kind: "operative", runs: [{ text: "Continue to " }, { text: "implement", marks: ["italic"] }] },
    ]);
    h.database.sqlite.prepare("INSERT INTO document_roles (document_id, user_id, role) VALUES (?, ?, 'chair')").run(styled, CHAIR);
    const events = new EventLog(h.database.sqlite);
    const versions = createVersions({ db: h.database.db, sqlite: h.database.sqlite, collab: h.collab, events, updateLog: h.updateLog, bus: new EventBus() });
    const rev1 = versions.create(styled, CHAIR, { label: "Rev.1" });
    h.collab.applyServerChange(
      styled,
      (doc) => {
        const t = (doc.getXmlFragment("default").get(1) as Y.XmlElement).get(0) as Y.XmlText;
        t.insert("Continue ".length, "fully ");
      },
      { userId: CHAIR, delegationId: null },
    );
    const exports = createExports({ render: renderFile, versions, compare: createCompare({ db: h.database.db, events, versions }), meta: () => ({ title: "Title", symbol: null, date: null }), proposals: () => [] });
    const file = await exports.export(styled, CHAIR, "docx-redline", "live", rev1.id);
    const runs = styledRuns(strFromU8(unzipSync(file.body as Uint8Array)["word/document.xml"]!));
    expect(runs.filter((r) => r.style)).toEqual([
      { in: "kept", text: "Enhancing OSCE efforts", style: "b" },
      { in: "kept", text: "implement", style: "i" },
    ]);
    expect(runs.filter((r) => r.in === "ins").map((r) => r.text)).toEqual(["fully "]);
  });
});
