import { describe, expect, it } from "vitest";
import { ariaKeyShortcuts, keymapName, pressesAltShift, shortcutLabel, shortcutsLabel } from "./shortcut";
import { BACK_TAB_KEY, BLOCK_KEYS, BOLD_KEY, GOTO_KEY, REVIEW_KEY, REVIEW_QUEUE_KEYS, STATUS_KEYS, statusKeysHint } from "./shortcut-keys";
import { keydown } from "./test-keydown";

type Init = Parameters<typeof keydown>[0];
/** What an Alt+Shift keydown presses, as the workspace reads it: a status, Go to paragraph or the review queue. */
function pressed(init: Init, mac: boolean): string[] {
  const all = { ...STATUS_KEYS, goto: GOTO_KEY, review: REVIEW_KEY };
  return Object.entries(all)
    .filter(([, shortcut]) => pressesAltShift(keydown(init), shortcut, mac))
    .map(([name]) => name);
}

describe("the Alt+Shift shortcuts on Windows and Linux", () => {
  it("Alt+Shift+O / A / G / V press the status, Go to paragraph and review keys", () => {
    expect(pressed({ key: "O", code: "KeyO", altKey: true, shiftKey: true }, false)).toEqual(["open"]);
    expect(pressed({ key: "A", code: "KeyA", altKey: true, shiftKey: true }, false)).toEqual(["agreed"]);
    expect(pressed({ key: "G", code: "KeyG", altKey: true, shiftKey: true }, false)).toEqual(["goto"]);
    expect(pressed({ key: "V", code: "KeyV", altKey: true, shiftKey: true }, false)).toEqual(["review"]);
  });

  it("AltGr+Shift+A typing Ą (Ctrl+Alt+Shift) and Ctrl+Alt+O (the block key) press none", () => {
    expect(pressed({ key: "Ą", code: "KeyA", ctrlKey: true, altKey: true, shiftKey: true }, false)).toEqual([]);
    expect(pressed({ key: "o", code: "KeyO", ctrlKey: true, altKey: true }, false)).toEqual([]);
    expect(pressed({ key: "O", code: "KeyO", shiftKey: true }, false)).toEqual([]);
  });
});

describe("the Alt+Shift shortcuts on a Mac are ⌃⌥", () => {
  it("Control+Option+O / A / G / V press them, whatever the key says, with Shift or not", () => {
    expect(pressed({ key: "o", code: "KeyO", ctrlKey: true, altKey: true }, true)).toEqual(["open"]);
    expect(pressed({ key: "å", code: "KeyA", ctrlKey: true, altKey: true }, true)).toEqual(["agreed"]);
    expect(pressed({ key: "©", code: "KeyG", ctrlKey: true, altKey: true, shiftKey: true }, true)).toEqual(["goto"]);
    expect(pressed({ key: "√", code: "KeyV", ctrlKey: true, altKey: true }, true)).toEqual(["review"]);
  });

  it("Option+Shift+O (Ø) and Option+Shift+A (Å) are typed, and ⌘⌥⇧V (paste without formatting) is left to the browser", () => {
    expect(pressed({ key: "Ø", code: "KeyO", altKey: true, shiftKey: true }, true)).toEqual([]);
    expect(pressed({ key: "Å", code: "KeyA", altKey: true, shiftKey: true }, true)).toEqual([]);
    expect(pressed({ key: "◊", code: "KeyV", altKey: true, shiftKey: true, metaKey: true }, true)).toEqual([]);
  });

  it("Option+Shift on a key that gives its own letter still presses it, as on Windows", () => {
    expect(pressed({ key: "O", code: "KeyO", altKey: true, shiftKey: true }, true)).toEqual(["open"]);
  });
});

