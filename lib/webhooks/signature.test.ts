import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "./signature";

const secret = "app-secret-for-tests";

describe("webhook signatures", () => {
  it("accept the exact bytes that were signed", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 2048 }), (bytes) => {
        const body = Buffer.from(bytes);
        expect(verifySignature(body, signBody(body, secret), secret)).toBe(true);
      }),
    );
  });

  it("refuse any single-byte change of the body", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 2048 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (bytes, at, delta) => {
          const body = Buffer.from(bytes);
          const signature = signBody(body, secret);
          const changed = Buffer.from(body);
          const i = at % changed.length;
          changed[i] = (changed[i]! + delta) % 256;
          expect(verifySignature(changed, signature, secret)).toBe(false);
        },
      ),
    );
  });

  it("refuse any single-character change of the signature", () => {
    const body = Buffer.from('{"object":"whatsapp_business_account"}');
    const signature = signBody(body, secret);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: signature.length - 1 }),
        fc.constantFrom(..."0123456789abcdefxyz=ABC"),
        (at, char) => {
          fc.pre(signature[at] !== char);
          const changed = signature.slice(0, at) + char + signature.slice(at + 1);
          expect(verifySignature(body, changed, secret)).toBe(false);
        },
      ),
    );
  });

  it("refuse a missing header, the wrong secret and re-serialised JSON", () => {
    const body = Buffer.from('{ "a": 1 }');
    expect(verifySignature(body, null, secret)).toBe(false);
    expect(verifySignature(body, signBody(body, "other"), secret)).toBe(false);
    expect(
      verifySignature(Buffer.from(JSON.stringify(JSON.parse(body.toString()))), signBody(body, secret), secret),
    ).toBe(false);
  });
});
