import { describe, expect, it } from "vitest";
import { addNotice, addRevert, MAX_NOTICES, type Notice } from "./notices";

const explain = (reason: string, lost: string) => `Your change was undone: ${reason}. You typed “${lost}”.`;

describe("notices", () => {
  it("a decision told right after a revert does not wipe out the words the delegate lost", () => {
    let list: Notice[] = addRevert([], "the chair holds the pen", "fully", 1000, explain);
    list = addNotice(list, { text: "The chair accepted your amendment on OP4.", warn: false, at: 1500 });
    expect(list.map((n) => n.text)).toEqual(["The chair accepted your amendment on OP4.", "Your change was undone: the chair holds the pen. You typed “fully”."]);
  });

  it("a notice with a key replaces the one before it with that key (a decision taken back), and leaves the others", () => {
    let list: Notice[] = addNotice([], { text: "The chair rejected your objection on PP1.", warn: false, at: 1, key: "decision:a1" });
    list = addNotice(list, { text: "The chair upheld your objection on PP2.", warn: false, at: 2, key: "decision:a2" });
    list = addNotice(list, { text: "The chair took back its decision on your objection on PP1: it is open again.", warn: false, at: 3, key: "decision:a1" });
    expect(list.map((n) => n.text)).toEqual(["The chair took back its decision on your objection on PP1: it is open again.", "The chair upheld your objection on PP2."]);
  });

  it("reverts of one burst are one warning quoting all their words; a later one is a new warning", () => {
    let list: Notice[] = addRevert([], "the chair holds the pen", "ful", 1000, explain);
    list = addRevert(list, "the chair holds the pen", "ly", 2000, explain);
    expect(list).toHaveLength(1);
    expect(list[0]!.text).toContain("“fully”");
    list = addRevert(list, "PP2 is agreed", "x", 9000, explain);
    expect(list.map((n) => n.revert?.lost)).toEqual(["x", "fully"]);
  });

  it("keeps at most MAX_NOTICES, dropping the oldest information before any warning; a repeated text moves to the top", () => {
    let list: Notice[] = [];
    list = addNotice(list, { text: "warning 1", warn: true, at: 1 });
    list = addNotice(list, { text: "info 1", warn: false, at: 2 });
    list = addNotice(list, { text: "info 2", warn: false, at: 3 });
    list = addNotice(list, { text: "info 3", warn: false, at: 4 });
    expect(list.map((n) => n.text)).toEqual(["info 3", "info 2", "warning 1"]);
    list = addNotice(list, { text: "info 2", warn: false, at: 5 });
    expect(list.map((n) => n.text)).toEqual(["info 2", "info 3", "warning 1"]);
    for (const t of ["w2", "w3", "w4"]) list = addNotice(list, { text: t, warn: true, at: 6 });
    expect(list.map((n) => n.text)).toEqual(["w4", "w3", "w2"]);
    expect(list).toHaveLength(MAX_NOTICES);
  });
});
