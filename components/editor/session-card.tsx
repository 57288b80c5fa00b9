"use client";

import Link from "next/link";
import type { EditingMode } from "@/server/collab/types";
import { ConnectionStatus, LiveUpdatesStatus } from "./connection-status";
import type { ConnectionState } from "./use-collab";
import type { LiveState } from "./use-negotiation";
import { ModeSwitch } from "./mode-switch";
import { useIsMac } from "../platform";
import { ariaKeyShortcuts, shortcutLabel } from "./shortcut";
import { GOTO_KEY } from "./shortcut-keys";

/**
 * "You": the connection, the shortcuts and Go to paragraph, who is signed in as what
 * (`roleText`), and for the chair the participants and the editing mode.
 */
export function SessionCard({
  state,
  live,
  color,
  userName,
  roleText,
  isChair,
  documentId,
  mode,
  onModeChange,
  onShortcuts,
  onGoto,
}: {
  state: ConnectionState;
  live: LiveState;
  color: string;
  userName: string;
  roleText: string;
  isChair: boolean;
  documentId: string;
  mode: EditingMode;
  onModeChange: (mode: EditingMode) => void;
  onShortcuts: () => void;
  onGoto: () => void;
}) {
  const mac = useIsMac();
  return (
    // One compact card: at 1280×720 the review queue below needs the height.
    <section className="panel-section session-card" aria-labelledby="you-h">
      <h2 id="you-h" className="sr-only">
        You
      </h2>
      <div className="session-row">
        <ConnectionStatus state={state} />
        <button type="button" className="link-button small shortcuts-link" onClick={() => onShortcuts()}>
          Keyboard shortcuts (?)
        </button>
      </div>
      <div className="session-row">
        <button type="button" className="link-button small shortcuts-link" onClick={() => onGoto()} aria-keyshortcuts={ariaKeyShortcuts(GOTO_KEY, mac)}>
          {`Go to paragraph (${shortcutLabel(GOTO_KEY, mac)})`}
        </button>
      </div>
      <LiveUpdatesStatus state={live} />
      <div className="session-row">
        <p>
          <span className="dot" style={{ background: color }} aria-hidden="true" /> {userName}
          {/* The role and delegation, unless the account's name says them already ("Delegate of Albania"). */}
          {roleText && !userName.toLowerCase().startsWith(roleText.toLowerCase()) ? <span className="muted"> · {roleText}</span> : null}
        </p>
        {isChair ? (
          <Link href={`/documents/${documentId}/participants`} className="small">
            Manage participants
          </Link>
        ) : null}
      </div>
      {isChair ? <ModeSwitch mode={mode} onChange={onModeChange} /> : null}
    </section>
  );
}
