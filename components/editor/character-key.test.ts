import { describe, expect, it } from "vitest";
import { typesCharacter } from "./character-key";
import { keydown } from "./test-keydown";

type Init = Parameters<typeof keydown>[0];
const onWindows = (init: Init) => typesCharacter(keydown(init), false);
const onMac = (init: Init) => typesCharacter(keydown(init), true);

describe("on Windows and Linux, a Ctrl+Alt key that types a character is not a shortcut", () => {
  it("AltGr on Windows (Ctrl+Alt): Polish ó, German ], a Czech dead accent, French @", () => {
    expect(onWindows({ key: "ó", code: "KeyO", ctrlKey: true, altKey: true })).toBe(true);
    expect(onWindows({ key: "Ó", code: "KeyO", ctrlKey: true, altKey: true })).toBe(true);
    expect(onWindows({ key: "]", code: "Digit9", ctrlKey: true, altKey: true })).toBe(true);
    expect(onWindows({ key: "Dead", code: "Digit9", ctrlKey: true, altKey: true })).toBe(true);
    expect(onWindows({ key: "@", code: "Digit0", ctrlKey: true, altKey: true })).toBe(true);
  });

  it("AltGr reported as AltGraph, with or without Ctrl+Alt", () => {
    expect(onWindows({ key: "ó", code: "KeyO", altGraph: true })).toBe(true);
    expect(onWindows({ key: "ą", code: "KeyA", altGraph: true, ctrlKey: true, altKey: true })).toBe(true);
  });

  it("Ctrl+Alt+O and Ctrl+Alt+9 on a US layout, and AltGr on a key with no AltGr character, are shortcuts", () => {
    expect(onWindows({ key: "o", code: "KeyO", ctrlKey: true, altKey: true })).toBe(false);
    expect(onWindows({ key: "O", code: "KeyO", ctrlKey: true, altKey: true })).toBe(false);
    expect(onWindows({ key: "9", code: "Digit9", ctrlKey: true, altKey: true })).toBe(false);
    expect(onWindows({ key: "0", code: "Numpad0", ctrlKey: true, altKey: true })).toBe(false);
    expect(onWindows({ key: "o", code: "KeyO", altGraph: true, ctrlKey: true, altKey: true })).toBe(false);
  });

  it("Cmd, plain typing, Alt alone, Ctrl alone and named keys are left alone", () => {
    expect(onWindows({ key: "ø", code: "KeyO", metaKey: true, altKey: true })).toBe(false);
    expect(onWindows({ key: "ó", code: "KeyO" })).toBe(false);
    expect(onWindows({ key: "Ø", code: "KeyO", altKey: true })).toBe(false);
    expect(onWindows({ key: "z", code: "KeyZ", ctrlKey: true })).toBe(false);
    expect(onWindows({ key: "ArrowDown", code: "ArrowDown", ctrlKey: true, altKey: true })).toBe(false);
  });
});

describe("on a Mac, an Option key that types a character is not a shortcut", () => {
  it("Option+Shift+O (Ø), Option+Shift+A (Å), Option+E (a dead accent), German Option+5 ([)", () => {
    expect(onMac({ key: "Ø", code: "KeyO", altKey: true, shiftKey: true })).toBe(true);
    expect(onMac({ key: "Å", code: "KeyA", altKey: true, shiftKey: true })).toBe(true);
    expect(onMac({ key: "Dead", code: "KeyE", altKey: true })).toBe(true);
    expect(onMac({ key: "[", code: "Digit5", altKey: true })).toBe(true);
  });

  it("Control+Option and Cmd+Option never type, whatever the key says; Option on a key that gives its own letter is a shortcut", () => {
    expect(onMac({ key: "ø", code: "KeyO", ctrlKey: true, altKey: true })).toBe(false);
    expect(onMac({ key: "Ø", code: "KeyO", ctrlKey: true, altKey: true, shiftKey: true })).toBe(false);
    expect(onMac({ key: "ø", code: "KeyO", metaKey: true, altKey: true })).toBe(false);
    expect(onMac({ key: "O", code: "KeyO", altKey: true, shiftKey: true })).toBe(false);
    expect(onMac({ key: "ó", code: "KeyO" })).toBe(false);
  });
});
