import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { AnnotationView } from "@/server/negotiation/views";
import { PanelTabs } from "./panel-tabs";
import { ReviewHead } from "./review-head";
import { ReviewItemRow } from "./review-item-row";
import { SessionCard } from "./session-card";

const noop = () => {};

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
  onModeChange: noop,
  onShortcuts: noop,
  onGoto: noop,
} as const;

const ALB = { id: "d-alb", code: "ALB", name: "Albania", color: "#b91c1c" };
const objection = {
  id: "a1",
  kind: "objection",
  status: "open",
  blockId: "b1",
  quote: "all States",
  proposedText: null,
  author: { userName: "Delegate of Albania", delegation: ALB },
  cosponsors: [],
} as unknown as AnnotationView;

// The server's HTML (and the first render) has the Windows and Linux keys: see shortcut.test.ts for a Mac's.
describe("a control that has a shortcut tells screen readers its key (aria-keyshortcuts)", () => {
  it("the chair's Review tab: Alt+Shift+V, and no other tab", () => {
    const html = renderToStaticMarkup(createElement(PanelTabs, { tab: "annotations", onChange: noop, isChair: true, openPositions: 2, online: 3 }));
    expect(openingTag(html, /id="tab-review"/)).toContain('aria-keyshortcuts="Alt+Shift+V"');
    expect(html.match(/aria-keyshortcuts/g)).toHaveLength(1);
  });

  it("a delegate has no Review tab and no review key", () => {
    const html = renderToStaticMarkup(createElement(PanelTabs, { tab: "annotations", onChange: noop, isChair: false, openPositions: 2, online: 3 }));
    expect(html).not.toContain("aria-keyshortcuts");
  });

  it("Go to paragraph: Alt+Shift+G", () => {
    const html = renderToStaticMarkup(createElement(SessionCard, session));
    expect(buttonTag(html, "Go to paragraph (Alt+Shift+G)")).toContain('aria-keyshortcuts="Alt+Shift+G"');
  });

  it("the review queue's decision buttons: A accept (uphold, for an objection), R reject, S resolve, J next, U undo", () => {
    const row = renderToStaticMarkup(
      createElement(ReviewItemRow, {
        item: { key: "a-a1", kind: "annotation", blockId: "b1", a: objection },
        active: true,
        rejecting: false,
        byCode: new Map([["ALB", ALB]]),
        numberOf: () => "OP3",
        onSelect: noop,
        onAccept: noop,
        onStartReject: noop,
        onReject: noop,
        onCancelReject: noop,
        onAcceptAllIn: noop,
        onResolve: noop,
        onNext: noop,
      }),
    );
    expect(buttonTag(row, "Uphold (A)")).toContain('aria-keyshortcuts="A"');
    expect(buttonTag(row, "Resolve (S)")).toContain('aria-keyshortcuts="S"');
    expect(buttonTag(row, "Reject… (R)")).toContain('aria-keyshortcuts="R"');
    expect(buttonTag(row, "Next (J)")).toContain('aria-keyshortcuts="J"');

    const head = renderToStaticMarkup(
      createElement(ReviewHead, {
        delegations: [ALB],
        delegation: "",
        onDelegation: noop,
        kind: "",
        onKind: noop,
        index: 0,
        total: 1,
        resolvable: true,
        message: { ok: true, text: "Objection rejected.", undo: "a1" },
        onUndo: noop,
        onBulk: noop,
      }),
    );
    expect(buttonTag(head, "Undo (U)")).toContain('aria-keyshortcuts="U"');
  });
});
