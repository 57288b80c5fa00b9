"use client";

import { useState } from "react";
import { piecesById, type Suggestion } from "@/lib/negotiation/suggestions";
import { FocusedStatus } from "../focused-status";
import { TrackedWords } from "./tracked-words";
import { changeName, changeSentence } from "./tracked-change";
import type { ApiResult } from "./use-negotiation";

interface Change {
  id: string;
  pieces: Suggestion[];
}

/** The delegation's tracked changes, one item per id (pieces of one change, a replacement's two parts, together), in text order. */
export function ownChanges(suggestions: readonly Suggestion[], code: string): Change[] {
  return [...piecesById(suggestions.filter((s) => s.delegation === code))].map(([id, pieces]) => ({ id, pieces }));
}

/**
 * A delegate's own tracked changes awaiting the chair, each with Withdraw: under the chair's
 * pen, or once the paragraph is closed to drafting, typing can no longer take one back.
 */
export function OwnChanges({
  suggestions,
  code,
  numberOf,
  onJump,
  withdraw,
}: {
  suggestions: readonly Suggestion[];
  code: string;
  numberOf: (blockId: string) => string;
  onJump: (blockId: string) => void;
  withdraw: (id: string) => Promise<ApiResult>;
}) {
  const changes = ownChanges(suggestions, code);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (changes.length === 0 && !message) return null;

  async function take(c: Change) {
    const what = `your ${changeSentence(c.pieces, numberOf(c.pieces[0]!.blockId))}`;
    if (!window.confirm(`Withdraw ${what}? The chair will no longer see it; to propose it again, type it again or file an amendment.`)) return;
    setBusy(c.id);
    const res = await withdraw(c.id);
    setBusy(null);
    setMessage(res.ok ? { ok: true, text: `Withdrawn: ${what}.` } : { ok: false, text: `Not withdrawn: ${res.message ?? "the request failed"}.` });
  }

  return (
    <section className="own-changes" aria-labelledby="own-changes-heading">
      <h2 id="own-changes-heading" className="panel-title">
        Your tracked changes awaiting the chair ({changes.length})
      </h2>
      {message?.ok ? <FocusedStatus focusOn={message}>{message.text}</FocusedStatus> : null}
      {message && !message.ok ? (
        <p className="warning" role="alert">
          {message.text}
        </p>
      ) : null}
      <ul className="plain-list">
        {changes.map((c) => (
          <li key={c.id} className="own-change">
            <button type="button" className="link-button" onClick={() => onJump(c.pieces[0]!.blockId)}>
              {numberOf(c.pieces[0]!.blockId)}
            </button>{" "}
            <span className="muted">{changeName(c.pieces)}:</span> <TrackedWords pieces={c.pieces} numberOf={numberOf} />{" "}
            <button type="button" className="button small subtle" disabled={busy === c.id} onClick={() => void take(c)} aria-label={`Withdraw your ${changeName(c.pieces)} in ${numberOf(c.pieces[0]!.blockId)}`}>
              Withdraw
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
