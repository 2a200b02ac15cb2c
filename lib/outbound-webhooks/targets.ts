// Where webhooks may go (SSRF guard). An endpoint is an https URL on a public address; plain http and
// private, loopback, link-local or otherwise special addresses are refused unless an operator allows them
// (PARLEY_WEBHOOK_ALLOW_PRIVATE, PARLEY_WEBHOOK_ALLOWED_HOSTS). Checked when an endpoint is saved and again
// on every new connection (the address actually connected to), so a name that later resolves to an inside
// address (DNS rebinding) is refused too. ipaddr.js classifies addresses: anything but "unicast" is refused.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { promisify } from "node:util";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";
import { messageKey } from "@/lib/i18n/message-key";

export type TargetPolicy = {
  /** Private and loopback addresses and plain http are allowed everywhere (development, tests, a closed network). */
  allowPrivate: boolean;
  /** Host names (or addresses) that may be reached over http and on private addresses. Lower case. */
  allowedHosts: string[];
};

export function targetPolicy(): TargetPolicy {
  const e = env();
  return { allowPrivate: e.PARLEY_WEBHOOK_ALLOW_PRIVATE === "1", allowedHosts: e.PARLEY_WEBHOOK_ALLOWED_HOSTS };
}

/** True for a public (global unicast) address; false for private, loopback, link-local, CGNAT, multicast, reserved... */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, "").toLowerCase();

function hostAllowed(hostname: string, policy: TargetPolicy): boolean {
  return policy.allowPrivate || policy.allowedHosts.includes(bareHost(hostname));
}

/** A refusal's reason is a message key (lib/i18n/message-key.ts): the form shows it in the reader's language. */
export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** The checks that need no DNS: scheme, credentials, and an address or local name written in the URL. */
export function checkUrlSyntax(raw: string, policy: TargetPolicy): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: messageKey("settings.errors.webhooks.urlFull") };
  }
  const allowed = hostAllowed(url.hostname, policy);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && allowed))
    return { ok: false, reason: messageKey("settings.errors.webhooks.urlHttps") };
  if (url.username || url.password) return { ok: false, reason: messageKey("settings.errors.webhooks.urlCredentials") };
  if (url.hash) return { ok: false, reason: messageKey("settings.errors.webhooks.urlFragment") };
  const host = bareHost(url.hostname);
  if (allowed) return { ok: true, url };
  if (ipaddr.isValid(host))
    return isPublicAddress(host) ? { ok: true, url } : { ok: false, reason: privateReason(host) };
  if (host === "localhost" || host.endsWith(".localhost") || !host.includes("."))
    return { ok: false, reason: messageKey("settings.errors.webhooks.localName", { host }) };
  return { ok: true, url };
}

const privateReason = (address: string) => messageKey("settings.errors.webhooks.privateAddress", { address });

const lookupAll = promisify(dnsLookup);

/** The full check at save time: the syntax, then every address the name resolves to must be public. */
export async function checkUrl(raw: string, policy: TargetPolicy = targetPolicy()): Promise<UrlCheck> {
  const syntax = checkUrlSyntax(raw, policy);
  if (!syntax.ok || hostAllowed(syntax.url.hostname, policy)) return syntax;
  const host = bareHost(syntax.url.hostname);
  if (ipaddr.isValid(host)) return syntax;
  let addresses: LookupAddress[];
  try {
    addresses = await lookupAll(host, { all: true });
  } catch {
    return { ok: false, reason: messageKey("settings.errors.webhooks.unresolved", { host }) };
  }
  const inside = addresses.find((a) => !isPublicAddress(a.address));
  if (inside)
    return {
      ok: false,
      reason: messageKey("settings.errors.webhooks.resolvesPrivate", { host, address: inside.address }),
    };
  return syntax;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup for the HTTP client's connections: resolves as usual, then refuses the connection when an
 * address is not public (unless the host is allowed). The check is on the address connected to, so it holds
 * however the name's records change between the save and the send.
 */
export function guardedLookup(policy: TargetPolicy) {
  return (hostname: string, options: object, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const list = addresses as LookupAddress[];
      if (!hostAllowed(hostname, policy)) {
        const inside = list.find((a) => !isPublicAddress(a.address));
        if (inside) {
          const refused = Object.assign(new Error(privateReason(inside.address)), { code: "EPRIVATEADDRESS" });
          return callback(refused, "");
        }
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }), "");
      callback(null, first.address, first.family);
    });
  };
}
