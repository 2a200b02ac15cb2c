// Who is asking: the address the sign-in limits count and the session records. `X-Forwarded-For` is
// written by whoever sent the request, so it is believed only as far back as the hops are proxies the
// operator named (PARLEY_TRUSTED_PROXIES); otherwise the socket's own address is the client.
import { BlockList, isIP } from "node:net";

/** Set by the web process (scripts/web.ts) on every request, replacing any such header that came in. */
export const CLIENT_IP_HEADER = "x-parley-client-ip";

const plain = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

/** A list of addresses and CIDR ranges ("10.0.0.0/8, ::1"); the message names an entry it cannot read. */
export function parseProxyList(list: string): { ok: true; proxies: BlockList } | { ok: false; message: string } {
  const proxies = new BlockList();
  for (const entry of list
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address = "", bits, ...rest] = entry.split("/");
    const family = isIP(address);
    const prefix = Number(bits);
    if (!family || rest.length || (bits !== undefined && (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)))) {
      return { ok: false, message: `"${entry}" is not an IP address or a CIDR range such as 10.0.0.0/8` };
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) proxies.addAddress(address, type);
    else proxies.addSubnet(address, prefix, type);
  }
  return { ok: true, proxies };
}

function trusted(proxies: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: walking back from the socket through `X-Forwarded-For`, the first hop that is not
 * a trusted proxy. With no trusted proxies, that is the socket's address and the header is ignored.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  proxies: BlockList,
): string {
  let client = plain(socketAddress ?? "") || "unknown";
  if (!trusted(proxies, client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map(plain)
    .filter(Boolean);
  while (hops.length) {
    const hop = hops.pop()!;
    if (!isIP(hop)) return client; // a hop a proxy would not write: stop at the last address we trust
    client = hop;
    if (!trusted(proxies, hop)) return client;
  }
  return client;
}
