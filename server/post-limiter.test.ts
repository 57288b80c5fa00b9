import { describe, expect, it } from "vitest";
import { isPlenaryError } from "../lib/errors";
import { PostLimiter } from "./post-limiter";

describe("PostLimiter", () => {
  it("takes `perMinute` posts of one person in a sliding minute, then refuses with the wait; others are not affected", () => {
    let now = 1_000_000;
    const limiter = new PostLimiter(3, () => now);
    for (let i = 0; i < 3; i++) {
      limiter.take("alb");
      now += 10_000;
    }
    let refusal: unknown;
    try {
      limiter.take("alb");
    } catch (err) {
      refusal = err;
    }
    expect(isPlenaryError(refusal) && refusal.code).toBe("rate_limited");
    expect((refusal as Error).message).toBe("you filed 3 positions and replies in the last minute; wait 30 s");
    limiter.take("blr");
    // The first post leaves the window: one more is taken.
    now += 30_001;
    limiter.take("alb");
    expect(() => limiter.take("alb")).toThrow(/wait 10 s/);
    now += 120_000;
    expect(limiter.tracked).toBe(0);
  });

  it("says its wait without counting (waitOf), and its refusal in the words it was given", () => {
    let now = 0;
    const limiter = new PostLimiter(2, () => now, 60_000, (limit, wait) => `${limit} changes of password in the last minute; wait ${wait} s`);
    expect(limiter.waitOf("nor")).toBe(0);
    limiter.take("nor");
    limiter.take("nor");
    now = 15_000;
    expect(limiter.waitOf("nor")).toBe(45);
    expect(limiter.waitOf("nor")).toBe(45);
    expect(() => limiter.take("nor")).toThrow("2 changes of password in the last minute; wait 45 s");
  });
});
