import { describe, expect, it } from "vitest";
import { centredLines, type Piece } from "./pdf-lines";

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
