import type { EditingMode } from "@/server/collab/types";
import { closedSelectProps } from "../closed-select-keys";

/** What switching to a mode does, asked before a mode chosen by keyboard is applied. */
export function modeQuestion(mode: EditingMode): string {
  return mode === "open_drafting"
    ? "Open the text for drafting? Every delegation is told, and what delegates type becomes tracked changes in their colour."
    : "Take back the chair's pen? Every delegation is told, and delegates can no longer type in the text.";
}

/**
 * The chair's choice: hold the pen, or let delegations draft with tracked changes. It changes
 * the text for everyone, so a mode chosen by keyboard is confirmed first; arrows on the
 * closed list do nothing.
 */
export function ModeSwitch({ mode, onChange }: { mode: EditingMode; onChange: (mode: EditingMode) => void }) {
  const props = closedSelectProps((value, byKeyboard) => {
    const next = value as EditingMode;
    if (byKeyboard && !window.confirm(modeQuestion(next))) return;
    onChange(next);
  });
  return (
    <label className="mode-switch">
      Editing mode
      <select value={mode} {...props}>
        <option value="chairs_pen">Chair&apos;s pen</option>
        <option value="open_drafting">Open drafting (tracked)</option>
      </select>
    </label>
  );
}
