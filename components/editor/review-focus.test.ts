import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("the review queue's focus ring", () => {
  it("shows on any focus, as after Alt+Shift+V, not only on :focus-visible", () => {
    const css = readFileSync(path.resolve(import.meta.dirname, "../../app/globals.css"), "utf8");
    const rule = /(?:^|\n)\s*\.review:focus\s*\{([^}]*)\}/.exec(css);
    expect(rule?.[1]).toMatch(/outline:\s*2px solid var\(--focus\)/);
  });
});
