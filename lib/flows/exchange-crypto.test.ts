// Meta publishes no test vector for this exchange (its guide's curl sample is truncated and comes without the
// private key), so these tests play WhatsApp's side with node:crypto as Meta's guide and example code describe it.
import { constants, createCipheriv, createDecipheriv, publicEncrypt, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptExchangeRequest,
  decryptExchangeResponse,
  encryptExchangeRequest,
  encryptExchangeResponse,
  ExchangeDecryptError,
  generateFlowKeyPair,
} from "./exchange-crypto";

const business = generateFlowKeyPair();
const stranger = generateFlowKeyPair();

const ping = { version: "3.0", action: "ping" };
const dataExchange = {
  version: "3.0",
  action: "data_exchange",
  screen: "APPOINTMENT",
  data: { department: "beauty", note: "àçcénts ✓" },
  flow_token: "flow-token-1",
};

/** WhatsApp's side written out by hand, independent of the module's own helpers. */
function whatsAppRequest(payload: unknown, publicKeyPem: string, oaepHash = "sha256") {
  const aesKey = randomBytes(16);
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-128-gcm", aesKey, iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final(), cipher.getAuthTag()]);
  const wrapped = publicEncrypt({ key: publicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, aesKey);
  const body = {
    encrypted_flow_data: sealed.toString("base64"),
    encrypted_aes_key: wrapped.toString("base64"),
    initial_vector: iv.toString("base64"),
  };
  return { body, aesKey, iv };
}

function openResponse(text: string, aesKey: Buffer, iv: Buffer): unknown {
  const data = Buffer.from(text, "base64");
  const decipher = createDecipheriv("aes-128-gcm", aesKey, iv);
  decipher.setAuthTag(data.subarray(-16));
  return JSON.parse(Buffer.concat([decipher.update(data.subarray(0, -16)), decipher.final()]).toString("utf8"));
}

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ExchangeDecryptError);
    return (error as ExchangeDecryptError).reason;
  }
  throw new Error("expected an ExchangeDecryptError");
}

