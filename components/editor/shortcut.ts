import { keyCapOf, typesCharacter, type KeyLike } from "./character-key";

/**
 * How a shortcut's key is held, named by its Windows and Linux form. On a Mac "mod" and
 * "mod-alt" are ⌘ and ⌘⌥ (ProseMirror's "Mod-"), and "alt-shift" is ⌃⌥: Option+Shift+<letter>
 * types a character there (Option+Shift+O is "Ø"), Control+Option+<letter> none. "plain" is the
 * key alone (the review queue's letters, pressed while it has the focus).
 */
export type Chord = "mod" | "mod-alt" | "alt-shift" | "shift" | "plain";

/** One shortcut: how it is held and its key as printed on a US keyboard ("O", "9", "Tab"). */
export type Shortcut<C extends Chord = Chord> = { chord: C; key: string };

/** The chords as shown: Mac menus' symbols in Apple's order (⌃⌥⇧⌘), words elsewhere. */
const PREFIX: Record<Chord, { mac: string; other: string }> = {
  mod: { mac: "⌘", other: "Ctrl+" },
  "mod-alt": { mac: "⌘⌥", other: "Ctrl+Alt+" },
  "alt-shift": { mac: "⌃⌥", other: "Alt+Shift+" },
  shift: { mac: "⇧", other: "Shift+" },
  plain: { mac: "", other: "" },
};

/** The chord as it is shown before its key: "Alt+Shift+" (⌃⌥ on a Mac). */
export function chordLabel(chord: Chord, mac: boolean): string {
  return mac ? PREFIX[chord].mac : PREFIX[chord].other;
}

/** A shortcut as it is shown: "Alt+Shift+G" (⌃⌥G on a Mac). */
export function shortcutLabel(shortcut: Shortcut, mac: boolean): string {
  return chordLabel(shortcut.chord, mac) + shortcut.key;
}

/** The chords' modifiers as aria-keyshortcuts names them (UI Events key values), each followed by "+". */
const ARIA_MODIFIERS: Record<Chord, { mac: string; other: string }> = {
  mod: { mac: "Meta+", other: "Control+" },
  "mod-alt": { mac: "Meta+Alt+", other: "Control+Alt+" },
  "alt-shift": { mac: "Control+Alt+", other: "Alt+Shift+" },
  shift: { mac: "Shift+", other: "Shift+" },
  plain: { mac: "", other: "" },
};

/**
 * The shortcuts as an aria-keyshortcuts value for this platform, modifiers first and several
 * separated by a space: "Alt+Shift+G", "Control+Alt+G" on a Mac (⌃⌥G, pressed with or without Shift).
 */
export function ariaKeyShortcuts(shortcuts: Shortcut | readonly Shortcut[], mac: boolean): string {
  const list: readonly Shortcut[] = "chord" in shortcuts ? [shortcuts] : shortcuts;
  return list.map((s) => (mac ? ARIA_MODIFIERS[s.chord].mac : ARIA_MODIFIERS[s.chord].other) + s.key).join(" ");
}

/** Shortcuts of one chord as they are shown together: "Ctrl+Alt+P / O" (⌘⌥P / O on a Mac). */
export function shortcutsLabel(shortcuts: readonly Shortcut[], mac: boolean, separator = " / "): string {
  const [first] = shortcuts;
  if (!first) return "";
  return chordLabel(first.chord, mac) + shortcuts.map((s) => s.key).join(separator);
}

/** The shortcut as a prosemirror-keymap name: "Ctrl-Alt-o", "Meta-Alt-o" on a Mac. */
export function keymapName(shortcut: Shortcut<"mod" | "mod-alt">, mac: boolean): string {
  const alt = shortcut.chord === "mod-alt" ? "Alt-" : "";
  return `${mac ? "Meta" : "Ctrl"}-${alt}${shortcut.key.toLowerCase()}`;
}

/** A keydown as the Alt+Shift shortcuts read it. */
export type ShortcutKey = KeyLike & Pick<KeyboardEvent, "shiftKey">;

/**
 * True when the keydown presses this Alt+Shift shortcut: Alt+Shift+<key> where it does not type
 * a character (AltGr+Shift+A types "Ą" on a Polish keyboard) and, on a Mac, Control+Option+<key>
 * (with or without Shift) but nothing with ⌘ (⌘⌥⇧V pastes without formatting). The key is the
 * one in its US place (event.code), as Option changes what event.key says.
 */
export function pressesAltShift(event: ShortcutKey, shortcut: Shortcut<"alt-shift">, mac: boolean): boolean {
  if (keyCapOf(event.code) !== shortcut.key.toLowerCase()) return false;
  if (typesCharacter(event, mac)) return false;
  if (!mac) return event.altKey && event.shiftKey;
  return !event.metaKey && event.altKey && (event.shiftKey || event.ctrlKey);
}
