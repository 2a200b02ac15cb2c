// WhatsApp Flows data-exchange encryption, as Meta specifies it in "Implementing Endpoint for Flows"
// (https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint) and implements it in
// its example endpoint (github.com/WhatsApp/WhatsApp-Flows-Tools, examples/endpoint/nodejs/basic/src/encryption.js).
// A request is JSON {encrypted_flow_data, encrypted_aes_key, initial_vector}, all base64: a fresh 128-bit AES key
// wrapped with RSA-OAEP (SHA-256) under the business's public key, a 128-bit IV, and the payload in AES-128-GCM
// with its 16-byte tag appended. The response is the JSON answer in AES-128-GCM under the same key and the IV with
// every bit inverted, tag appended, base64, sent as a plain-text body.
// Status codes are the route's business, not this module's: Meta's example answers 421 when the AES key cannot be
// unwrapped (WhatsApp then re-fetches the public key and retries), 427 for a flow token no longer valid and 432
// when X-Hub-Signature-256 does not match the raw body.
import {
  constants,
  createCipheriv,
  createDecipheriv,
  generateKeyPairSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from "node:crypto";
import { z } from "zod";

const CIPHER = "aes-128-gcm";
const KEY_BYTES = 16;
const IV_BYTES = 16;
const TAG_BYTES = 16;
const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" } as const;

// Padded standard base64, as Meta sends it. Line breaks are dropped first, as the decoders of Meta's Go and C#
// examples do, so a wrapped value is not refused.
const base64 = z
  .string()
  .transform((value) => value.replace(/[\r\n]/g, ""))
  .pipe(z.base64().min(1));

const requestBodySchema = z.object({
  encrypted_flow_data: base64,
  encrypted_aes_key: base64,
  initial_vector: base64,
});

/**
 * A request this endpoint cannot read. `reason` lets the route pick the status: "malformed" (not Meta's envelope),
 * "key" (the AES key does not unwrap with our private key: Meta's example answers 421 so WhatsApp re-fetches the
 * public key), "payload" (the key unwrapped but the data did not authenticate or is not JSON). The message is fixed:
 * the underlying crypto error never reaches a caller.
 */
export class ExchangeDecryptError extends Error {
  constructor(readonly reason: "malformed" | "key" | "payload") {
    super(
      reason === "malformed"
        ? "Not a WhatsApp Flows data-exchange request."
        : "The WhatsApp Flows data-exchange request could not be decrypted.",
    );
    this.name = "ExchangeDecryptError";
  }
}

/** An RSA-2048 key pair: the public key as SPKI PEM (what Meta's upload accepts), the private key as PKCS#8 PEM. */
export function generateFlowKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

/** Opens a request from WhatsApp. Keep `aesKey` and `iv` to encrypt the answer. */
export function decryptExchangeRequest(
  body: unknown,
  privateKeyPem: string,
): { payload: unknown; aesKey: Buffer; iv: Buffer } {
  const parsed = requestBodySchema.safeParse(body);
  if (!parsed.success) throw new ExchangeDecryptError("malformed");
  const iv = Buffer.from(parsed.data.initial_vector, "base64");
  if (iv.length !== IV_BYTES) throw new ExchangeDecryptError("malformed");

  let aesKey: Buffer;
  try {
    aesKey = privateDecrypt({ key: privateKeyPem, ...OAEP }, Buffer.from(parsed.data.encrypted_aes_key, "base64"));
  } catch {
    throw new ExchangeDecryptError("key");
  }
  if (aesKey.length !== KEY_BYTES) throw new ExchangeDecryptError("key");

  return { payload: unseal(parsed.data.encrypted_flow_data, aesKey, iv), aesKey, iv };
}

/** The body to answer with (text/plain): base64 of AES-128-GCM under the request's key and its bit-inverted IV. */
export function encryptExchangeResponse(response: unknown, aesKey: Buffer, iv: Buffer): string {
  return seal(response, aesKey, flip(iv));
}

/** Plays Meta's side (tests, benchmarks, the sandbox): encrypts a request payload for the business's public key. */
export function encryptExchangeRequest(
  payload: unknown,
  publicKeyPem: string,
): {
  body: { encrypted_flow_data: string; encrypted_aes_key: string; initial_vector: string };
  aesKey: Buffer;
  iv: Buffer;
} {
  const aesKey = randomBytes(KEY_BYTES);
  const iv = randomBytes(IV_BYTES);
  const body = {
    encrypted_flow_data: seal(payload, aesKey, iv),
    encrypted_aes_key: publicEncrypt({ key: publicKeyPem, ...OAEP }, aesKey).toString("base64"),
    initial_vector: iv.toString("base64"),
  };
  return { body, aesKey, iv };
}

/** Plays Meta's side: opens an endpoint's answer with the request's key and IV (flipped here, as WhatsApp does). */
export function decryptExchangeResponse(text: string, aesKey: Buffer, iv: Buffer): unknown {
  return unseal(text, aesKey, flip(iv));
}

/** base64(ciphertext + tag) to the JSON value; any failure is an ExchangeDecryptError("payload"). */
function unseal(sealed: string, aesKey: Buffer, iv: Buffer): unknown {
  try {
    const data = Buffer.from(sealed, "base64");
    if (data.length < TAG_BYTES) throw new Error("shorter than its tag");
    const decipher = createDecipheriv(CIPHER, aesKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(data.subarray(-TAG_BYTES));
    const json = Buffer.concat([decipher.update(data.subarray(0, -TAG_BYTES)), decipher.final()]).toString("utf8");
    return JSON.parse(json) as unknown;
  } catch {
    throw new ExchangeDecryptError("payload");
  }
}

function seal(value: unknown, aesKey: Buffer, iv: Buffer): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError("A Flows exchange payload must be JSON-serialisable.");
  const cipher = createCipheriv(CIPHER, aesKey, iv, { authTagLength: TAG_BYTES });
  return Buffer.concat([cipher.update(json, "utf8"), cipher.final(), cipher.getAuthTag()]).toString("base64");
}

/** Every bit of every byte inverted, as in Meta's example ("flip initial vector", `~byte`). */
function flip(iv: Buffer): Buffer {
  return Buffer.from(iv.map((byte) => ~byte & 0xff));
}
