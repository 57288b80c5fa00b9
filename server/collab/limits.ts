import type { IncomingMessage } from "node:http";
import { clientAddress, TrustedProxies } from "../client-address";
import { PlenaryError } from "../../lib/errors";

/**
 * Limits against hostile or runaway clients of the collaboration endpoint, beyond the
 * frame size (`ws` maxPayload, 1009) and the per-connection message bucket (4429) kept in
 * `index.ts`. Every value comes from server/config.ts (env); a field left out is off.
 *
 * Where each answer is given:
 * - at the upgrade, as HTTP 429 before any document byte: unauthenticated attempts per
 *   address, sockets per address, open documents per user, sockets per user per document;
 * - on a live socket, as close code 4429 (`CloseCode.RateLimited`): messages per second per
 *   user (all that user's sockets together) and awareness messages per second per socket.
 *
 * Memory: the keyed maps are bounded. Rate buckets are dropped as soon as they are full
 * again (a fresh bucket is identical, so dropping changes nothing) and the oldest entry is
 * evicted past `maxTrackedKeys`; the concurrency counters hold only keys with open sockets.
 */
export interface CollabLimitOptions {
  /** Messages per second one user may send across all their sockets (bursts up to 2x). */
  userMessagesPerSecond: number;
  /** Awareness (presence) messages per second per socket (bursts up to 2x). */
  awarenessPerSecond: number;
  /** Upgrades without a valid session per remote address per minute (burst: the same number). */
  unauthenticatedPerMinute: number;
  /** Open sockets per remote address (keep high: a conference NAT puts everyone on one address). */
  socketsPerAddress: number;
  /** Distinct documents one user may have sockets on at once. */
  documentsPerUser: number;
  /** Sockets one user may hold on one document (tabs). */
  socketsPerUserDocument: number;
  /** Most keys a rate map tracks; the oldest is evicted past it. */
  maxTrackedKeys: number;
  /** Clock in ms (tests move it forward). */
  now: () => number;
}

export const NO_LIMITS: CollabLimitOptions = {
  userMessagesPerSecond: Infinity,
  awarenessPerSecond: Infinity,
  unauthenticatedPerMinute: Infinity,
  socketsPerAddress: Infinity,
  documentsPerUser: Infinity,
  socketsPerUserDocument: Infinity,
  maxTrackedKeys: 10_000,
  now: Date.now,
};

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets by key (user id, remote address). `rate` tokens per second, `burst` at most.
 * An entry is deleted once it has refilled: a missing key means a full bucket.
 */
