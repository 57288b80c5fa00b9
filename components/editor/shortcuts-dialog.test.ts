import { describe, expect, it, vi } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ShortcutsDialog, shortcutGroups, showAtTop } from "./shortcuts-dialog";

describe("the keyboard shortcuts dialog opens at its top", () => {
  it("no control at its bottom asks for focus (an autofocus Close button scrolled the first group away)", () => {
    const html = renderToStaticMarkup(createElement(ShortcutsDialog, { open: false, onClose: () => {}, isChair: true, canEdit: true }));
    expect(html).not.toMatch(/autofocus/i);
    expect(html).toMatch(/<h2 id="shortcuts-h" tabindex="-1">Keyboard shortcuts<\/h2>/);
  });

  it("its heading takes focus without scrolling, and the dialog is scrolled back to the top", () => {
    const heading = { focus: vi.fn() };
    const dialog = {
      scrollTop: 0,
      // As the browser does when showModal() focuses a control below the fold.
      showModal: vi.fn(() => {
        dialog.scrollTop = 480;
      }),
      querySelector: vi.fn((selector: string) => (selector === "h2" ? heading : null)),
    };
    showAtTop(dialog as unknown as HTMLDialogElement);
    expect(dialog.showModal).toHaveBeenCalled();
    expect(heading.focus).toHaveBeenCalledWith({ preventScroll: true });
    expect(dialog.scrollTop).toBe(0);
  });
});

describe("the keys listed are the ones pressed on this platform", () => {
  const keysOf = (mac: boolean) => shortcutGroups({ isChair: true, canEdit: true, mac }).flatMap((g) => g.keys.map(([k]) => k));

  it("on Windows and Linux, as before: Ctrl+Alt and Alt+Shift", () => {
    expect(keysOf(false)).toEqual(
      expect.arrayContaining(["Alt+Shift+G", "Tab / Shift+Tab", "Ctrl+Z / Ctrl+Y", "Ctrl+B / Ctrl+I", "Ctrl+Alt+P / O", "Ctrl+Alt+H / T / B / 0", "Ctrl+Alt+9", "Alt+Shift+O / B / R / A", "Alt+Shift+V"]),
    );
  });

  it("on a Mac: ⌘ and ⌘⌥, and ⌃⌥ where Option+Shift would type a character", () => {
    const keys = keysOf(true);
    expect(keys).toEqual(expect.arrayContaining(["⌃⌥G", "Tab / ⇧Tab", "⌘Z / ⌘Y", "⌘B / ⌘I", "⌘⌥P / O", "⌘⌥H / T / B / 0", "⌘⌥9", "⌃⌥O / B / R / A", "⌃⌥V"]));
    expect(keys.join(" ")).not.toMatch(/Alt|Ctrl|Shift/);
  });

  it("the server's HTML (and the first render) has the Windows and Linux form, with the note for Mac users", () => {
    const html = renderToStaticMarkup(createElement(ShortcutsDialog, { open: false, onClose: () => {}, isChair: true, canEdit: true }));
    expect(html).toContain("<kbd>Alt+Shift+G</kbd>");
    expect(html).toContain("On a Mac, Ctrl is ⌘, Alt is ⌥ and Alt+Shift is ⌃⌥.");
  });
});

describe("read-only text lists the keys that select words", () => {
  const titles = (canEdit: boolean, mac = false) => shortcutGroups({ isChair: false, canEdit, mac });

  it("the chair's pen or an observer: selecting keys instead of undo and bold, as this platform presses them", () => {
    const readOnly = titles(false).find((g) => g.title === "In the text (read only)");
    expect(readOnly?.keys.map(([k]) => k)).toEqual(["Shift+← → ↑ ↓", "Ctrl+Shift+← →", "Shift+Home / End"]);
    expect(titles(false, true).find((g) => g.title === "In the text (read only)")?.keys.map(([k]) => k)).toEqual(["⇧← → ↑ ↓", "⌥⇧← →", "⌘⇧← →"]);
    expect(titles(false).map((g) => g.title)).not.toContain("In the text");
  });

  it("open drafting: the editing keys, not the read-only group", () => {
    expect(titles(true).map((g) => g.title)).toEqual(["Anywhere on the page", "In the text"]);
  });
});
