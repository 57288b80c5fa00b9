import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PanelTabs } from "./panel-tabs";
import { SessionCard } from "./session-card";

/** The opening tag of the one element whose opening tag matches `pattern`. */
function openingTag(html: string, pattern: RegExp): string {
  const tags = html.match(/<[a-z]+\b[^>]*>/g) ?? [];
  const found = tags.filter((tag) => pattern.test(tag));
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The opening tag of the button whose text is `text`. */
function buttonTag(html: string, text: string): string {
  const at = html.indexOf(`>${text}</button>`);
  expect(at).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf("<button", at), at + 1);
}

const session = {
  state: "synced",
  live: "live",
  color: "#1d4ed8",
  userName: "Delegate of Albania",
  roleText: "Delegate",
  isChair: false,
  documentId: "d1",
  mode: "chairs_pen",
  onModeChange: () => {},
  onShortcuts: () => {},
  onGoto: () => {},
} as const;

// The server's HTML (and the first render) has the Windows and Linux keys: see shortcut.test.ts for a Mac's.
describe("a control that has a shortcut tells screen readers its key (aria-keyshortcuts)", () => {
  it("the chair's Review tab: Alt+Shift+V, and no other tab", () => {
    const html = renderToStaticMarkup(createElement(PanelTabs, { tab: "annotations", onChange: () => {}, isChair: true, openPositions: 2, online: 3 }));
    expect(openingTag(html, /id="tab-review"/)).toContain('aria-keyshortcuts="Alt+Shift+V"');
    expect(html.match(/aria-keyshortcuts/g)).toHaveLength(1);
  });

  it("a delegate has no Review tab and no review key", () => {
    const html = renderToStaticMarkup(createElement(PanelTabs, { tab: "annotations", onChange: () => {}, isChair: false, openPositions: 2, online: 3 }));
    expect(html).not.toContain("aria-keyshortcuts");
  });

  it("Go to paragraph: Alt+Shift+G", () => {
    const html = renderToStaticMarkup(createElement(SessionCard, session));
    expect(buttonTag(html, "Go to paragraph (Alt+Shift+G)")).toContain('aria-keyshortcuts="Alt+Shift+G"');
  });
});