describe("a shortcut's label comes from the same description as its binding", () => {
  it("on Windows and Linux: the words shown today", () => {
    expect(shortcutLabel(GOTO_KEY, false)).toBe("Alt+Shift+G");
    expect(shortcutLabel(BLOCK_KEYS.bracket, false)).toBe("Ctrl+Alt+9");
    expect(shortcutsLabel([BLOCK_KEYS.preambular, BLOCK_KEYS.operative], false)).toBe("Ctrl+Alt+P / O");
    expect(shortcutsLabel(Object.values(STATUS_KEYS), false, "/")).toBe("Alt+Shift+O/B/R/A");
    expect(statusKeysHint(false)).toBe("Alt+Shift+O open, B bracketed, R agreed ad ref., A agreed");
    expect(keymapName(BLOCK_KEYS.operative, false)).toBe("Ctrl-Alt-o");
  });

  it("on a Mac: the Mac's symbols, ⌃⌥ for Alt+Shift and ⌘⌥ for Ctrl+Alt", () => {
    expect(shortcutLabel(GOTO_KEY, true)).toBe("⌃⌥G");
    expect(shortcutLabel(BLOCK_KEYS.bracket, true)).toBe("⌘⌥9");
    expect(shortcutsLabel([BLOCK_KEYS.preambular, BLOCK_KEYS.operative], true)).toBe("⌘⌥P / O");
    expect(shortcutsLabel(Object.values(STATUS_KEYS), true, "/")).toBe("⌃⌥O/B/R/A");
    expect(statusKeysHint(true)).toBe("⌃⌥O open, B bracketed, R agreed ad ref., A agreed");
    expect(keymapName(BLOCK_KEYS.operative, true)).toBe("Meta-Alt-o");
  });
});

describe("a shortcut as aria-keyshortcuts says it: the keys pressed, modifiers first", () => {
  it("on Windows and Linux: Control, Alt and Shift", () => {
    expect(ariaKeyShortcuts(GOTO_KEY, false)).toBe("Alt+Shift+G");
    expect(ariaKeyShortcuts(BLOCK_KEYS.operative, false)).toBe("Control+Alt+O");
    expect(ariaKeyShortcuts(BLOCK_KEYS.bracket, false)).toBe("Control+Alt+9");
    expect(ariaKeyShortcuts(BOLD_KEY, false)).toBe("Control+B");
    expect(ariaKeyShortcuts(BACK_TAB_KEY, false)).toBe("Shift+Tab");
  });

  it("on a Mac: ⌘ is Meta, ⌥ is Alt, and the Alt+Shift keys are Control+Alt (⌃⌥)", () => {
    expect(ariaKeyShortcuts(GOTO_KEY, true)).toBe("Control+Alt+G");
    expect(ariaKeyShortcuts(BLOCK_KEYS.operative, true)).toBe("Meta+Alt+O");
    expect(ariaKeyShortcuts(BLOCK_KEYS.bracket, true)).toBe("Meta+Alt+9");
    expect(ariaKeyShortcuts(BOLD_KEY, true)).toBe("Meta+B");
    expect(ariaKeyShortcuts(BACK_TAB_KEY, true)).toBe("Shift+Tab");
  });

  it("several shortcuts for one control are separated by a space", () => {
    const statuses = Object.values(STATUS_KEYS);
    expect(ariaKeyShortcuts(statuses, false)).toBe("Alt+Shift+O Alt+Shift+B Alt+Shift+R Alt+Shift+A");
    expect(ariaKeyShortcuts(statuses, true)).toBe("Control+Alt+O Control+Alt+B Control+Alt+R Control+Alt+A");
    expect(ariaKeyShortcuts([], false)).toBe("");
  });

  it("the review queue's letters are the key alone, on either platform", () => {
    expect(ariaKeyShortcuts(REVIEW_QUEUE_KEYS.accept, false)).toBe("A");
    expect(ariaKeyShortcuts(REVIEW_QUEUE_KEYS.accept, true)).toBe("A");
    expect(shortcutLabel(REVIEW_QUEUE_KEYS.next, true)).toBe("J");
  });
});
