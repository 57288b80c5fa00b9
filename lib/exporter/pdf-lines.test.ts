import { describe, expect, it } from "vitest";
import { bidiLines, centredLines, type Piece } from "./pdf-lines";

// Every character 1 wide, a bold one 2: widths are easy to read off.
const measure = (text: string, face: string) => text.length * (face === "b" ? 2 : 1);
const show = (lines: ReturnType<typeof centredLines<string>>) => lines.map((l) => l.map((p) => [p.x, p.face, p.text]));

describe("centredLines", () => {
  it("breaks at white space across faces and centres each line as a whole, each piece after the one before it", () => {
    const pieces: Piece<string>[] = [
      { text: "ab ", face: "b" },
      { text: "cd ef gh", face: "i" },
    ];
    // "ab cd" is 4 + 2 + 2 = 8 wide, "ef gh" 5, in a box of 10.
    expect(show(centredLines(pieces, 10, measure))).toEqual([
      [
        [1, "b", "ab "],
        [7, "i", "cd "],
      ],
      [[2.5, "i", "ef gh"]],
    ]);
  });

  it("keeps a word whose faces change mid-word whole, and breaks a word wider than the box where it has to", () => {
    expect(show(centredLines([{ text: "x ", face: "i" }, { text: "yy", face: "b" }, { text: "z", face: "i" }], 6, measure))).toEqual([[[2.5, "i", "x "]], [[0.5, "b", "yy"], [4.5, "i", "z"]]]);
    expect(show(centredLines([{ text: "abcdefg", face: "i" }], 3, measure))).toEqual([[[0, "i", "abc"]], [[0, "i", "def"]], [[1, "i", "g"]]]);
  });
});

describe("no-break spaces", () => {
  it("never breaks a line at a no-break space (\"No.\u00a05/17\", \"31\u00a0December\", French \"capacités\u202f;\")", () => {
    const pieces: Piece<string>[] = [{ text: "ab No.\u00a05/17 x\u202f;", face: "i" }];
    expect(show(centredLines(pieces, 9, measure)).map((l) => l.map((p) => p[2]).join(""))).toEqual(["ab ", "No.\u00a05/17 ", "x\u202f;"]);
    expect(bidiLines(pieces, 9, 0, measure, () => false, false).map((l) => l.map((p) => p.text).join(""))).toEqual(["ab", "No.\u00a05/17", "x\u202f;"]);
  });
});

describe("bidiLines", () => {
  // Face "r" is right to left (Arabic); its words are written here in capitals.
  const rtl = (face: string) => face === "r";
  const seen = (lines: ReturnType<typeof bidiLines<string>>) => lines.map((l) => l.filter((p) => p.text.trim()).map((p) => [p.x, p.text]));

  it("in a left-to-right line, reads a stretch of right-to-left words from its right, the words around it in place", () => {
    const pieces: Piece<string>[] = [{ text: "ab ", face: "i" }, { text: "ONE TWO", face: "r" }, { text: ". cd", face: "i" }];
    expect(seen(bidiLines(pieces, 40, 0, measure, rtl, false))).toEqual([[[0, "ab"], [3, "TWO"], [7, "ONE"], [10, "."], [12, "cd"]]]);
  });

  it("sets a right-to-left paragraph against the right edge, line by line, its numbers left to right, the first line indented", () => {
    const pieces: Piece<string>[] = [{ text: "ONE TWO ", face: "r" }, { text: "75/240 2020", face: "i" }, { text: " THREE", face: "r" }];
    // "ONE TWO 75/240" is 14 wide and ends 2 (the indent) short of the right edge of a box of 18.
    expect(seen(bidiLines(pieces, 18, 2, measure, rtl, true))).toEqual([
      [[2, "75/240"], [9, "TWO"], [13, "ONE"]],
      [[8, "THREE"], [14, "2020"]],
    ]);
  });
});
