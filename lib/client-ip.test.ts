import { describe, expect, it } from "vitest";
import { clientAddress, parseProxyList } from "./client-ip";

const proxies = (list: string) => {
  const parsed = parseProxyList(list);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.proxies;
};

describe("clientAddress", () => {
  it("ignores X-Forwarded-For when no proxy is trusted: anyone can write it", () => {
    expect(clientAddress("203.0.113.9", "1.2.3.4", proxies(""))).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", "1.2.3.4", proxies(""))).toBe("203.0.113.9");
    expect(clientAddress(undefined, "1.2.3.4", proxies(""))).toBe("unknown");
  });

  it("ignores it from a peer that is not a trusted proxy", () => {
    expect(clientAddress("198.51.100.7", "1.2.3.4", proxies("10.0.0.0/8"))).toBe("198.51.100.7");
  });

  it("takes the last hop before the trusted proxies, not the first one the client wrote", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    expect(clientAddress("10.0.0.2", "1.2.3.4, 198.51.100.7", proxies("10.0.0.0/8"))).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", ["1.2.3.4, 198.51.100.7", "10.0.0.3"], proxies("10.0.0.0/8"))).toBe(
      "198.51.100.7",
    );
    expect(clientAddress("::1", "2001:db8::5", proxies("::1"))).toBe("2001:db8::5");
  });

  it("stops at a hop that is not an address", () => {
    expect(clientAddress("10.0.0.2", "evil, 10.0.0.9", proxies("10.0.0.0/8"))).toBe("10.0.0.9");
    expect(clientAddress("10.0.0.2", "", proxies("10.0.0.0/8"))).toBe("10.0.0.2");
  });
});

describe("parseProxyList", () => {
  it("names an entry it cannot read", () => {
    expect(parseProxyList("10.0.0.1, proxy.internal")).toEqual({
      ok: false,
      message: '"proxy.internal" is not an IP address or a CIDR range such as 10.0.0.0/8',
    });
    expect(parseProxyList("10.0.0.0/33").ok).toBe(false);
    expect(parseProxyList("10.0.0.0/8, 192.168.1.1, fd00::/8").ok).toBe(true);
  });
});
