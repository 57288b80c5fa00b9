import { PlenaryError } from "../lib/errors";

/**
 * New positions and replies per person, in a sliding minute. A delegation files a handful in
 * a meeting; a script filing thousands of distinct comments would make every window's list
 * of positions (and the compilation) grow without end. Past the limit: 429 with how long to
 * wait, nothing stored.
 */
export class PostLimiter {
  private readonly posts = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly windowMs = 60_000,
    /** The refusal's words, from the limit and the seconds to wait. */
    private readonly refusal = (limit: number, wait: number) => `you filed ${limit} positions and replies in the last minute; wait ${wait} s`,
  ) {}

  /** Seconds until `userId` may again (0: now), without counting anything. */
  waitOf(userId: string): number {
    const since = this.now() - this.windowMs;
    const recent = (this.posts.get(userId) ?? []).filter((t) => t > since);
    return recent.length >= this.perMinute ? Math.max(1, Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000)) : 0;
  }

  /** Counts one post of `userId`'s, or throws `rate_limited` when the minute's are used up. */
  take(userId: string): void {
    const since = this.now() - this.windowMs;
    const recent = (this.posts.get(userId) ?? []).filter((t) => t > since);
    if (recent.length >= this.perMinute) {
      this.posts.set(userId, recent);
      throw new PlenaryError("rate_limited", this.refusal(this.perMinute, this.waitOf(userId)));
    }
    recent.push(this.now());
    this.posts.set(userId, recent);
    // People who posted once and left: forgotten once there are many.
    if (this.posts.size > 1000) this.prune();
  }

  /** People with a post in the window (memory stays bounded by the active accounts). */
  get tracked(): number {
    this.prune();
    return this.posts.size;
  }

  private prune(): void {
    const since = this.now() - this.windowMs;
    for (const [user, times] of this.posts) if (!times.some((t) => t > since)) this.posts.delete(user);
  }
}
