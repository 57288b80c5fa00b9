/** The parts of a keydown that tell a typed character from a shortcut. */
export type KeyLike = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "altKey" | "metaKey" | "getModifierState">;

/** The letter or digit printed on the key in a US layout ("KeyO" → "o", "Digit9" → "9"). */
function keyCapOf(code: string): string | null {
  const match = /^(?:Key([A-Z])|(?:Digit|Numpad)([0-9]))$/.exec(code);
  if (!match) return null;
  return (match[1] ?? match[2] ?? "").toLowerCase();
}

/**
 * True when a keydown with Ctrl+Alt (or AltGr) types a character rather than asking for a
 * shortcut. Windows reports AltGr as Ctrl+Alt: Polish AltGr+O types "ó", German AltGr+9 "]",
 * Czech AltGr+9 a dead accent; none of them may run Ctrl+Alt+O or Ctrl+Alt+9. A key that
 * gives its own letter or digit (Ctrl+Alt+O on a US layout) is the shortcut. Cmd (Mac) never
 * types, so Mac shortcuts are left alone.
 */
export function typesCharacter(event: KeyLike): boolean {
  if (event.metaKey) return false;
  const produces = event.key === "Dead" || [...event.key].length === 1;
  if (!produces) return false;
  if (!event.getModifierState("AltGraph") && !(event.ctrlKey && event.altKey)) return false;
  return event.key.toLowerCase() !== keyCapOf(event.code);
}
