import { describe, expect, it } from "vitest";
import type { TextRun } from "../model/types";
import { markBrackets } from "./brackets";

const plain = (text: string): TextRun[] => [{ text }];

describe("markBrackets", () => {
  it("reads balanced brackets as the bracket mark, without the bracket characters", () => {
    expect(markBrackets(plain("Decides to [further develop] the rules [and norms]."))).toEqual([
      { text: "Decides to " },
      { text: "further develop", marks: ["bracket"] },
      { text: " the rules " },
      { text: "and norms", marks: ["bracket"] },
      { text: "." },
    ]);
    // A whole paragraph in brackets, as a contested preambular paragraph often is.
    expect(markBrackets(plain("[Recalling its resolution 73/27,]"))).toEqual([{ text: "Recalling its resolution 73/27,", marks: ["bracket"] }]);
  });

  it("keeps bold and italic, across the runs a span covers, marks sorted", () => {
    expect(markBrackets([{ text: "Calls upon [" }, { text: "all", marks: ["bold"] }, { text: " States]" }])).toEqual([
      { text: "Calls upon " },
      { text: "all", marks: ["bold", "bracket"] },
      { text: " States", marks: ["bracket"] },
    ]);
    expect(markBrackets([{ text: "[to consider]", marks: ["bold", "italic"] }])).toEqual([{ text: "to consider", marks: ["bold", "bracket", "italic"] }]);
  });

  it("keeps brackets that are not negotiation brackets as text", () => {
    for (const text of [
      "as agreed in 2015 [1] and 2021 [12].",
      "the Chair's text [*] stands",
      "“[t]he States shall […] cooperate [...] fully [. . .]”",
      "the committe [sic] decided [emphasis added]",
      "a blank [ ] left",
      "see [the report](https://undocs.org/A/76/135)",
      "unbalanced [opening only",
      "unbalanced closing] only",
    ]) {
      expect(markBrackets(plain(text)), text).toEqual(plain(text));
    }
  });

  it("keeps nested brackets as characters inside the mark, and touching spans as text", () => {
    expect(markBrackets(plain("to [develop [further] the] rules"))).toEqual([{ text: "to " }, { text: "develop [further] the", marks: ["bracket"] }, { text: " rules" }]);
    expect(markBrackets(plain("to [develop][adopt] rules"))).toEqual(plain("to [develop][adopt] rules"));
    expect(markBrackets(plain("[1] to [develop] rules"))).toEqual([{ text: "[1] to " }, { text: "develop", marks: ["bracket"] }, { text: " rules" }]);
  });
});
