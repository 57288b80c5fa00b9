import { clipWords } from "../format/clip";

/**
 * What a delegate is told when the server undid their change (the reasons come from the
 * editing policy: server/collab/policy.ts and checkOpenDraftingUpdate), quoting the words it
 * typed, if any, so that they can propose them another way.
 */
export function revertExplanation(reason: string, lost = ""): string {
  const quoted = clipWords(lost, 200);
  const what = quoted ? `Your words “${quoted}” were undone` : "Your change was undone";
  if (/chair holds the pen/.test(reason)) return `${what}: the chair holds the pen. Select words and propose an amendment instead.`;
  if (/^suggests in agreed paragraph /.test(reason)) {
    return `${what}: that paragraph is agreed and closed to drafting. Ask the chair to reopen it, or file a position on it.`;
  }
  if (/^changes accepted text/.test(reason)) {
    // Mostly Ctrl+Z after the chair accepted the change it would undo: that is the text now.
    return `${what}: it changed accepted text directly (Undo after the chair has decided a change, for one). To change accepted text, propose it: select words and press Delete, or type new words.`;
  }
  return `${what}: in open drafting you may add or withdraw only your own delegation's tracked changes.`;
}
