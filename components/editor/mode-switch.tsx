import type { EditingMode } from "@/server/collab/types";

/** The chair's choice: hold the pen, or let delegations draft with tracked changes. */
export function ModeSwitch({ mode, onChange }: { mode: EditingMode; onChange: (mode: EditingMode) => void }) {
  return (
    <label className="mode-switch">
      Editing mode
      <select value={mode} onChange={(e) => onChange(e.target.value as EditingMode)}>
        <option value="chairs_pen">Chair&apos;s pen</option>
        <option value="open_drafting">Open drafting (tracked)</option>
      </select>
    </label>
  );
}
