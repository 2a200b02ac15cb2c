// Flow tokens Parley issues, and how the data-exchange endpoint recognises them. A token is opaque to WhatsApp
// and comes back in every endpoint request and in the answer (nfm_reply): "pf1.<nonce>.<contact id>.<mac>",
// the MAC an HMAC-SHA256 over the workspace id, nonce and contact id under a key derived from ENCRYPTION_KEY.
// So the endpoint knows a token without a lookup (and answers 427 to one it did not issue, or one issued for
// another workspace), and a booking knows its contact from the first request. Nothing secret is inside.
import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

const PREFIX = "pf1";
const MAC_BYTES = 16;
let macKey: Buffer | undefined;

function key(): Buffer {
  macKey ??= Buffer.from(hkdfSync("sha256", Buffer.from(env().ENCRYPTION_KEY, "hex"), "", "parley flow token", 32));
  return macKey;
}

const mac = (workspaceId: string, nonce: string, contactId: string) =>
  createHmac("sha256", key()).update(`${workspaceId}\n${nonce}\n${contactId}`).digest().subarray(0, MAC_BYTES);

/**
 * A new token for one Flow sent to one person (`contactId`), or to nobody known yet (null). `nonce`: the message
 * that carries it (messageRef), so that the answer is tied to it; by default a random one.
 */
export function createFlowToken(
  workspaceId: string,
  contactId: string | null = null,
  nonce = randomBytes(12).toString("base64url"),
): string {
  const contact = contactId ?? "";
  return [PREFIX, nonce, contact, mac(workspaceId, nonce, contact).toString("base64url")].join(".");
}

/** The token's contact (null: none named) if this workspace issued it; null for any other string. */
export function readFlowToken(workspaceId: string, token: string): { contactId: string | null } | null {
  const parts = token.split(".");
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const [, nonce, contact, given] = parts as [string, string, string, string];
  const expected = mac(workspaceId, nonce, contact);
  const actual = Buffer.from(given, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { contactId: contact || null };
}

/** The message a token this workspace issued names, and its contact; null for any other token. */
export function readFlowTokenMessage(
  workspaceId: string,
  token: string,
): { contactId: string | null; messageId: string | null; outboundMessageId: string | null } | null {
  const read = readFlowToken(workspaceId, token);
  if (!read) return null;
  const nonce = token.split(".")[1]!; // messageRef: "m<id>" or "o<id>"
  const id = nonce.slice(1);
  return {
    contactId: read.contactId,
    messageId: nonce.startsWith("m") && id ? id : null,
    outboundMessageId: nonce.startsWith("o") && id ? id : null,
  };
}
