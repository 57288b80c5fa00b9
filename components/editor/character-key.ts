/** The parts of a keydown that tell a typed character from a shortcut. */
export type KeyLike = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "altKey" | "metaKey" | "getModifierState">;

/** The letter or digit printed on the key in a US layout ("KeyO" → "o", "Digit9" → "9"). */
export function keyCapOf(code: string): string | null {
  const match = /^(?:Key([A-Z])|(?:Digit|Numpad)([0-9]))$/.exec(code);
  if (!match) return null;
  return (match[1] ?? match[2] ?? "").toLowerCase();
}

/**
 * True when a keydown with Ctrl+Alt (or AltGr), or on a Mac with Option, types a character
 * rather than asking for a shortcut. Windows reports AltGr as Ctrl+Alt: Polish AltGr+O types
 * "ó", German AltGr+9 "]", Czech AltGr+9 a dead accent; none of them may run Ctrl+Alt+O or
 * Ctrl+Alt+9. Option on a Mac is the same: Option+Shift+O types "Ø", Option+E a dead accent.
 * A key that gives its own letter or digit (Ctrl+Alt+O on a US layout) is the shortcut.
 * Cmd, and Control on a Mac, never type, so ⌘⌥ and ⌃⌥ shortcuts are left alone.
 */
export function typesCharacter(event: KeyLike, mac: boolean): boolean {
  if (event.metaKey || (mac && event.ctrlKey)) return false;
  const produces = event.key === "Dead" || [...event.key].length === 1;
  if (!produces) return false;
  const composing = event.getModifierState("AltGraph") || (mac ? event.altKey : event.ctrlKey && event.altKey);
  if (!composing) return false;
  return event.key.toLowerCase() !== keyCapOf(event.code);
}