describe("WhatsApp Flows data-exchange encryption", () => {
  it("makes an RSA-2048 pair: SPKI public key, PKCS#8 private key", () => {
    expect(business.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(business.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    // 2048-bit RSA: the wrapped AES key is 256 bytes.
    const { body } = encryptExchangeRequest(ping, business.publicKeyPem);
    expect(Buffer.from(body.encrypted_aes_key, "base64")).toHaveLength(256);
  });

  it("opens a request sealed as WhatsApp does and answers so that WhatsApp can open it", () => {
    const { body, aesKey, iv } = whatsAppRequest(dataExchange, business.publicKeyPem);
    const request = decryptExchangeRequest(JSON.parse(JSON.stringify(body)), business.privateKeyPem);
    expect(request.payload).toEqual(dataExchange);
    expect(request.aesKey.equals(aesKey)).toBe(true);
    expect(request.iv.equals(iv)).toBe(true);

    const answer = { version: "3.0", screen: "SUCCESS", data: { acknowledged: true } };
    const text = encryptExchangeResponse(answer, request.aesKey, request.iv);
    expect(text).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    // Ciphertext as long as the JSON, then the 16-byte tag.
    expect(Buffer.from(text, "base64")).toHaveLength(Buffer.byteLength(JSON.stringify(answer)) + 16);
    const flipped = Buffer.from(iv.map((byte) => ~byte & 0xff));
    expect(openResponse(text, aesKey, flipped)).toEqual(answer);
  });

  it("round-trips through the helpers that play WhatsApp's side", () => {
    const { body, aesKey, iv } = encryptExchangeRequest(ping, business.publicKeyPem);
    const request = decryptExchangeRequest(body, business.privateKeyPem);
    expect(request.payload).toEqual(ping);
    const health = { data: { status: "active" } };
    expect(decryptExchangeResponse(encryptExchangeResponse(health, request.aesKey, request.iv), aesKey, iv)).toEqual(
      health,
    );
  });

  it("answers under the flipped IV: the request's own IV does not open the answer", () => {
    const { body, aesKey, iv } = encryptExchangeRequest(ping, business.publicKeyPem);
    const request = decryptExchangeRequest(body, business.privateKeyPem);
    const text = encryptExchangeResponse({ data: { status: "active" } }, request.aesKey, request.iv);
    expect(() => openResponse(text, aesKey, iv)).toThrow();
    // Nor does a response sealed under the unflipped IV pass for a proper answer.
    const cipher = createCipheriv("aes-128-gcm", aesKey, iv);
    const wrong = Buffer.concat([cipher.update("{}", "utf8"), cipher.final(), cipher.getAuthTag()]).toString("base64");
    expect(reasonOf(() => decryptExchangeResponse(wrong, aesKey, iv))).toBe("payload");
  });

  it("refuses a tampered payload", () => {
    const { body } = encryptExchangeRequest(dataExchange, business.publicKeyPem);
    const data = Buffer.from(body.encrypted_flow_data, "base64");
    data[0]! ^= 1;
    const tampered = { ...body, encrypted_flow_data: data.toString("base64") };
    expect(reasonOf(() => decryptExchangeRequest(tampered, business.privateKeyPem))).toBe("payload");
  });

  it("refuses a tampered tag and a payload shorter than its tag", () => {
    const { body } = encryptExchangeRequest(dataExchange, business.publicKeyPem);
    const data = Buffer.from(body.encrypted_flow_data, "base64");
    data[data.length - 1]! ^= 1;
    const badTag = { ...body, encrypted_flow_data: data.toString("base64") };
    expect(reasonOf(() => decryptExchangeRequest(badTag, business.privateKeyPem))).toBe("payload");
    const short = { ...body, encrypted_flow_data: data.subarray(0, 8).toString("base64") };
    expect(reasonOf(() => decryptExchangeRequest(short, business.privateKeyPem))).toBe("payload");
  });

  it("refuses a request for another key, a truncated wrapped key, a truncated private key and SHA-1 OAEP", () => {
    const { body } = encryptExchangeRequest(ping, business.publicKeyPem);
    expect(reasonOf(() => decryptExchangeRequest(body, stranger.privateKeyPem))).toBe("key");

    const wrapped = Buffer.from(body.encrypted_aes_key, "base64");
    const truncated = { ...body, encrypted_aes_key: wrapped.subarray(0, 128).toString("base64") };
    expect(reasonOf(() => decryptExchangeRequest(truncated, business.privateKeyPem))).toBe("key");

    const halfPem = business.privateKeyPem.slice(0, business.privateKeyPem.length / 2);
    expect(reasonOf(() => decryptExchangeRequest(body, halfPem))).toBe("key");

    // Meta wraps with OAEP over SHA-256; the default SHA-1 must not pass.
    const sha1 = whatsAppRequest(ping, business.publicKeyPem, "sha1");
    expect(reasonOf(() => decryptExchangeRequest(sha1.body, business.privateKeyPem))).toBe("key");
  });

  it("refuses a payload that is not JSON", () => {
    const { body, aesKey, iv } = encryptExchangeRequest(ping, business.publicKeyPem);
    const cipher = createCipheriv("aes-128-gcm", aesKey, iv);
    const sealed = Buffer.concat([cipher.update("not json", "utf8"), cipher.final(), cipher.getAuthTag()]);
    const notJson = { ...body, encrypted_flow_data: sealed.toString("base64") };
    expect(reasonOf(() => decryptExchangeRequest(notJson, business.privateKeyPem))).toBe("payload");
  });

  it("refuses malformed bodies", () => {
    const { body } = encryptExchangeRequest(ping, business.publicKeyPem);
    const { initial_vector: _iv, ...missing } = body;
    const cases: unknown[] = [
      missing,
      { ...body, encrypted_aes_key: "not base64!" },
      { ...body, encrypted_flow_data: "" },
      { ...body, initial_vector: 42 },
      { ...body, initial_vector: randomBytes(12).toString("base64") }, // Meta's IV is 128 bits
      null,
      "a string",
      [body],
    ];
    for (const malformed of cases) {
      expect(reasonOf(() => decryptExchangeRequest(malformed, business.privateKeyPem))).toBe("malformed");
    }
  });

  it("accepts base64 wrapped over lines", () => {
    const { body } = encryptExchangeRequest(dataExchange, business.publicKeyPem);
    const wrapped = { ...body, encrypted_aes_key: body.encrypted_aes_key.replace(/(.{76})/g, "$1\n") };
    expect(decryptExchangeRequest(wrapped, business.privateKeyPem).payload).toEqual(dataExchange);
  });

  it("never carries the underlying error's message", () => {
    const { body } = encryptExchangeRequest(ping, business.publicKeyPem);
    try {
      decryptExchangeRequest(body, stranger.privateKeyPem);
    } catch (error) {
      expect((error as Error).message).toBe("The WhatsApp Flows data-exchange request could not be decrypted.");
      expect((error as Error).message).not.toMatch(/oaep|openssl|decoding/i);
      expect((error as Error).cause).toBeUndefined();
    }
    expect.assertions(3);
  });
});
