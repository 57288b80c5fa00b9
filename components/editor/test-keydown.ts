import type { KeyLike } from "./character-key";

/** For tests: a keydown as a browser reports it; altGraph is what getModifierState("AltGraph") says. */
export function keydown(init: Partial<Omit<KeyLike, "getModifierState">> & { altGraph?: boolean }): KeyLike {
  const { altGraph = false, ...rest } = init;
  return { key: "", code: "", ctrlKey: false, altKey: false, metaKey: false, getModifierState: (m: string) => m === "AltGraph" && altGraph, ...rest };
}
