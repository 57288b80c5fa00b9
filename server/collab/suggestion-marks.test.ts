import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findLostMarks, restoreMarks, type LostMark } from "./suggestion-marks";

const BLR = { id: "s1", delegation: "BLR" };

function base(): Y.Doc {
  const doc = new Y.Doc();
  const p = new Y.XmlElement("operative");
  const text = new Y.XmlText();
  p.insert(0, [text]);
  doc.getXmlFragment("default").insert(0, [p]);
  text.insert(0, "Decides to act");
  text.insert(text.length, " at once", { insertion: BLR });
  return doc;
}

const textOf = (doc: Y.Doc) => ((doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText);
const copy = (doc: Y.Doc) => {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(doc));
  return d;
};

/** The server's doc after a delegate typed at the end of their insertion while the chair cut the paragraph's tail. */
function race(repair: boolean): Y.Doc {
  const server = base();
  const delegate = copy(server);
  const chair = copy(server);
  const updates: Uint8Array[] = [];
  delegate.on("update", (u: Uint8Array) => updates.push(u));
  // Same attributes as the run: Yjs adds no marker, the character sits inside the run's markers.
  textOf(delegate).insert(textOf(delegate).length, "!", { insertion: BLR });
  const fromDelegate = updates.pop()!;
  chair.on("update", (u: Uint8Array) => updates.push(u));
  // The chair's split moves " at once" to a new paragraph: in Yjs, its text and markers are deleted here.
  textOf(chair).delete("Decides to act".length, " at once".length);
  const fromChair = updates.pop()!;
  Y.applyUpdate(server, fromDelegate);
  const lost: LostMark[] = [];
  server.on("afterTransaction", (tr: Y.Transaction) => lost.push(...findLostMarks(tr)));
  Y.applyUpdate(server, fromChair);
  if (repair) server.transact(() => restoreMarks(lost));
  return server;
}

describe("a delegate's tracked insertion whose markers the chair's concurrent edit deleted", () => {
  it("loses its mark in Yjs: the character would read as accepted text", () => {
    expect(textOf(race(false)).toDelta()).toEqual([{ insert: "Decides to act!" }]);
  });

  it("is marked again as that delegation's insertion", () => {
    expect(textOf(race(true)).toDelta()).toEqual([{ insert: "Decides to act" }, { insert: "!", attributes: { insertion: BLR } }]);
  });

  it("leaves alone text the chair deleted with its marks, and accepted text", () => {
    const server = base();
    const lost: LostMark[] = [];
    server.on("afterTransaction", (tr: Y.Transaction) => lost.push(...findLostMarks(tr)));
    textOf(server).delete("Decides to act".length, " at once".length);
    expect(lost).toEqual([]);
    expect(textOf(server).toDelta()).toEqual([{ insert: "Decides to act" }]);
  });
});
