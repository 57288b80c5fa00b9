/**
 * Failed sign-ins per client address and per account, in a sliding minute. Only failures
 * count: a conference room behind one NAT address signs 193 delegations in within minutes,
 * while a password guesser fails. Past the limit, further attempts from that address, or
 * on that account from anywhere, are refused (429) until the oldest failure is a minute old.
 * The account's limit is `accountFactor` times the address's: a guesser spread over many
 * addresses is slowed, while locking someone else's account (the chair's, on the last
 * night) takes failures from that many addresses.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly accountFactor = 5,
    private readonly windowMs = 60_000,
    /** Keys kept at most (the oldest dropped first): memory stays bounded under a spray of addresses. */
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until an attempt from `address` on `email` is allowed again; 0: allowed now. */
  retryAfter(address: string, email: string): number {
    let wait = 0;
    for (const key of keysOf(address, email)) {
      const recent = this.recent(key);
      if (recent.length >= this.limitOf(key)) wait = Math.max(wait, Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000));
    }
    return wait;
  }

  /** An attempt, counted as failed until `succeeded` says otherwise (counted before the password is checked). */
  failed(address: string, email: string): void {
    for (const key of keysOf(address, email)) {
      const recent = this.recent(key);
      recent.push(this.now());
      if (recent.length > this.limitOf(key)) recent.shift();
      this.failures.delete(key);
      this.failures.set(key, recent);
    }
    if (this.failures.size > this.maxKeys) this.evict();
  }

  /**
   * The attempt succeeded: the address's last count is taken back (others share the address)
   * and the account's failures are cleared.
   */
  succeeded(address: string, email: string): void {
    const key = `address:${address}`;
    const recent = this.failures.get(key);
    if (recent) {
      recent.pop();
      if (recent.length === 0) this.failures.delete(key);
    }
    this.failures.delete(`email:${email.trim().toLowerCase()}`);
  }

  /**
   * The attempt was no guess at the password (refused for another reason, before it was
   * checked): its count is taken back, from the address and from the account.
   */
  withdrawn(address: string, email: string): void {
    for (const key of keysOf(address, email)) {
      const recent = this.failures.get(key);
      if (!recent) continue;
      recent.pop();
      if (recent.length === 0) this.failures.delete(key);
    }
  }

  /**
   * Past `maxKeys`: expired keys go first, then the oldest keys that are not at their limit.
   * A key at its limit is never dropped (a spray of fresh addresses and accounts must not
   * reset the count of the account being guessed).
   */
  private evict(): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key).length === 0) this.failures.delete(key);
    for (const [key, list] of this.failures) {
      if (this.failures.size <= this.maxKeys) break;
      if (list.length < this.limitOf(key)) this.failures.delete(key);
    }
  }

  get size(): number {
    return this.failures.size;
  }

  private limitOf(key: string): number {
    return key.startsWith("email:") ? this.perMinute * this.accountFactor : this.perMinute;
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }
}

function keysOf(address: string, email: string): string[] {
  return [`address:${address}`, `email:${email.trim().toLowerCase()}`];
}
