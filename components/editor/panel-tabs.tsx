"use client";

import type { KeyboardEvent } from "react";
import { useIsMac } from "../platform";
import { ariaKeyShortcuts, type Shortcut } from "./shortcut";
import { REVIEW_KEY } from "./shortcut-keys";

/** The workspace's side panels, one shown at a time. */
export type PanelTab = "annotations" | "paragraphs" | "review" | "people";

/**
 * The side panels' tabs (the chair's Review first), controlling the one tabpanel
 * "side-panel"; `openPositions` and `online` are counted in their labels.
 */
export function PanelTabs({ tab, onChange, isChair, openPositions, online }: { tab: PanelTab; onChange: (tab: PanelTab) => void; isChair: boolean; openPositions: number; online: number }) {
  const mac = useIsMac();
  // `shortcut`: the page's shortcut that opens the panel (the chair's Alt+Shift+V for the review queue).
  const tabs: { id: PanelTab; label: string; shortcut?: Shortcut }[] = [
    ...(isChair ? [{ id: "review" as const, label: "Review", shortcut: REVIEW_KEY }] : []),
    { id: "annotations", label: `Positions (${openPositions})` },
    { id: "paragraphs", label: "Paragraphs" },
    { id: "people", label: `Online (${online})` },
  ];

  // The WAI-ARIA tabs pattern: one tab in the Tab order, arrows / Home / End move between them.
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((t) => t.id === tab);
    const to = e.key === "ArrowRight" ? at + 1 : e.key === "ArrowLeft" ? at - 1 : e.key === "Home" ? 0 : e.key === "End" ? tabs.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    onChange(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label="Panels" onKeyDown={onTabKey}>
      {tabs.map((t) => (
        <button
          key={t.id}
          id={`tab-${t.id}`}
          type="button"
          role="tab"
          aria-selected={tab === t.id}
          aria-controls="side-panel"
          tabIndex={tab === t.id ? 0 : -1}
          className="tab"
          aria-keyshortcuts={t.shortcut ? ariaKeyShortcuts(t.shortcut, mac) : undefined}
          onClick={() => onChange(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
