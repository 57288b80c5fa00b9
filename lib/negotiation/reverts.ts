/**
 * What a delegate is told when the server undid their change (the reasons come from the
 * editing policy: server/collab/policy.ts and checkOpenDraftingUpdate).
 */
export function revertExplanation(reason: string): string {
  const agreed = /^suggests in agreed paragraph /.test(reason);
  if (/chair holds the pen/.test(reason)) return "Your change was undone: the chair holds the pen. Select words and propose an amendment instead.";
  if (agreed) return "Your change was undone: that paragraph is agreed and closed to drafting. Ask the chair to reopen it, or file a position on it.";
  return "Your change was undone: in open drafting you may add or withdraw only your own delegation's tracked changes.";
}
