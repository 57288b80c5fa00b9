import { execFileSync } from "node:child_process";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { EventLog } from "../db/event-log";
import { startCollabHarness, type CollabHarness } from "../test/collab-harness";
import { createCompare } from "./compare";
import { createExports, type ProposalSource } from "./export";
import { createVersions } from "./versions";

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
    const versions = createVersions({ db: h.database.db, sqlite: h.database.sqlite, collab: h.collab, events, updateLog: h.updateLog });
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
    };
    const exports = createExports({
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
