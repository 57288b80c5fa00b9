import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { renderParagraphs } from "../../lib/model/ydoc";
import { startCollabHarness, type CollabHarness } from "../test/collab-harness";
import { waitFor } from "../test/temp-dir";

let h: CollabHarness;
let docId: string;
let chair: { token: string; userId: string };
let alb: { token: string; userId: string };
let blr: { token: string; userId: string };
const open: WebsocketProvider[] = [];

const OP1 = "Continue to implement all decisions on confidence-building measures";

beforeEach(async () => {
  h = await startCollabHarness();
  docId = h.createDocument([
    { id: "t", kind: "title", runs: [{ text: "Decision" }] },
    { id: "op1", kind: "operative", runs: [{ text: OP1 }] },
  ]);
  chair = h.person("chair");
  alb = h.person("alb", "ALB");
  blr = h.person("blr", "BLR");
  h.grant(docId, chair.userId, "chair");
  h.grant(docId, alb.userId, "delegate");
  h.grant(docId, blr.userId, "delegate");
});
afterEach(async () => {
  for (const p of open.splice(0)) p.destroy();
  await h.close();
});

async function connect(token: string): Promise<WebsocketProvider> {
  const p = h.provider(docId, token);
  open.push(p);
  await waitFor(() => p.synced, 5000, "sync");
  return p;
}

function op1(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("default").get(1) as Y.XmlElement).get(0) as Y.XmlText;
}

function textOf(doc: Y.Doc, blockId = "op1"): string {
  return renderParagraphs(doc).find((p) => p.id === blockId)?.text ?? "";
}

function serverText(): string {
  return h.collab.withRoom(docId, (room) => textOf(room.doc));
}

