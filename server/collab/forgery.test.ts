import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { documentSchema } from "../../lib/editor/schema";
import { renderParagraphs } from "../../lib/model/ydoc";
import { CloseCode } from "../../lib/protocol/close-codes";
import { closed, opened, startCollabHarness, updateMessage, type CollabHarness } from "../test/collab-harness";
import { waitFor } from "../test/temp-dir";
import { Awareness } from "y-protocols/awareness";
import { encodeAwareness } from "./protocol";
import { Room } from "./room";

/**
 * Updates a stock y-websocket client can send that the room's policy alone let through
 * (found 2026-12-05 by a review): formatting no editor can show, which made every editor
 * delete the paragraph and store the deletion under its own name; attributes on a
 * paragraph's text; and structs written under another person's Yjs client id.
 */
const OP1 = "Continue to implement all decisions on confidence-building measures";

let h: CollabHarness;
let docId: string;
let people: Record<"chair" | "blr" | "alb", { userId: string; token: string }>;
const providers: WebsocketProvider[] = [];

beforeEach(async () => {
  h = await startCollabHarness();
  docId = h.createDocument([
    { id: "t", kind: "title", runs: [{ text: "Decision" }] },
    { id: "op1", kind: "operative", runs: [{ text: OP1 }] },
    { id: "op2", kind: "operative", runs: [{ text: "Second paragraph text" }] },
  ]);
  people = { chair: h.person("chair"), blr: h.person("blr", "BLR"), alb: h.person("alb", "ALB") };
  h.grant(docId, people.chair.userId, "chair");
  h.grant(docId, people.blr.userId, "delegate");
  h.grant(docId, people.alb.userId, "delegate");
});

afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy();
  await h.close();
});

async function connect(token: string): Promise<WebsocketProvider> {
  const p = h.provider(docId, token);
  providers.push(p);
  await waitFor(() => p.synced, 5000, "sync");
  return p;
}

function blockText(doc: Y.Doc, i: number): Y.XmlText {
  return (doc.getXmlFragment("default").get(i) as Y.XmlElement).get(0) as Y.XmlText;
}

const serverText = () => h.collab.withRoom(docId, (room) => renderParagraphs(room.doc).map((p) => p.text));

/** Sends `update` on a raw socket of `token`'s and resolves with how the server closed it. */
async function sendRaw(token: string, update: Uint8Array): Promise<{ code: number; reason: string }> {
  const ws = h.raw(docId, token);
  await opened(ws);
  const done = closed(ws);
  ws.send(updateMessage(update));
  return done;
}

/** An update made on a copy of `from`'s doc, as its own client id or `clientId`. */
function forge(from: Y.Doc, edit: (doc: Y.Doc) => void, clientId?: number): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  // Set after the state is read: Yjs gives a doc a new id when an update brings structs under its own.
  if (clientId !== undefined) doc.clientID = clientId;
  const sv = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, sv);
}

