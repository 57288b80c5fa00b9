import { describe, expect, it } from "vitest";
import { aroundCursor, insideWord } from "./cursor-context";

describe("the words around an amendment's insertion point", () => {
  it("shows a few words on each side, cut at a word", () => {
    expect(aroundCursor("Continue to implement all decisions on ", "confidence-building measures and the")).toEqual({
      before: "…all decisions on ",
      after: "confidence-building…",
    });
    expect(aroundCursor("Short ", "text")).toEqual({ before: "Short ", after: "text" });
  });

  it("knows a point inside a word from one between words or at a paragraph's ends", () => {
    expect(insideWord("stemming from th", "e use of")).toBe(true);
    expect(insideWord("Resolution 7", "5/240")).toBe(true);
    expect(insideWord("from the", " use")).toBe(false);
    expect(insideWord("from the ", "use")).toBe(false);
    expect(insideWord("commitments", ";")).toBe(false);
    expect(insideWord("", "Continue")).toBe(false);
    expect(insideWord("the end", "")).toBe(false);
    expect(insideWord("l’", "OSCE")).toBe(false);
  });
});
