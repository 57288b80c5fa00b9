import { describe, expect, it } from "vitest";
import { attributionText } from "./attribution-text";

const amendment = { kind: "amendment" as const, delegations: ["Albania", "Belarus"], decidedBy: "Chair", decidedAt: 0, reason: null };

describe("attributionText", () => {
  it("names the proposal behind a change, and says when the comparison takes it back", () => {
    expect(attributionText(amendment, false)).toBe("Amendment by Albania, Belarus, accepted by Chair");
    // Rev.3 → Zero draft: the row shows Albania's words removed; they were not Albania's doing.
    expect(attributionText(amendment, true)).toBe("Takes back the amendment by Albania, Belarus, accepted by Chair");
    expect(attributionText({ ...amendment, kind: "suggestion", delegations: [] }, false)).toBe("Tracked change by the chair, accepted by Chair");
  });
});
