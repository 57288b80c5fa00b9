/**
 * Which review item is current, by its key. Until the chair moves or decides (`engaged`), the
 * first item: the queue fills in batches (tracked changes from the text, positions from the
 * server), and following the first item of the first batch to its place in the second
 * opened the queue on "2 of 9". Then the item the chair is on, wherever items filed or
 * decided meanwhile moved it; once it is gone (decided, withdrawn, filtered out), the item
 * that took its place (`lastIndex`), as after J.
 */
export function currentIndex(keys: readonly string[], currentKey: string | null, lastIndex: number, engaged: boolean): number {
  if (!engaged) return 0;
  const found = currentKey === null ? -1 : keys.indexOf(currentKey);
  return found >= 0 ? found : Math.max(0, Math.min(lastIndex, keys.length - 1));
}
