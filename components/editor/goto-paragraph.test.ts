import { describe, expect, it } from "vitest";
import { findParagraph } from "./goto-paragraph";

const rows = [
  { id: "t", number: null },
  { id: "pp1", number: "PP1" },
  { id: "pp3", number: "PP3" },
  { id: "op1", number: "OP1" },
  { id: "op12", number: "OP12" },
  { id: "op12a", number: "OP12(a)" },
  { id: "n5", number: "5" },
];

describe("go to paragraph", () => {
  it("finds a paragraph as it is named in the room", () => {
    const at = (q: string) => findParagraph(q, rows)?.id ?? null;
    expect(at("OP12")).toBe("op12");
    expect(at("op 12")).toBe("op12");
    expect(at("operative 12")).toBe("op12");
    expect(at("12")).toBe("op12");
    expect(at("PP3")).toBe("pp3");
    expect(at("preambular 3")).toBe("pp3");
    expect(at("OP12 (a)")).toBe("op12a");
    expect(at("5")).toBe("n5");
    expect(at("paragraph 5")).toBe("n5");
  });

  it("nothing for a number that is not there, or an empty query", () => {
    expect(findParagraph("OP99", rows)).toBeNull();
    expect(findParagraph("PP", rows)).toBeNull();
    expect(findParagraph("  ", rows)).toBeNull();
  });
});
