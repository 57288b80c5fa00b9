import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDatabase } from "../db/client";
import { UpdateLog } from "../db/update-log";
import { tempDir } from "../test/temp-dir";
import { Room } from "./room";

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

/** A client doc with one paragraph, and the updates of `n` keystrokes typed into it after that. */
function typing(n: number, doc = new Y.Doc()): { doc: Y.Doc; first: Uint8Array; keys: Uint8Array[] } {
  const keys: Uint8Array[] = [];
  const text = new Y.XmlText();
  doc.transact(() => {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [text]);
    doc.getXmlFragment("default").push([p]);
  });
  const first = Y.encodeStateAsUpdate(doc);
  doc.on("update", (u: Uint8Array) => keys.push(u));
  for (let i = 0; i < n; i++) text.insert(text.length, `k${i}`);
  return { doc, first, keys };
}

describe("Room.vet", () => {
  it("refuses a keystroke made after edits the server lacks before applying it (no rebuild), then takes it once they arrive", () => {
    const db = openDatabase(tmp.dir);
    db.sqlite.prepare("INSERT INTO documents (id, title) VALUES ('d1', 't')").run();
    const room = new Room("d1", new UpdateLog(db.sqlite), "chairs_pen");
    const { first, keys } = typing(3);
    expect(room.vet(first).effective).not.toBeNull();
    const doc = room.doc;
    // keys[0] never reached the server: keys[1] starts past what it holds.
    expect(() => room.vet(keys[1]!)).toThrow(/does not have yet/);
    expect(room.doc).toBe(doc);
    // An update of two clients, one of them ahead, is refused the same way.
    const other = typing(1);
    expect(() => room.vet(Y.mergeUpdates([other.first, keys[2]!]))).toThrow(/does not have yet/);
    expect(room.doc).toBe(doc);
    for (const u of keys) room.vet(u);
    expect(room.doc.getXmlFragment("default").toString()).toBe("<paragraph>k0k1k2</paragraph>");
    room.destroy();
    db.close();
  });

  it("refuses an update Yjs cannot read, and keeps the document as it was", () => {
    const db = openDatabase(tmp.dir);
    db.sqlite.prepare("INSERT INTO documents (id, title) VALUES ('d1', 't')").run();
    const room = new Room("d1", new UpdateLog(db.sqlite), "chairs_pen");
    const { first, keys } = typing(2);
    room.vet(first);
    room.vet(keys[0]!);
    const before = room.doc.getXmlFragment("default").toString();
    const truncated = keys[1]!.slice(0, keys[1]!.length - 4);
    expect(() => room.vet(truncated)).toThrow(/update refused/);
    expect(room.doc.getXmlFragment("default").toString()).toBe(before);
    room.destroy();
    db.close();
  });
});