describe("editing rules on the server", () => {
  it("chair's pen: a delegate's deletion of accepted text is reverted on the server and on every client, and logged", async () => {
    const a = await connect(alb.token);
    const c = await connect(chair.token);
    const before = h.logCount(docId);
    op1(a.doc).delete(0, 9); // "Continue "
    await waitFor(() => textOf(a.doc) === OP1, 5000, "the delegate's own window restored");
    expect(serverText()).toBe(OP1);
    expect(textOf(c.doc)).toBe(OP1);
    // The attempt and the server's undo are both in the record.
    expect(h.logCount(docId)).toBe(before + 2);
    expect(h.reverted).toEqual([expect.objectContaining({ userId: alb.userId, reason: expect.stringContaining("chair holds the pen") })]);
  });

  it("chair's pen: the chair edits freely", async () => {
    const c = await connect(chair.token);
    const a = await connect(alb.token);
    op1(c.doc).insert(OP1.length, " adopted by the OSCE");
    await waitFor(() => textOf(a.doc).endsWith("adopted by the OSCE"), 5000, "delegate sees the chair's edit");
    expect(h.reverted).toEqual([]);
  });

  it("open drafting: a delegate's own tracked insertion and deletion are kept; plain edits and others' marks are reverted", async () => {
    h.setMode(docId, "open_drafting");
    const a = await connect(alb.token);
    const b = await connect(blr.token);
    op1(a.doc).insert(9, "fully ", { insertion: { id: "s1", delegation: "ALB" } });
    op1(a.doc).format(0, 8, { deletion: { id: "s2", delegation: "ALB" } });
    await waitFor(() => textOf(b.doc).startsWith("Continue fully to implement"), 5000, "tracked insertion relayed");
    const seen = op1(b.doc).toDelta() as { insert: string; attributes?: Record<string, unknown> }[];
    expect(seen.find((d) => d.insert === "fully ")?.attributes).toEqual({ insertion: { id: "s1", delegation: "ALB" } });
    expect(seen.find((d) => d.insert === "Continue")?.attributes).toEqual({ deletion: { id: "s2", delegation: "ALB" } });
    expect(h.reverted).toEqual([]);

    // Belarus types plain text, then forges an insertion in Albania's name: both undone.
    op1(b.doc).insert(0, "Plainly ");
    await waitFor(() => h.reverted.length === 1 && !textOf(b.doc).includes("Plainly"), 5000, "plain insertion reverted");
    op1(b.doc).insert(0, "Forged ", { insertion: { id: "x", delegation: "ALB" } });
    await waitFor(() => h.reverted.length === 2 && !textOf(b.doc).includes("Forged"), 5000, "forged attribution reverted");
    // Belarus removes Albania's suggestion: restored.
    const before = textOf(a.doc);
    op1(b.doc).delete(9, 6);
    await waitFor(() => h.reverted.length === 3 && textOf(b.doc) === before, 5000, "foreign suggestion restored");
    expect(h.reverted.map((r) => r.userId)).toEqual([blr.userId, blr.userId, blr.userId]);
    expect(serverText()).toBe(before);
    // Belarus marks its own words with the id of Albania's insertion (to have them decided
    // with it, in Albania's name, and block Albania's withdrawal): undone.
    op1(b.doc).insert(0, "Grafted ", { insertion: { id: "s1", delegation: "BLR" } });
    await waitFor(() => h.reverted.length === 4 && !textOf(b.doc).includes("Grafted"), 5000, "borrowed id reverted");
    expect(h.reverted[3]!.reason).toContain("marks its suggestion with the id of another delegation's (s1)");
  });

  it("open drafting: a delegate's replacement (its deletion and insertion under one id) is kept", async () => {
    h.setMode(docId, "open_drafting");
    const a = await connect(alb.token);
    const b = await connect(blr.token);
    a.doc.transact(() => {
      op1(a.doc).format(12, 9, { deletion: { id: "r1", delegation: "ALB" } });
      op1(a.doc).insert(21, "carry out", { insertion: { id: "r1", delegation: "ALB" } });
    });
    await waitFor(() => textOf(b.doc).startsWith("Continue to implementcarry out all"), 5000, "replacement relayed");
    expect(h.reverted).toEqual([]);
  });

  it("open drafting: an agreed paragraph is closed to delegates' suggestions until the chair reopens it; the chair still edits it", async () => {
    h.setMode(docId, "open_drafting");
    h.setAgreed(docId, "op1", true); // before the room loads: read with the document
    const a = await connect(alb.token);
    const c = await connect(chair.token);
    op1(a.doc).insert(9, "fully ", { insertion: { id: "s1", delegation: "ALB" } });
    await waitFor(() => h.reverted.length === 1 && textOf(a.doc) === OP1, 5000, "suggestion in the agreed paragraph reverted");
    expect(h.reverted[0]).toMatchObject({ userId: alb.userId, reason: "suggests in agreed paragraph op1: the chair must reopen it first", lost: "fully " });
    expect(serverText()).toBe(OP1);
    // Another paragraph stays open to suggestions.
    const title = (a.doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    title.insert(8, " draft", { insertion: { id: "s2", delegation: "ALB" } });
    await waitFor(() => textOf(c.doc, "t") === "Decision draft", 5000, "suggestion elsewhere relayed");
    // The chair edits the agreed paragraph.
    op1(c.doc).insert(OP1.length, ".");
    await waitFor(() => textOf(a.doc) === `${OP1}.`, 5000, "chair's edit relayed");
    // Reopened (in the loaded room): the delegate's suggestion is kept.
    h.setAgreed(docId, "op1", false);
    op1(a.doc).insert(9, "fully ", { insertion: { id: "s3", delegation: "ALB" } });
    await waitFor(() => serverText().startsWith("Continue fully to"), 5000, "suggestion after reopening stored");
    expect(h.reverted).toHaveLength(1);
  });

  it("open drafting: the chair cutting a paragraph's tail while a delegate typed at the end of their insertion there leaves the delegate's new words theirs, not accepted text", async () => {
    h.setMode(docId, "open_drafting");
    const b = await connect(blr.token);
    const c = await connect(chair.token);
    const mark = { insertion: { id: "s9", delegation: "BLR" } };
    op1(b.doc).insert(OP1.length, " now", mark);
    await waitFor(() => textOf(c.doc).endsWith(" now"), 5000, "the chair sees the insertion");
    // The chair's window goes offline and cuts the tail (a split moves it to a new paragraph:
    // in Yjs the tail and its formatting markers are deleted here) ...
    c.disconnect();
    op1(c.doc).delete(OP1.length, " now".length);
    // ... while Belarus goes on typing at the end of her insertion, which reaches the server first.
    op1(b.doc).insert(OP1.length + " now".length, "!", mark);
    await waitFor(() => serverText().endsWith(" now!"), 5000, "the server has the delegate's word");
    const before = h.logCount(docId);
    c.connect();
    await waitFor(() => serverText() === `${OP1}!`, 5000, "the chair's cut reaches the server");
    const delta = () => h.collab.withRoom(docId, (room) => op1(room.doc).toDelta() as { insert: string; attributes?: object }[]);
    // Without the server's repair "!" would be plain, accepted text.
    expect(delta()).toEqual([{ insert: OP1 }, { insert: "!", attributes: mark }]);
    await waitFor(() => JSON.stringify(op1(b.doc).toDelta()) === JSON.stringify(delta()), 5000, "Belarus's window");
    await waitFor(() => JSON.stringify(op1(c.doc).toDelta()) === JSON.stringify(delta()), 5000, "the chair's window");
    // The chair's edit and the server's repair are both in the record; nobody is told of a revert.
    expect(h.logCount(docId)).toBe(before + 2);
    expect(h.reverted).toEqual([]);
  });

  it("a server-side edit (accepting a proposal) is stored and reaches every client", async () => {
    const a = await connect(alb.token);
    const before = h.logCount(docId);
    const changed = h.collab.applyServerChange(
      docId,
      (doc) => op1(doc).insert(OP1.length, " in full"),
      { userId: chair.userId, delegationId: "ALB" },
    );
    expect(changed).toBe(true);
    await waitFor(() => textOf(a.doc).endsWith(" in full"), 5000, "server change relayed");
    expect(h.logCount(docId)).toBe(before + 1);
  });

  it("refuses an update that writes outside the document text", async () => {
    const c = await connect(chair.token);
    const before = h.logCount(docId);
    c.doc.getMap("hidden").set("status", "agreed");
    await waitFor(() => !c.wsconnected || c.shouldConnect === false, 5000, "socket closed");
    expect(h.logCount(docId)).toBe(before);
    expect(h.collab.withRoom(docId, (room) => room.doc.share.has("hidden") && room.doc.getMap("hidden").size > 0)).toBe(false);
  });
});
