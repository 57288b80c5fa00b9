import { describe, expect, it } from "vitest";
import { SignInLimiter } from "./sign-in-limiter";

describe("SignInLimiter", () => {
  it("counts failures only: a room behind one address signs in as often as it needs", () => {
    let now = 0;
    const limiter = new SignInLimiter(3, 5, 60_000, 10_000, () => now);
    for (let i = 0; i < 200; i++) {
      expect(limiter.retryAfter("nat", `delegate${i}@example.org`)).toBe(0);
      limiter.failed("nat", `delegate${i}@example.org`);
      limiter.succeeded("nat", `delegate${i}@example.org`);
      now += 100;
    }
  });

  it("refuses an address after N failures in a minute, on any account, until the oldest is a minute old", () => {
    let now = 0;
    const limiter = new SignInLimiter(3, 5, 60_000, 10_000, () => now);
    for (const email of ["a@x.org", "b@x.org", "c@x.org"]) {
      expect(limiter.retryAfter("1.2.3.4", email)).toBe(0);
      limiter.failed("1.2.3.4", email);
      now += 10_000;
    }
    expect(limiter.retryAfter("1.2.3.4", "d@x.org")).toBe(30);
    // Someone else behind another address, on another account, is not affected.
    expect(limiter.retryAfter("5.6.7.8", "e@x.org")).toBe(0);
    now = 60_001;
    expect(limiter.retryAfter("1.2.3.4", "d@x.org")).toBe(0);
  });

  it("refuses an account after 5 x N failures from many addresses (a spread-out guesser), not after N (anyone could lock the chair out); success clears the account", () => {
    let now = 0;
    const limiter = new SignInLimiter(3, 5, 60_000, 10_000, () => now);
    for (let i = 0; i < 14; i++) limiter.failed(`10.0.0.${i}`, "Chair@Example.org");
    expect(limiter.retryAfter("10.0.0.99", "chair@example.org")).toBe(0);
    limiter.failed("10.0.0.14", "chair@example.org");
    expect(limiter.retryAfter("10.0.0.99", "chair@example.org")).toBe(60);
    now = 61_000;
    limiter.failed("10.0.1.1", "chair@example.org");
    limiter.succeeded("10.0.1.1", "chair@example.org");
    expect(limiter.retryAfter("10.0.2.2", "chair@example.org")).toBe(0);
  });

  it("takes back an attempt that was no guess (refused before the password was checked), from the address and the account alone", () => {
    const limiter = new SignInLimiter(2, 5, 60_000, 10_000, () => 0);
    limiter.failed("10.0.0.1", "a@x.org");
    limiter.failed("10.0.0.1", "a@x.org");
    expect(limiter.retryAfter("10.0.0.1", "b@x.org")).toBe(60);
    limiter.withdrawn("10.0.0.1", "a@x.org");
    expect(limiter.retryAfter("10.0.0.1", "b@x.org")).toBe(0);
    limiter.withdrawn("10.0.0.1", "a@x.org");
    expect(limiter.size).toBe(0);
    // Nothing counted: nothing taken back, nothing broken.
    limiter.withdrawn("10.0.0.2", "c@x.org");
    expect(limiter.size).toBe(0);
  });

  it("keeps at most maxKeys keys under a spray of addresses, without dropping an account at its limit", () => {
    const limiter = new SignInLimiter(3, 5, 60_000, 100);
    for (let i = 0; i < 15; i++) limiter.failed(`203.0.113.${i}`, "chair@x.org");
    expect(limiter.retryAfter("192.0.2.1", "chair@x.org")).toBeGreaterThan(0);
    for (let i = 0; i < 5_000; i++) limiter.failed(`198.51.${i >> 8}.${i & 255}`, `u${i}@x.org`);
    expect(limiter.size).toBeLessThanOrEqual(100);
    expect(limiter.retryAfter("192.0.2.1", "chair@x.org")).toBeGreaterThan(0);
  });
});
