import { describe, expect, it } from "vitest";
import { typesCharacter } from "./character-key";
import { keydown } from "./test-keydown";

describe("a Ctrl+Alt key that types a character is not a shortcut", () => {
  it("AltGr on Windows (Ctrl+Alt): Polish ó, German ], a Czech dead accent, French @", () => {
    expect(typesCharacter(keydown({ key: "ó", code: "KeyO", ctrlKey: true, altKey: true }))).toBe(true);
    expect(typesCharacter(keydown({ key: "Ó", code: "KeyO", ctrlKey: true, altKey: true }))).toBe(true);
    expect(typesCharacter(keydown({ key: "]", code: "Digit9", ctrlKey: true, altKey: true }))).toBe(true);
    expect(typesCharacter(keydown({ key: "Dead", code: "Digit9", ctrlKey: true, altKey: true }))).toBe(true);
    expect(typesCharacter(keydown({ key: "@", code: "Digit0", ctrlKey: true, altKey: true }))).toBe(true);
  });

  it("AltGr reported as AltGraph, with or without Ctrl+Alt", () => {
    expect(typesCharacter(keydown({ key: "ó", code: "KeyO", altGraph: true }))).toBe(true);
    expect(typesCharacter(keydown({ key: "ą", code: "KeyA", altGraph: true, ctrlKey: true, altKey: true }))).toBe(true);
  });

  it("Ctrl+Alt+O and Ctrl+Alt+9 on a US layout, and AltGr on a key with no AltGr character, are shortcuts", () => {
    expect(typesCharacter(keydown({ key: "o", code: "KeyO", ctrlKey: true, altKey: true }))).toBe(false);
    expect(typesCharacter(keydown({ key: "O", code: "KeyO", ctrlKey: true, altKey: true }))).toBe(false);
    expect(typesCharacter(keydown({ key: "9", code: "Digit9", ctrlKey: true, altKey: true }))).toBe(false);
    expect(typesCharacter(keydown({ key: "0", code: "Numpad0", ctrlKey: true, altKey: true }))).toBe(false);
    expect(typesCharacter(keydown({ key: "o", code: "KeyO", altGraph: true, ctrlKey: true, altKey: true }))).toBe(false);
  });

  it("Mac (Cmd), plain typing, Alt alone, Ctrl alone and named keys are left alone", () => {
    expect(typesCharacter(keydown({ key: "ø", code: "KeyO", metaKey: true, altKey: true }))).toBe(false);
    expect(typesCharacter(keydown({ key: "ó", code: "KeyO" }))).toBe(false);
    expect(typesCharacter(keydown({ key: "Ø", code: "KeyO", altKey: true }))).toBe(false);
    expect(typesCharacter(keydown({ key: "z", code: "KeyZ", ctrlKey: true }))).toBe(false);
    expect(typesCharacter(keydown({ key: "ArrowDown", code: "ArrowDown", ctrlKey: true, altKey: true }))).toBe(false);
  });
});
