"use client";

import { RejectForm } from "./reject-form";
import { TrackedWords } from "./tracked-words";
import { changeName, scattered } from "./tracked-change";
import type { DelegationRef } from "@/server/negotiation/views";
import { upholds, type NumberOf, type ReviewItem } from "./review-items";
import { useIsMac } from "../platform";
import { ariaKeyShortcuts } from "./shortcut";
import { REVIEW_QUEUE_KEYS } from "./shortcut-keys";

/**
 * One item of the review queue, in the delegation's colour; the current one (`active`) with
 * its decision buttons and, while the chair rejects it, the reason form.
 */
export function ReviewItemRow({
  item,
  active,
  rejecting,
  byCode,
  numberOf,
  onSelect,
  onAccept,
  onStartReject,
  onReject,
  onCancelReject,
  onAcceptAllIn,
  onResolve,
  onNext,
}: {
  item: ReviewItem;
  active: boolean;
  rejecting: boolean;
  byCode: ReadonlyMap<string, DelegationRef>;
  numberOf: NumberOf;
  onSelect: () => void;
  onAccept: () => void;
  onStartReject: () => void;
  onReject: (reason: string) => void;
  onCancelReject: () => void;
  onAcceptAllIn: () => void;
  onResolve: () => void;
  onNext: () => void;
}) {
  const mac = useIsMac();
  const who = item.kind === "annotation" ? item.a.author.delegation : (byCode.get(item.s.delegation) ?? null);
  return (
    <li className={active ? "is-current" : ""} aria-current={active ? "true" : undefined} style={{ borderLeftColor: who?.color }}>
      <button type="button" className="link-button review-item" onClick={() => onSelect()}>
        <span className="para-ref">{numberOf(item.blockId)}</span>{" "}
        {item.kind === "annotation" ? (
          <>
            <strong>{item.a.kind}</strong> · {who?.name ?? item.a.author.userName}
            {item.a.cosponsors.length ? ` +${item.a.cosponsors.length}` : ""}: <q>{item.a.quote || "(insertion point)"}</q>
            {item.a.proposedText ? <> → <ins>{item.a.proposedText}</ins></> : null}
          </>
        ) : (
          <>
            <strong>{changeName(item.pieces)}</strong> · {who?.name ?? item.s.delegation}
            {scattered(item.pieces) ? ` (${item.pieces.length} pieces, decided together)` : ""}: <TrackedWords pieces={item.pieces} numberOf={numberOf} />
          </>
        )}
      </button>
      {/* While the reason is typed, the form's Reject and Cancel are the choices: the row of
          buttons goes, so the item (its heading and the reason) fits the queue's box. */}
      {active && !rejecting ? (
        <div className="ann-actions">
          <button type="button" className="button small primary" onClick={() => onAccept()} aria-keyshortcuts={ariaKeyShortcuts(REVIEW_QUEUE_KEYS.accept, mac)}>
            {upholds(item) ? "Uphold (A)" : "Accept (A)"}
          </button>
          <button type="button" className="button small" onClick={() => onStartReject()} aria-keyshortcuts={ariaKeyShortcuts(REVIEW_QUEUE_KEYS.reject, mac)}>
            Reject… (R)
          </button>
          {item.kind === "suggestion" ? (
            <button type="button" className="button small subtle" onClick={() => onAcceptAllIn()}>
              Accept all in {numberOf(item.blockId)}
            </button>
          ) : (
            <button type="button" className="button small" onClick={() => onResolve()} aria-keyshortcuts={ariaKeyShortcuts(REVIEW_QUEUE_KEYS.resolve, mac)}>
              Resolve (S)
            </button>
          )}
          <button type="button" className="button small subtle" onClick={() => onNext()} aria-keyshortcuts={ariaKeyShortcuts(REVIEW_QUEUE_KEYS.next, mac)}>
            Next (J)
          </button>
        </div>
      ) : null}
      {active && rejecting ? <RejectForm label="Reason" onReject={onReject} onCancel={onCancelReject} /> : null}
    </li>
  );
}
