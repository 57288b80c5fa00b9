import type { IncomingMessage } from "node:http";
import net from "node:net";

/**
 * The header the server sets on every HTTP request, after removing whatever the client sent
 * under that name, to tell better-auth (sign-in rate limit, session IP) who is calling.
 * better-auth would otherwise read `X-Forwarded-For`, which any client can write: a new
 * value per attempt would be a new rate-limit bucket per attempt.
 */
export const CLIENT_ADDRESS_HEADER = "x-plenary-client-address";

/**
 * Reverse proxies whose `X-Forwarded-For` is believed (`TRUSTED_PROXIES`: addresses and CIDR
 * ranges, comma-separated). Empty: no forwarded header is believed, the socket's peer is
 * the client.
 */
export class TrustedProxies {
  private readonly list = new net.BlockList();
  readonly size: number;

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address = "", prefix, ...rest] = entry.split("/");
      const type = net.isIPv6(address) ? "ipv6" : "ipv4";
      const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
      // A bad prefix must not widen the range ("10.0.0.1/" is not /0, which would trust everyone).
      if (!net.isIP(address) || rest.length > 0 || Number.isNaN(bits) || (bits !== null && bits > (type === "ipv6" ? 128 : 32))) {
        throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
      }
      if (bits === null) this.list.addAddress(address, type);
      else this.list.addSubnet(address, bits, type);
    }
    this.size = entries.length;
  }

  has(address: string): boolean {
    const plain = unmapped(address);
    const type = net.isIPv6(plain) ? "ipv6" : net.isIPv4(plain) ? "ipv4" : null;
    return type !== null && this.list.check(plain, type);
  }
}

/**
 * Who is calling: the socket's peer, unless the peer is a trusted proxy; then the
 * `X-Forwarded-For` chain is walked from the right (the hop the proxy itself added) past
 * every trusted proxy to the first address that is not one. A malformed chain yields the
 * last trusted hop, never a value the client chose.
 */
export function clientAddress(req: IncomingMessage, proxies: TrustedProxies): string {
  let address = unmapped(req.socket.remoteAddress ?? "unknown");
  if (proxies.size === 0 || !proxies.has(address)) return address;
  const header = req.headers["x-forwarded-for"];
  const chain = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = unmapped(chain[i]!);
    if (!net.isIP(hop)) return address;
    address = hop;
    if (!proxies.has(hop)) return hop;
  }
  return address;
}

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as plain IPv4. */
function unmapped(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
