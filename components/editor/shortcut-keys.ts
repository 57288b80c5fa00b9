import type { BlockKind } from "@/lib/model/types";
import { PARAGRAPH_STATUSES, PARAGRAPH_STATUS_LABEL, type ParagraphStatus } from "@/lib/negotiation/types";
import { chordLabel, type Shortcut } from "./shortcut";

/** What a chair's Ctrl+Alt key (⌘⌥ on a Mac) does: set the block kind, or bracket the selected words. */
export type BlockAction = BlockKind | "bracket";

/**
 * The page's shortcuts, each bound and shown from here (shortcutLabel), so a binding and
 * what the page says of it cannot part.
 */
export const BLOCK_KEYS: Record<BlockAction, Shortcut<"mod-alt">> = {
  paragraph: { chord: "mod-alt", key: "0" },
  preambular: { chord: "mod-alt", key: "P" },
  operative: { chord: "mod-alt", key: "O" },
  heading: { chord: "mod-alt", key: "H" },
  bullet: { chord: "mod-alt", key: "B" },
  title: { chord: "mod-alt", key: "T" },
  bracket: { chord: "mod-alt", key: "9" },
};

/** The chair's status keys on the paragraph under the cursor. */
export const STATUS_KEYS: Record<ParagraphStatus, Shortcut<"alt-shift">> = {
  open: { chord: "alt-shift", key: "O" },
  bracketed: { chord: "alt-shift", key: "B" },
  agreed_ad_ref: { chord: "alt-shift", key: "R" },
  agreed: { chord: "alt-shift", key: "A" },
};

/** The status keys with what each sets: "Alt+Shift+O open, B bracketed, R agreed ad ref., A agreed" (⌃⌥O … on a Mac). */
export function statusKeysHint(mac: boolean): string {
  const each = PARAGRAPH_STATUSES.map((s) => `${STATUS_KEYS[s].key} ${PARAGRAPH_STATUS_LABEL[s].toLowerCase()}`);
  return chordLabel("alt-shift", mac) + each.join(", ");
}

export const GOTO_KEY: Shortcut<"alt-shift"> = { chord: "alt-shift", key: "G" };
export const REVIEW_KEY: Shortcut<"alt-shift"> = { chord: "alt-shift", key: "V" };

type ReviewQueueAction = "next" | "previous" | "accept" | "reject" | "resolve" | "undo";

/**
 * The chair's keys in the review queue, while it has the focus (ReviewPanel): J / K next and
 * previous item, A accept, R reject, S resolve, U undo the last decision.
 */
export const REVIEW_QUEUE_KEYS: Record<ReviewQueueAction, Shortcut<"plain">> = {
  next: { chord: "plain", key: "J" },
  previous: { chord: "plain", key: "K" },
  accept: { chord: "plain", key: "A" },
  reject: { chord: "plain", key: "R" },
  resolve: { chord: "plain", key: "S" },
  undo: { chord: "plain", key: "U" },
};

/** Bound by TipTap as Mod-z, Mod-y, Mod-b and Mod-i (Collaboration, Bold, Italic). */
export const UNDO_KEY: Shortcut<"mod"> = { chord: "mod", key: "Z" };
export const REDO_KEY: Shortcut<"mod"> = { chord: "mod", key: "Y" };
export const BOLD_KEY: Shortcut<"mod"> = { chord: "mod", key: "B" };
export const ITALIC_KEY: Shortcut<"mod"> = { chord: "mod", key: "I" };

/** Backwards through the page's controls; the browser's own. */
export const BACK_TAB_KEY: Shortcut<"shift"> = { chord: "shift", key: "Tab" };
