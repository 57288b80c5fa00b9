import { describe, expect, it } from "vitest";
import { resumeBudget } from "./session-resume";

describe("resuming after the session ended under a tab", () => {
  it("allows a few resumes a minute, then none until the oldest is a minute old", () => {
    let now = 0;
    const take = resumeBudget(3, 60_000, () => now);
    expect([take(), take(), take(), take()]).toEqual([true, true, true, false]);
    now = 59_999;
    expect(take()).toBe(false);
    now = 60_000;
    expect([take(), take(), take(), take()]).toEqual([true, true, true, false]);
  });
});