describe("what no editor can show is refused, from anyone, in any mode", () => {
  it("a delegate's own tracked insertion carrying a formatting key that is no mark: refused, stored nothing, the chair's editor keeps the paragraph", async () => {
    h.setMode(docId, "open_drafting");
    const blr = await connect(people.blr.token);
    const chair = await connect(people.chair.token);
    const rows = h.logCount(docId);
    const bad = forge(blr.doc, (d) => blockText(d, 1).insert(9, "fully ", { insertion: { id: "b1", delegation: "BLR" }, foo: true }));
    expect(await sendRaw(people.blr.token, bad)).toEqual({ code: CloseCode.BadMessage, reason: 'update refused: it adds formatting "foo", which is not a mark of the document' });
    // The same with the mark's name hashed as y-prosemirror hashes overlapping marks (shown in another delegation's colour).
    const hashed = forge(blr.doc, (d) => blockText(d, 1).insert(9, "fully ", { insertion: { id: "b1", delegation: "BLR" }, "insertion--AAAAAAAA": { id: "a1", delegation: "ALB" } }));
    expect((await sendRaw(people.blr.token, hashed)).code).toBe(CloseCode.BadMessage);
    expect(h.logCount(docId)).toBe(rows);
    // The chair's editor renders the paragraph whole (y-tiptap deleted it when a mark was unknown).
    const node = yXmlFragmentToProseMirrorRootNode(chair.doc.getXmlFragment("default"), documentSchema());
    expect(node.child(1).textContent).toBe(OP1);
    expect(serverText()[1]).toBe(OP1);
    // Well-formed, the same insertion is taken.
    blockText(blr.doc, 1).insert(9, "fully ", { insertion: { id: "b1", delegation: "BLR" } });
    await waitFor(() => h.logCount(docId) > rows, 5000, "stored");
    expect(serverText()[1]).toContain("fully ");
  });

  it("the chair's updates too: an unknown mark, an attribute on a paragraph's text, a block of unknown kind, a node inside a paragraph", async () => {
    const chair = await connect(people.chair.token);
    const rows = h.logCount(docId);
    const attempts: [string, (d: Y.Doc) => void][] = [
      ['formatting "underline", which is not a mark of the document', (d) => blockText(d, 1).format(0, 8, { underline: {} })],
      ["an attribute on a paragraph's text", (d) => blockText(d, 1).setAttribute("status", "agreed")],
      ['a block of unknown kind "table"', (d) => d.getXmlFragment("default").insert(1, [new Y.XmlElement("table")])],
      ["something other than text inside a block", (d) => (d.getXmlFragment("default").get(1) as Y.XmlElement).insert(0, [new Y.XmlElement("operative")])],
      ['a malformed "bold" mark', (d) => blockText(d, 1).format(0, 8, { bold: "yes" })],
      ["something other than characters inside a paragraph's text", (d) => blockText(d, 1).insertEmbed(0, { image: "x" })],
    ];
    for (const [what, edit] of attempts) {
      expect(await sendRaw(people.chair.token, forge(chair.doc, edit)), what).toEqual({ code: CloseCode.BadMessage, reason: `update refused: it adds ${what}` });
    }
    expect(h.logCount(docId)).toBe(rows);
    // The chair's own editor still writes: bold, brackets, a new paragraph.
    const p = new Y.XmlElement("operative");
    p.setAttribute("id", "op3");
    p.insert(0, [new Y.XmlText("Third")]);
    chair.doc.transact(() => {
      blockText(chair.doc, 1).format(0, 8, { bold: {} });
      blockText(chair.doc, 2).format(0, 6, { bracket: {} });
      chair.doc.getXmlFragment("default").insert(3, [p]);
    });
    await waitFor(() => serverText().length === 4, 5000, "stored");
  });
});

/** Vets `update` in `room` as the collaboration server does, and stores what it changed; true when it changed something. */
function stored(room: Room, update: Uint8Array, userId: string, relay = false): boolean {
  const { effective } = room.vet(update, null, userId, relay);
  if (!effective) return false;
  const [seq] = h.updateLog.append([{ documentId: docId, userId, delegationId: null, data: effective }]);
  room.stored(seq!);
  return true;
}