export class KeyedBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private sweptAt = 0;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly maxKeys: number,
    private readonly now: () => number,
  ) {}

  private refill(b: Bucket, now: number): void {
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.rate);
    b.at = now;
  }

  /** Takes one token; false when the bucket was empty (the caller refuses). */
  take(key: string): boolean {
    if (!Number.isFinite(this.rate)) return true;
    const now = this.now();
    this.sweep(now);
    let b = this.buckets.get(key);
    if (b) {
      this.refill(b, now);
      // Re-insert so Map order is least recently used first (eviction order).
      this.buckets.delete(key);
    } else {
      b = { tokens: this.burst, at: now };
      while (this.buckets.size >= this.maxKeys) {
        const oldest = this.buckets.keys().next().value as string;
        this.buckets.delete(oldest);
      }
    }
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** True when the next `take` would fail (without taking). */
  empty(key: string): boolean {
    const b = this.buckets.get(key);
    if (!b) return false;
    this.refill(b, this.now());
    return b.tokens < 1;
  }

  /** Drops full buckets, at most once a second. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 1000) return;
    this.sweptAt = now;
    for (const [key, b] of this.buckets) {
      this.refill(b, now);
      if (b.tokens >= this.burst) this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** A single token bucket (one socket's awareness messages). */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.at = now();
  }

  take(): boolean {
    if (!Number.isFinite(this.rate)) return true;
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** What a socket holds while open; given back on close. */
export interface Lease {
  address: string;
  userId: string;
  documentId: string;
  awareness: TokenBucket;
  released: boolean;
}

/**
 * The remote address an upgrade is counted against: the socket's peer, or behind trusted
 * reverse proxies the client they forwarded for (server/client-address.ts). IPv4-mapped
 * IPv6 is reduced to IPv4; other IPv6 addresses to their /64, which one host usually owns.
 */
export function remoteAddress(req: IncomingMessage, proxies: TrustedProxies = NO_PROXIES): string {
  return normalizeAddress(clientAddress(req, proxies));
}

const NO_PROXIES = new TrustedProxies([]);

export function normalizeAddress(raw: string): string {
  const addr = raw.toLowerCase().split("%")[0]!;
  if (addr.startsWith("::ffff:") && addr.includes(".")) return addr.slice(7);
  if (!addr.includes(":")) return addr;
  let groups: string[];
  if (addr.includes("::")) {
    const [head = "", tail = ""] = addr.split("::");
    const left = head ? head.split(":") : [];
    const right = tail ? tail.split(":") : [];
    groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  } else {
    groups = addr.split(":");
  }
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

export class CollabLimits {
  private readonly opts: CollabLimitOptions;
  private readonly unauthenticated: KeyedBuckets;
  private readonly userRates: KeyedBuckets;
  private readonly socketsByAddress = new Map<string, number>();
  /** user id -> document id -> open sockets */
  private readonly documentsByUser = new Map<string, Map<string, number>>();

  constructor(options: Partial<CollabLimitOptions> = {}) {
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.opts = { ...NO_LIMITS, ...defined };
    const { now, maxTrackedKeys } = this.opts;
    const perMinute = this.opts.unauthenticatedPerMinute;
    this.unauthenticated = new KeyedBuckets(perMinute / 60, perMinute, maxTrackedKeys, now);
    const perSecond = this.opts.userMessagesPerSecond;
    this.userRates = new KeyedBuckets(perSecond, perSecond * 2, maxTrackedKeys, now);
  }

  /**
   * Before authentication: an address that has used up its unauthenticated attempts and
   * sends no cookie at all is refused without a session lookup. One that sends a cookie
   * is still looked up, so a signed-in delegate behind the same NAT gets in.
   */
  screen(address: string, req: IncomingMessage): void {
    if (!req.headers.cookie && this.unauthenticated.empty(address)) throw tooManyUnauthenticated();
  }

  /** An upgrade refused before a valid session (no/forged cookie, bad origin or path): counted. */
  refusedUnauthenticated(address: string): PlenaryError | null {
    return this.unauthenticated.take(address) ? null : tooManyUnauthenticated();
  }

  /** After authorization, before the handshake: refuses with 429 past a concurrency cap. */
  admit(address: string, userId: string, documentId: string): void {
    if ((this.socketsByAddress.get(address) ?? 0) >= this.opts.socketsPerAddress) {
      throw new PlenaryError("rate_limited", "too many open connections from this address");
    }
    const docs = this.documentsByUser.get(userId);
    const onThis = docs?.get(documentId) ?? 0;
    if (onThis === 0 && (docs?.size ?? 0) >= this.opts.documentsPerUser) {
      throw new PlenaryError("rate_limited", `too many open documents (limit ${this.opts.documentsPerUser}); close one`);
    }
    if (onThis >= this.opts.socketsPerUserDocument) {
      throw new PlenaryError("rate_limited", `too many connections to this document (limit ${this.opts.socketsPerUserDocument})`);
    }
  }

  /** Counts an accepted socket (call synchronously after `admit`). */
  acquire(address: string, userId: string, documentId: string): Lease {
    this.socketsByAddress.set(address, (this.socketsByAddress.get(address) ?? 0) + 1);
    let docs = this.documentsByUser.get(userId);
    if (!docs) this.documentsByUser.set(userId, (docs = new Map()));
    docs.set(documentId, (docs.get(documentId) ?? 0) + 1);
    const rate = this.opts.awarenessPerSecond;
    return { address, userId, documentId, awareness: new TokenBucket(rate, rate * 2, this.opts.now), released: false };
  }

  release(lease: Lease): void {
    if (lease.released) return;
    lease.released = true;
    const n = (this.socketsByAddress.get(lease.address) ?? 1) - 1;
    if (n > 0) this.socketsByAddress.set(lease.address, n);
    else this.socketsByAddress.delete(lease.address);
    const docs = this.documentsByUser.get(lease.userId);
    if (!docs) return;
    const m = (docs.get(lease.documentId) ?? 1) - 1;
    if (m > 0) docs.set(lease.documentId, m);
    else docs.delete(lease.documentId);
    if (docs.size === 0) this.documentsByUser.delete(lease.userId);
  }

  /** Per message: the close reason when the user's shared bucket is empty, else null. */
  userMessage(userId: string): string | null {
    return this.userRates.take(userId) ? null : "too many messages from this user (all connections)";
  }

  /** Per awareness message: the close reason when this socket's presence bucket is empty. */
  awarenessMessage(lease: Lease): string | null {
    return lease.awareness.take() ? null : "too many presence updates";
  }

  /** Entries held by each map (for tests and /health: they must stay bounded). */
  sizes(): { unauthenticated: number; userRates: number; addresses: number; users: number } {
    return {
      unauthenticated: this.unauthenticated.size,
      userRates: this.userRates.size,
      addresses: this.socketsByAddress.size,
      users: this.documentsByUser.size,
    };
  }
}

function tooManyUnauthenticated(): PlenaryError {
  return new PlenaryError("rate_limited", "too many attempts without a valid session from this address");
}
