import type { LostTyping } from "@/lib/editor/own-typing";

/** Words quoted in a notice, spaces folded, long ones cut. */
function quote(text: string, max = 200): string {
  const words = text.replace(/\s+/g, " ").trim();
  return `“${words.length > max ? `${words.slice(0, max)}…` : words}”`;
}

/** Everyone with the document open: what a restore did to the live text. */
export function restoreNotice(version: string, saved: string): string {
  return `The chair restored ${version}: the live text was replaced by it (the text before was saved as “${saved}”).`;
}

/**
 * A participant whose words, typed in the seconds around a restore, went with the text they
 * were typed in; null when none did. `numberOf`: the paragraph's number now, if it has one.
 */
export function lostTypingNotice(version: string, lost: readonly LostTyping[], numberOf: (blockId: string) => string | undefined): string | null {
  const quoted = lost
    .filter((l) => l.text.trim() !== "")
    .map((l) => {
      const where = l.blockId ? numberOf(l.blockId) : undefined;
      return `${quote(l.text)}${where ? ` in ${where}` : ""}`;
    });
  if (quoted.length === 0) return null;
  return `Your words ${quoted.join(" and ")}, typed as the chair restored ${version}, were removed with the text they were typed in. Type them again if they are still wanted.`;
}