describe("structs under another person's Yjs client id", () => {
  for (const mode of ["chairs_pen", "open_drafting"] as const) {
    it(`(${mode}) are refused, so the chair's own keystroke at that clock is stored and every window agrees`, async () => {
      h.setMode(docId, mode);
      const chair = await connect(people.chair.token);
      const blr = await connect(people.blr.token);
      blockText(chair.doc, 1).insert(0, "A");
      await waitFor(() => blockText(blr.doc, 1).toString().startsWith("A"), 5000, "seen");
      // The chair's next keystroke is typed while its window is offline; Belarus forges one at that clock.
      chair.disconnect();
      blockText(chair.doc, 2).insert(0, "IMPORTANT ");
      const mark = mode === "open_drafting" ? { insertion: { id: "bz", delegation: "BLR" } } : {};
      const forged = forge(blr.doc, (d) => blockText(d, 1).insert(1, "zzz", mark), chair.doc.clientID);
      expect(await sendRaw(people.blr.token, forged)).toEqual({ code: CloseCode.BadMessage, reason: "update refused: it writes under another participant's editor (Yjs client id)" });
      chair.connect();
      await waitFor(() => serverText()[2]?.startsWith("IMPORTANT ") ?? false, 5000, "the chair's words stored");
      expect(serverText()[1]).toBe(`A${OP1}`);
      expect(blockText(chair.doc, 2).toString()).toBe(serverText()[2]);
    });
  }

  it("a newcomer's client id is theirs from their presence on, before they type: a forgery at its first clock is refused", async () => {
    const blr = await connect(people.blr.token);
    const chair = await connect(people.chair.token);
    chair.awareness.setLocalStateField("user", { name: "Chair" });
    await waitFor(() => blr.awareness.getStates().has(chair.doc.clientID), 5000, "presence seen");
    const forged = forge(blr.doc, (d) => blockText(d, 1).insert(0, "zzz"), chair.doc.clientID);
    expect((await sendRaw(people.blr.token, forged)).code).toBe(CloseCode.BadMessage);
    blockText(chair.doc, 1).insert(0, "Chair: ");
    await waitFor(() => serverText()[1]?.startsWith("Chair: ") ?? false, 5000, "the chair's first words stored");
  });

  it("a held id's presence is not taken by someone else while its owner is away, so theirs shows when they come back", async () => {
    const blr = await connect(people.blr.token);
    const chair = await connect(people.chair.token);
    chair.awareness.setLocalStateField("user", { name: "Chair" });
    const chairId = chair.doc.clientID;
    await waitFor(() => blr.awareness.getStates().has(chairId), 5000, "presence seen");
    chair.disconnect();
    await waitFor(() => !h.collab.withRoom(docId, (room) => room.awareness.getStates().has(chairId)), 5000, "presence gone");
    // Belarus speaks for the chair's id while the chair is away.
    const fake = new Y.Doc();
    fake.clientID = chairId;
    const impostor = new Awareness(fake);
    impostor.setLocalState({ cursor: null });
    const ws = h.raw(docId, people.blr.token);
    await opened(ws);
    ws.send(encodeAwareness(impostor, [chairId]));
    await new Promise((r) => setTimeout(r, 200));
    expect(h.collab.withRoom(docId, (room) => room.awareness.getStates().has(chairId))).toBe(false);
    chair.connect();
    await waitFor(() => chair.synced, 5000, "the chair back");
    // The chair's caret moves (a stock editor re-sends its presence at its next change, or within 15 s).
    chair.awareness.setLocalStateField("cursor", { anchor: 1 });
    await waitFor(() => h.collab.withRoom(docId, (room) => room.awareness.getStates().get(chairId)?.user !== undefined), 5000, "the chair's presence back");
    ws.close();
  });

  it("ownership is kept across a reload of the room; a sync step of several clients' edits (a backup restored) is checked but claims nothing", () => {
    const room = new Room(docId, h.updateLog, "chairs_pen");
    const a = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(room.doc));
    const sv = Y.encodeStateVector(a);
    blockText(a, 1).insert(0, "A ");
    expect(room.vet(Y.encodeStateAsUpdate(a, sv), null, people.chair.userId).effective).not.toBeNull();
    room.destroy();
    const reloaded = new Room(docId, h.updateLog, "chairs_pen");
    const forged = forge(reloaded.doc, (d) => blockText(d, 1).insert(0, "z"), a.clientID);
    expect(() => reloaded.vet(forged, null, people.blr.userId)).toThrow(/another participant's editor/);
    // Belarus's sync step carries Albania's unstored edit and its own: taken, Albania's id not claimed by Belarus.
    const alb = new Y.Doc();
    Y.applyUpdate(alb, Y.encodeStateAsUpdate(reloaded.doc));
    const before = Y.encodeStateVector(alb);
    blockText(alb, 2).insert(0, "Albania ");
    const blrDoc = new Y.Doc();
    Y.applyUpdate(blrDoc, Y.encodeStateAsUpdate(alb));
    blockText(blrDoc, 2).insert(0, "Belarus ");
    expect(stored(reloaded, Y.encodeStateAsUpdate(blrDoc, before), people.blr.userId)).toBe(true);
    const albLater = forge(alb, (d) => blockText(d, 2).insert(0, "more "), alb.clientID);
    expect(stored(reloaded, albLater, people.alb.userId)).toBe(true);
    // Albania's id is Albania's now: new structs under it in a sync step of Belarus's are refused…
    const lost = forge(alb, (d) => {
      Y.applyUpdate(d, albLater);
      d.clientID = alb.clientID;
      blockText(d, 2).insert(0, "lost ");
    });
    const seen = new Y.Doc();
    Y.applyUpdate(seen, Y.encodeStateAsUpdate(alb));
    Y.applyUpdate(seen, albLater);
    Y.applyUpdate(seen, lost);
    const own = forge(seen, (d) => blockText(d, 1).insert(0, "Belarus "));
    const both = Y.mergeUpdates([lost, own]);
    expect(() => reloaded.vet(both, null, people.blr.userId)).toThrow(/another participant's editor/);
    reloaded.destroy();
    // …except as a relay (a sync step in the day after a restore), which carries what the backup lacked, everyone's.
    const afterRestore = new Room(docId, h.updateLog, "chairs_pen");
    expect(stored(afterRestore, both, people.blr.userId, true)).toBe(true);
    // Relaying does not make the id Belarus's, and a keystroke of one client is still checked.
    expect(() => afterRestore.vet(forge(afterRestore.doc, (d) => blockText(d, 2).insert(0, "z"), alb.clientID), null, people.blr.userId)).toThrow(/another participant's editor/);
    afterRestore.destroy();
  });

  it("a room loads the owners of the ids that wrote in it; an id that only showed presence is read from the database when asked, and stays its owner's", () => {
    const room = new Room(docId, h.updateLog, "chairs_pen");
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(room.doc));
    const sv = Y.encodeStateVector(writer);
    blockText(writer, 1).insert(0, "A ");
    expect(stored(room, Y.encodeStateAsUpdate(writer, sv), people.chair.userId)).toBe(true);
    // 500 page loads of Albania's that showed presence and never typed, and one more that will come back.
    for (let id = 1; id <= 500; id++) room.claim(1_000_000 + id, people.alb.userId);
    const newcomer = 2_000_000;
    room.claim(newcomer, people.alb.userId);
    room.destroy();
    const reloaded = new Room(docId, h.updateLog, "chairs_pen");
    const loaded = (reloaded as unknown as { owners: Map<number, string> }).owners;
    expect([...loaded.keys()]).toEqual([writer.clientID]);
    // Belarus writes under the newcomer's id at its first clock: refused, as before the reload.
    expect(() => reloaded.vet(forge(reloaded.doc, (d) => blockText(d, 2).insert(0, "z"), newcomer), null, people.blr.userId)).toThrow(/another participant's editor/);
    expect(reloaded.heldBy(newcomer, people.alb.userId)).toBe(true);
    expect(reloaded.heldByOther(1_000_001, people.blr.userId)).toBe(true);
    // Albania's own first keystroke under it is taken.
    expect(stored(reloaded, forge(reloaded.doc, (d) => blockText(d, 2).insert(0, "Albania "), newcomer), people.alb.userId)).toBe(true);
    expect(loaded.size).toBe(3);
    reloaded.destroy();
  });

  it("after a restore, a sync step relaying ONE other person's lost edits is taken and claims nothing; their own next keystroke is theirs", async () => {
    await h.close();
    h = await startCollabHarness({ acceptsRelays: () => true });
    docId = h.createDocument([
      { id: "t", kind: "title", runs: [{ text: "Decision" }] },
      { id: "op1", kind: "operative", runs: [{ text: OP1 }] },
      { id: "op2", kind: "operative", runs: [{ text: "Second paragraph text" }] },
    ]);
    people = { chair: h.person("chair"), blr: h.person("blr", "BLR"), alb: h.person("alb", "ALB") };
    // A vice-chair's window relays (a delegate's relay of the chair's words would be undone by the policy, as any edit of theirs).
    const vice = h.person("vice");
    h.grant(docId, people.chair.userId, "chair");
    h.grant(docId, vice.userId, "chair");
    const chair = await connect(people.chair.token);
    blockText(chair.doc, 1).insert(0, "A ");
    await waitFor(() => serverText()[1]?.startsWith("A ") ?? false, 5000, "the chair's id held");
    // The chair's edit the server lacks (typed offline here; lost with the backup in life), held by the vice-chair's window, sent as its sync step 2.
    const serverSv = Y.encodeStateVector(chair.doc);
    chair.disconnect();
    blockText(chair.doc, 2).insert(0, "Lost ");
    const lost = Y.encodeStateAsUpdate(chair.doc, serverSv);
    const ws = h.raw(docId, vice.token);
    await opened(ws);
    ws.send(updateMessage(lost, 1));
    await waitFor(() => serverText()[2]?.startsWith("Lost ") ?? false, 5000, "the relay taken");
    expect(ws.readyState).toBe(ws.OPEN);
    // The same as a plain update (a keystroke) is still refused: only a sync step relays.
    const forged = forge(chair.doc, (d) => blockText(d, 1).insert(0, "z"), chair.doc.clientID);
    const refusal = closed(ws);
    ws.send(updateMessage(forged));
    expect((await refusal).code).toBe(CloseCode.BadMessage);
    chair.connect();
    await waitFor(() => chair.synced, 5000, "the chair back");
    blockText(chair.doc, 2).insert(0, "Chair ");
    await waitFor(() => serverText()[2]?.startsWith("Chair Lost ") ?? false, 5000, "the chair's own keystroke stored");
  });

  it("a client id whose record cannot be written does not lose the edit: it goes on unclaimed", () => {
    const room = new Room(docId, h.updateLog, "chairs_pen");
    const claimClient = h.updateLog.claimClient;
    h.updateLog.claimClient = () => {
      throw new Error("SQLITE_FULL: database or disk is full");
    };
    try {
      const a = new Y.Doc();
      Y.applyUpdate(a, Y.encodeStateAsUpdate(room.doc));
      const sv = Y.encodeStateVector(a);
      blockText(a, 1).insert(0, "Kept ");
      expect(stored(room, Y.encodeStateAsUpdate(a, sv), people.chair.userId)).toBe(true);
      expect(room.heldBy(a.clientID, people.chair.userId)).toBe(false);
    } finally {
      h.updateLog.claimClient = claimClient;
    }
    const reloaded = new Room(docId, h.updateLog, "chairs_pen");
    expect(renderParagraphs(reloaded.doc)[1]?.text).toBe(`Kept ${OP1}`);
    room.destroy();
    reloaded.destroy();
  });
});
