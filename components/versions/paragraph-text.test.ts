import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { VersionParagraph } from "@/server/negotiation/versions";
import { ParagraphText, hasPendingChanges } from "./paragraph-text";

function paragraph(runs: VersionParagraph["runs"]): VersionParagraph {
  return { id: "b1", kind: "operative", number: "OP4", text: runs.map((r) => r.text).join(""), runs, status: "open" } as VersionParagraph;
}

describe("a version's paragraph", () => {
  const p = paragraph([
    { text: "Invite" },
    { text: " and encourage", marks: ["insertion"] },
    { text: " the OSCE " },
    { text: "all ", marks: ["deletion"] },
    { text: "as well as public and private sectors", marks: ["bracket"] },
    { text: ".", marks: ["bold"] },
  ]);
  const html = renderToStaticMarkup(createElement(ParagraphText, { paragraph: p }));

  it("prints bracketed language in square brackets, as characters", () => {
    expect(html).toContain('<span class="version-bracket">[as well as public and private sectors]</span>');
  });

  it("one pair of brackets around a bracketed stretch cut by a proposal, outside the proposal at its edge", () => {
    const split = renderToStaticMarkup(
      createElement(ParagraphText, {
        paragraph: paragraph([
          { text: "Recalls " },
          { text: "fundamental ", marks: ["bracket", "deletion"] },
          { text: "freedoms", marks: ["bracket"] },
          { text: " online", marks: ["bracket", "insertion"] },
          { text: "." },
        ]),
      }),
    );
    const text = split.replace(/<[^>]+>/g, "");
    expect(text).toBe("Recalls [fundamental freedoms online].");
    // "[" is not struck with the deleted word, "]" not underlined with the inserted one.
    expect(split).toContain('<span class="version-bracket">[<del class="suggestion-deletion"');
    expect(split).toContain('online</ins>]</span>');
  });

  it("draws pending insertions and deletions as proposals, not as agreed text", () => {
    expect(html).toContain('<ins class="suggestion-insertion" title="Proposed insertion, awaiting a decision"> and encourage</ins>');
    expect(html).toContain('<del class="suggestion-deletion" title="Proposed deletion, awaiting a decision">all </del>');
    expect(hasPendingChanges([p])).toBe(true);
    expect(hasPendingChanges([paragraph([{ text: "Agreed.", marks: ["bracket"] }])])).toBe(false);
  });
});
