import { describe, expect, it } from "vitest";
import { addNotice, addRevert, MAX_NOTICES, REVERT_LOST_CHARS, type Notice } from "./notices";

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

  it("reverts of one burst are one warning quoting all their words; another reason is a new warning", () => {
    let list: Notice[] = addRevert([], "the chair holds the pen", "ful", 1000, explain);
    list = addRevert(list, "the chair holds the pen", "ly", 2000, explain);
    expect(list).toHaveLength(1);
    expect(list[0]!.text).toContain("“fully”");
    list = addRevert(list, "PP2 is agreed", "x", 9000, explain);
    expect(list.map((n) => n.revert?.lost)).toEqual(["x", "fully"]);
  });

  it("a delegate typing on through refusals keeps one warning: later bursts join it, set apart, and bring it to the top", () => {
    let list: Notice[] = addRevert([], "the chair holds the pen", "fully", 1000, explain);
    list = addNotice(list, { text: "The chair accepted your amendment on OP4.", warn: false, at: 1500 });
    // Each burst within 3 s of the last one's words runs on; the window slides with them.
    list = addRevert(list, "the chair holds the pen", " and", 3500, explain);
    list = addRevert(list, "the chair holds the pen", " more", 6000, explain);
    expect(list.map((n) => n.revert?.lost ?? n.text)).toEqual(["fully and more", "The chair accepted your amendment on OP4."]);
    // A pause, then typing again: the same warning, the bursts set apart.
    list = addRevert(list, "the chair holds the pen", "again", 20_000, explain);
    expect(list).toHaveLength(2);
    expect(list[0]!.text).toBe("Your change was undone: the chair holds the pen. You typed “fully and more … again”.");
    // Past a minute, a new warning.
    list = addRevert(list, "the chair holds the pen", "late", 90_000, explain);
    expect(list.map((n) => n.revert?.lost ?? n.text)).toEqual(["late", "fully and more … again", "The chair accepted your amendment on OP4."]);
  });

  it("a joined warning keeps the newest words", () => {
    let list: Notice[] = addRevert([], "the chair holds the pen", "a".repeat(150), 1000, explain);
    list = addRevert(list, "the chair holds the pen", "b".repeat(150), 2000, explain);
    const lost = list[0]!.revert!.lost;
    expect(lost).toHaveLength(REVERT_LOST_CHARS);
    expect(lost.startsWith("…a")).toBe(true);
    expect(lost.endsWith("b".repeat(150))).toBe(true);
    // Cut by characters: no half of a surrogate pair is left at the cut.
    let emoji: Notice[] = addRevert([], "the chair holds the pen", "😀".repeat(150), 1000, explain);
    emoji = addRevert(emoji, "the chair holds the pen", "😀".repeat(150), 2000, explain);
    expect(emoji[0]!.revert!.lost).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(Array.from(emoji[0]!.revert!.lost)).toHaveLength(REVERT_LOST_CHARS);
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
