import type { ShortcutKey } from "./shortcut";

/** For tests: a keydown as a browser reports it; altGraph is what getModifierState("AltGraph") says. */
export function keydown(init: Partial<Omit<ShortcutKey, "getModifierState">> & { altGraph?: boolean }): ShortcutKey {
  const { altGraph = false, ...rest } = init;
  return { key: "", code: "", ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, getModifierState: (m: string) => m === "AltGraph" && altGraph, ...rest };
}
