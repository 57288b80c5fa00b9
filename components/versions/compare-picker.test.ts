import { describe, expect, it } from "vitest";
import { isValidElement, type ReactElement } from "react";
import { ComparePicker } from "./compare-picker";

const zero = { id: "v0", label: "Zero draft" };
const rev1 = { id: "v1", label: "Rev.1" };
const rev2 = { id: "v2", label: "Rev.2" };

function form(props: Parameters<typeof ComparePicker>[0]): ReactElement {
  const el = ComparePicker(props);
  if (!isValidElement(el)) throw new Error("no form");
  return el;
}

/**
 * Its selects are uncontrolled (a plain GET form), so React keeps what they show across a
 * router.refresh() unless the form is keyed by what it offers: a new key remounts it.
 */
describe("the compare picker after a version is saved without a reload", () => {
  it("is a new form when the versions or the pair shown change, the same one otherwise", () => {
    const before = form({ documentId: "d", versions: [rev1, zero] });
    const saved = form({ documentId: "d", versions: [rev2, rev1, zero] });
    expect(saved.key).not.toBeNull();
    expect(saved.key).not.toBe(before.key);
    expect(form({ documentId: "d", versions: [rev2, rev1, zero] }).key).toBe(saved.key);

    const shown = form({ documentId: "d", versions: [rev1, zero], selected: { from: "v0", to: "v1" } });
    expect(form({ documentId: "d", versions: [rev1, zero], selected: { from: "v0", to: "live" } }).key).not.toBe(shown.key);
  });
});
