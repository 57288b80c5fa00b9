import { describe, expect, it } from "vitest";
import { clipWords } from "./clip";

describe("clipWords", () => {
  it("folds spaces and line breaks and trims the ends", () => {
    expect(clipWords("  the\n\trelevant   bodies ", 200)).toBe("the relevant bodies");
  });

  it("cuts after max characters with an ellipsis, counting the folded words", () => {
    expect(clipWords("x".repeat(81), 80)).toBe(`${"x".repeat(80)}…`);
    expect(clipWords("x".repeat(80), 80)).toBe("x".repeat(80));
    expect(clipWords(`${"x".repeat(40)}${" ".repeat(50)}${"y".repeat(39)}`, 80)).toBe(`${"x".repeat(40)} ${"y".repeat(39)}`);
  });

  it("is empty for no words, so the caller can leave out the quotation", () => {
    expect(clipWords(" \n ", 80)).toBe("");
  });
});
