import { describe, expect, it } from "vitest";
import { participlePieces } from "./model";
import { styledText } from "./styled";

const italic = (pieces: { text: string; italics: boolean }[]) => pieces.filter((p) => p.italics).map((p) => p.text).join("");

describe("the preambular participle in italics", () => {
  it("is the whole participle when the paragraph opens with bracketed text, the bracket itself upright", () => {
    const pieces = styledText({ kind: "preambular", runs: [{ text: "Noting with appreciation", marks: ["bracket"] }, { text: " the report," }] });
    expect(italic(pieces)).toBe("Noting");
    expect(pieces.map((p) => p.text).join("")).toBe("[Noting with appreciation] the report,");
    expect(pieces[0]).toMatchObject({ text: "[", italics: false });
  });

  it("runs on across runs and keeps a run's own italics", () => {
    const pieces = styledText({ kind: "preambular", runs: [{ text: "Bear" }, { text: "ing in mind " }, { text: "also", marks: ["italic"] }] });
    expect(italic(pieces)).toBe("Bearing in mindalso");
    expect(pieces.map((p) => p.text).join("")).toBe("Bearing in mind also");
  });

  it("cuts a bracketed run inside the participle after its opening bracket", () => {
    expect(participlePieces({ text: "ting it", marks: ["bracket"] }, 3, 7, { open: true, close: true })).toEqual([
      { text: "[", participle: false },
      { text: "ting", participle: true },
      { text: " it]", participle: false },
    ]);
    expect(participlePieces({ text: "plain" }, 10, 7, { open: false, close: false })).toEqual([{ text: "plain", participle: false }]);
  });
});
