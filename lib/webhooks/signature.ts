// Meta signs every webhook POST: X-Hub-Signature-256 = "sha256=" + HMAC-SHA256(raw body, app secret).
// The bytes are checked exactly as received, in constant time.
import { createHmac, timingSafeEqual } from "node:crypto";

export function signBody(body: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`;
}

export function verifySignature(body: Buffer, header: string | null | undefined, appSecret: string): boolean {
  // Exactly as Meta sends it: lower-case hex, so that any change of a character is a different signature.
  if (!header || !/^sha256=[0-9a-f]{64}$/.test(header)) return false;
  const expected = Buffer.from(signBody(body, appSecret).slice(7), "hex");
  const given = Buffer.from(header.slice(7), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
