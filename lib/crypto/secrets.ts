// Secrets at rest (WhatsApp access tokens, app secrets, verify tokens): AES-256-GCM with ENCRYPTION_KEY.
// Stored as "v1:<iv>:<tag>:<ciphertext>" (base64url), so a key rotation can add "v2" later.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

const VERSION = "v1";

function key(): Buffer {
  return Buffer.from(env().ENCRYPTION_KEY, "hex");
}

export function encryptSecret(plaintext: string, encryptionKey: Buffer = key()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(":");
}

export function decryptSecret(stored: string, encryptionKey: Buffer = key()): string {
  const [version, iv, tag, ciphertext] = stored.split(":");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("Unreadable encrypted secret");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** For display: enough to recognise a token, never enough to use it. */
export function maskSecret(plaintext: string): string {
  return plaintext.length <= 8 ? "••••" : `${plaintext.slice(0, 4)}…${plaintext.slice(-4)}`;
}
