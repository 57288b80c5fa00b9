import { describe, expect, it } from "vitest";
import { nextRevision, symbolForLabel } from "./revisions";
import { NewVersionBody } from "./schemas";

const CRP = "A/AC.292/2025/CRP.1";
const v = (label: string, symbol: string | null = null) => ({ label, symbol });

describe("the next revision the save form offers", () => {
  it("the zero draft under the document's symbol; then Rev.N under the base symbol + /Rev.N, N as in the label", () => {
    expect(nextRevision([], "MC.DEC/5/17")).toEqual({ label: "Zero draft", symbol: "MC.DEC/5/17" });
    expect(nextRevision([v("Zero draft", "MC.DEC/5/17")], "MC.DEC/5/17")).toEqual({ label: "Rev.1", symbol: "MC.DEC/5/17/Rev.1" });
    expect(nextRevision([v("Rev.1", `${CRP}/Rev.1`), v("Zero draft", CRP)], null)).toEqual({ label: "Rev.2", symbol: `${CRP}/Rev.2` });
  });

  it("takes the base from the versions when the document has no symbol: the chair gave the zero draft one", () => {
    expect(nextRevision([v("Zero draft", CRP)], null)).toEqual({ label: "Rev.1", symbol: `${CRP}/Rev.1` });
    // A version saved without a symbol (an informal reading) does not lose the base.
    expect(nextRevision([v("First reading"), v("Zero draft", CRP)], null)).toEqual({ label: "Rev.1", symbol: `${CRP}/Rev.1` });
    expect(nextRevision([v("Zero draft")], "MC.DEC/5/17")).toEqual({ label: "Rev.1", symbol: "MC.DEC/5/17/Rev.1" });
  });

  it("after a restore, the revision after the highest, by label or by symbol, so neither is taken", () => {
    const restored = [v("Rev.1 (restored)", `${CRP}/Rev.1`), v("Before restoring Rev.1"), v("Rev.2", `${CRP}/Rev.2`), v("Rev.1", `${CRP}/Rev.1`), v("Zero draft", CRP)];
    expect(nextRevision(restored, null)).toEqual({ label: "Rev.3", symbol: `${CRP}/Rev.3` });
    expect(nextRevision([v("Second reading", `${CRP}/Rev.3`), v("Zero draft", CRP)], null)).toEqual({ label: "Rev.4", symbol: `${CRP}/Rev.4` });
    // Another base's revision number is not this one's.
    expect(nextRevision([v("Zero draft", CRP), v("Draft", "A/AC.292/2024/CRP.7/Rev.5")], null)).toEqual({ label: "Rev.1", symbol: `${CRP}/Rev.1` });
  });

  it("no symbol anywhere: the label alone", () => {
    expect(nextRevision([v("rev. 9")], null)).toEqual({ label: "Rev.10", symbol: "" });
  });
});

describe("the symbol the save form's field follows the label with", () => {
  it("Rev.N under the base, the zero draft the base itself; no opinion on another label or without a base", () => {
    expect(symbolForLabel("Rev.4", CRP)).toBe(`${CRP}/Rev.4`);
    expect(symbolForLabel(" rev. 04 ", CRP)).toBe(`${CRP}/Rev.4`);
    expect(symbolForLabel("Zero draft", CRP)).toBe(CRP);
    expect(symbolForLabel("First reading", CRP)).toBeNull();
    expect(symbolForLabel("Rev.2", "")).toBeNull();
  });
});

describe("the symbol a version is saved under", () => {
  const symbolOf = (symbol: unknown) => NewVersionBody.safeParse({ label: "Rev.1", symbol });

  it("takes UN and OSCE symbols, and empty as none", () => {
    for (const s of [`${CRP}/Rev.1`, "MC.DEC/5/17", "WT/MIN(22)/W/16", "FCCC/CP/2015/L.9/Rev.1"]) expect(symbolOf(s).data?.symbol).toBe(s);
    expect(symbolOf(`  ${CRP}  `).data?.symbol).toBe(CRP);
    expect(symbolOf("").data?.symbol).toBeUndefined();
    expect(NewVersionBody.parse({ label: "Rev.1" }).symbol).toBeUndefined();
  });

  it("refuses what is not one: spaces, empty parts, a line break, more than 80 characters", () => {
    for (const s of ["A/AC.292 /2025", "A//1", "/A/1", "A/1/", "A/1\nRev.1", "Rev.1 of the draft", `A/${"1".repeat(80)}`, 5]) {
      expect(symbolOf(s).success, JSON.stringify(s)).toBe(false);
    }
  });
});
