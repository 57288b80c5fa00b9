import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { CompareView } from "@/server/negotiation/compare";
import { CompareColumns, PairText } from "./compare-text";

type Pair = CompareView["pairs"][number];

const paragraph = (id: string, text: string) => ({ id, kind: "operative", number: "OP1", text, index: 0 });
const modified: Pair = {
  classification: "modified",
  from: [paragraph("a", "Welcomes the report;")],
  to: [paragraph("a", "Welcomes the final report;")],
  ops: [
    [0, "Welcomes the "],
    [1, "final "],
    [0, "report;"],
  ],
};
const labels = { fromLabel: "Zero draft", toLabel: "Rev.1" };

/** The markup with visually hidden text removed: what a sighted reader sees. */
const visible = (html: string) => html.replace(/<span class="sr-only[^"]*">[^<]*<\/span>/g, "").replace(/<[^>]+>/g, "|");

describe("side-by-side compare", () => {
  it("has visible column headings naming the version in each column, from then to", () => {
    const html = renderToStaticMarkup(createElement(CompareColumns, labels));
    expect(visible(html).split("|").filter(Boolean)).toEqual(["Zero draft", "Rev.1"]);
  });

  it("names each column's version in its text for a screen reader, not with an aria-label a <p> may not have", () => {
    const html = renderToStaticMarkup(createElement(PairText, { pair: modified, layout: "side", ...labels }));
    expect(html).not.toContain("aria-label");
    expect(html).toContain('<p class="cmp-text"><span class="sr-only cmp-side-label">Zero draft: </span><span>Welcomes the </span><span>report;</span></p>');
    expect(html).toContain('<p class="cmp-text"><span class="sr-only cmp-side-label">Rev.1: </span><span>Welcomes the </span><ins>final </ins><span>report;</span></p>');
  });

  it("leaves the inline text as it was: one paragraph, no version names", () => {
    const html = renderToStaticMarkup(createElement(PairText, { pair: modified, layout: "inline", ...labels }));
    expect(html).toBe('<p class="cmp-text"><span>Welcomes the </span><ins>final </ins><span>report;</span></p>');
  });
});
