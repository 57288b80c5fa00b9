import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, TrustedProxies } from "./client-address";
import { remoteAddress } from "./collab/limits";

function request(peer: string, forwardedFor?: string): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } } as unknown as IncomingMessage;
}

describe("client address", () => {
  it("without trusted proxies: the socket's peer, whatever X-Forwarded-For says", () => {
    const none = new TrustedProxies([]);
    expect(clientAddress(request("198.51.100.7"), none)).toBe("198.51.100.7");
    expect(clientAddress(request("198.51.100.7", "203.0.113.1"), none)).toBe("198.51.100.7");
    expect(clientAddress(request("::ffff:198.51.100.7", "203.0.113.1"), none)).toBe("198.51.100.7");
  });

  it("behind a trusted proxy: the first untrusted hop from the right; a forged left part changes nothing", () => {
    const proxies = new TrustedProxies(["10.0.0.0/8", "192.0.2.10"]);
    expect(clientAddress(request("10.1.2.3", "203.0.113.5"), proxies)).toBe("203.0.113.5");
    // The client wrote "1.2.3.4" itself; the proxy appended the real peer.
    expect(clientAddress(request("10.1.2.3", "1.2.3.4, 203.0.113.5"), proxies)).toBe("203.0.113.5");
    // Two trusted hops (CDN edge 192.0.2.10, then the load balancer in 10/8).
    expect(clientAddress(request("10.1.2.3", "203.0.113.5, 192.0.2.10"), proxies)).toBe("203.0.113.5");
    // A peer that is not a trusted proxy is the client, even with the header.
    expect(clientAddress(request("198.51.100.7", "203.0.113.5"), proxies)).toBe("198.51.100.7");
  });

  it("a trusted proxy with no or a malformed header: the last trusted hop, never a value the client chose", () => {
    const proxies = new TrustedProxies(["10.0.0.0/8"]);
    expect(clientAddress(request("10.1.2.3"), proxies)).toBe("10.1.2.3");
    expect(clientAddress(request("10.1.2.3", "not-an-ip, 203.0.113.5"), proxies)).toBe("203.0.113.5");
    expect(clientAddress(request("10.1.2.3", "203.0.113.5, not-an-ip"), proxies)).toBe("10.1.2.3");
    expect(clientAddress(request("10.1.2.3", "10.9.9.9"), proxies)).toBe("10.9.9.9");
  });

  it("IPv6 proxies and clients; the per-address limits count a v6 client by its /64", () => {
    const proxies = new TrustedProxies(["2001:db8:ffff::/48"]);
    const req = request("2001:db8:ffff::1", "2001:db8:1:2:aaaa:bbbb:cccc:dddd");
    expect(clientAddress(req, proxies)).toBe("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
    expect(remoteAddress(req, proxies)).toBe("2001:db8:1:2::/64");
    expect(remoteAddress(req)).toBe("2001:db8:ffff:0::/64");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range", () => {
    for (const bad of ["proxy.example.org", "10.0.0.1/", "10.0.0.0/33", "10.0.0.0/8/1", "10.0.0.0/x", "2001:db8::/129"]) {
      expect(() => new TrustedProxies([bad]), bad).toThrow(/TRUSTED_PROXIES/);
    }
    expect(new TrustedProxies(["10.0.0.0/8"]).has("10.200.0.1")).toBe(true);
  });
});
