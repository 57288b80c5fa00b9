import { describe, expect, it, vi } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ShortcutsDialog, showAtTop } from "./shortcuts-dialog";

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
