import { describe, expect, it } from "vitest";
import { apiKeyState } from "./key-state";
import { createApiKeySchema, expiryOf } from "./schemas";

const now = new Date("2030-06-01T12:00:00Z");

describe("apiKeyState", () => {
  it("is revoked before anything else, expired from its expiry on, active otherwise", () => {
    expect(apiKeyState({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(apiKeyState({ revokedAt: null, expiresAt: new Date("2030-06-01T12:00:01Z") }, now)).toBe("active");
    expect(apiKeyState({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(apiKeyState({ revokedAt: now, expiresAt: new Date("2020-01-01") }, now)).toBe("revoked");
  });
});

describe("createApiKeySchema", () => {
  const valid = { name: " Shop orders ", scopes: ["messages:send"], expiresOn: "" };

  it("takes a name, at least one known scope and an optional expiry day", () => {
    expect(createApiKeySchema.parse(valid)).toEqual({ name: "Shop orders", scopes: ["messages:send"], expiresOn: "" });
    const today = new Date().toISOString().slice(0, 10);
    expect(createApiKeySchema.parse({ ...valid, expiresOn: today }).expiresOn).toBe(today);
  });

  it("names each refused field", () => {
    const result = createApiKeySchema.safeParse({ name: "x".repeat(101), scopes: [], expiresOn: "2001-01-01" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join("."));
    expect(fields.sort()).toEqual(["expiresOn", "name", "scopes"]);
    expect(createApiKeySchema.safeParse({ ...valid, name: "  " }).success).toBe(false);
    expect(createApiKeySchema.safeParse({ ...valid, scopes: ["admin:everything"] }).success).toBe(false);
    expect(createApiKeySchema.safeParse({ ...valid, expiresOn: "next week" }).success).toBe(false);
  });

  it("ends a key on the last millisecond of its expiry day, UTC", () => {
    expect(expiryOf("2031-02-03")?.toISOString()).toBe("2031-02-03T23:59:59.999Z");
    expect(expiryOf("")).toBeNull();
  });
});
