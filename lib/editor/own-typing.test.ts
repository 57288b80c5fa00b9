import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { blocksToProsemirrorJSON, writeBlocks } from "../model/ydoc";
import type { Block } from "../model/types";
import { documentSchema, FRAGMENT_NAME } from "./schema";
import { OwnTyping } from "./own-typing";

const BLOCKS: Block[] = [
  { id: "pp7", kind: "preambular", runs: [{ text: "Recalling its decisions" }] },
  { id: "op1", kind: "operative", runs: [{ text: "Continue" }] },
];

/** The server's copy and a delegate's, in sync. */
function pair() {
  const server = new Y.Doc();
  writeBlocks(server, documentSchema(), BLOCKS);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server), "remote");
  return { server, client };
}

const textIn = (doc: Y.Doc, index: number) => (doc.getXmlFragment(FRAGMENT_NAME).get(index) as Y.XmlElement).get(0) as Y.XmlText;
const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), "remote");

/** As versions.restore does it: every block deleted, the version's written in their place. Returns the first struct it inserted. */
function restore(server: Y.Doc, blocks: Block[]): { client: number; clock: number } {
  const change = { client: server.clientID, clock: Y.getState(server.store, server.clientID) };
  server.transact(() => {
    const fragment = server.getXmlFragment(FRAGMENT_NAME);
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(documentSchema(), blocksToProsemirrorJSON(blocks), fragment);
  });
  return change;
}

describe("own typing a restore swept away", () => {
  it("quotes the words typed before and after the server restored, in typing order, by paragraph; the server drops the late ones", () => {
    const { server, client } = pair();
    let now = 1000;
    const own = new OwnTyping(client, () => now);
    const mark = { insertion: { id: "s1", delegation: "ALB" } };
    textIn(client, 0).insert(23, " and strongly", mark);
    sync(client, server);
    now = 5000;
    // The chair restores; meanwhile the delegate types on, her copy not yet told.
    const change = restore(server, [{ id: "pp7", kind: "preambular", runs: [{ text: "Recalling its earlier decisions" }] }, BLOCKS[1]!]);
    textIn(client, 0).insert(36, " urges", mark);
    expect(own.lostTo(change)).toBeNull();
    const late = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    sync(server, client);
    Y.applyUpdate(server, late, "remote");
    expect(own.lostTo(change)).toEqual([{ blockId: "pp7", text: " and strongly urges" }]);
    // Both copies agree: none of her words survive, the restored text is whole.
    expect(textIn(server, 0).toString()).toBe("Recalling its earlier decisions");
    expect(textIn(client, 0).toString()).toBe("Recalling its earlier decisions");
    own.destroy();
  });

  it("nothing for typing older than the window, for words the delegate deleted herself, or for a change that removed none of her words", () => {
    const { server, client } = pair();
    let now = 1000;
    const own = new OwnTyping(client, () => now, 30_000);
    textIn(client, 1).insert(8, " to implement");
    textIn(client, 0).insert(0, "Also ");
    textIn(client, 0).delete(0, 5);
    sync(client, server);
    now = 60_000;
    // Another delegate's edit arrives first: not the restore, and it deleted nothing of hers.
    textIn(server, 1).insert(0, "Kindly ");
    sync(server, client);
    const change = restore(server, BLOCKS);
    sync(server, client);
    expect(own.lostTo(change)).toEqual([]);
    expect(textIn(client, 1).toString()).toBe("Continue");
    own.destroy();
  });

  it("waits for the restore to arrive, and gives up after the timeout", async () => {
    const { server, client } = pair();
    const own = new OwnTyping(client);
    textIn(client, 1).insert(8, " fully");
    sync(client, server);
    const change = restore(server, BLOCKS);
    const pending = own.whenArrived(change, 5000);
    sync(server, client);
    await expect(pending).resolves.toEqual([{ blockId: "op1", text: " fully" }]);
    await expect(own.whenArrived({ client: 12345, clock: 0 }, 10)).resolves.toBeNull();
    own.destroy();
  });
});
