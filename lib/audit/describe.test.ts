import { describe, expect, it } from "vitest";
import { describeAudit } from "./describe";

describe("describeAudit", () => {
  it("writes user changes as sentences with role names", () => {
    expect(describeAudit("user.created", { email: "a@x.test", role: "MARKETER" })).toBe("Added a@x.test as Marketer");
    expect(describeAudit("user.role_changed", { email: "a@x.test", from: "MARKETER", to: "ADMIN" })).toBe(
      "Changed a@x.test from Marketer to Admin",
    );
    expect(describeAudit("user.deactivated", { email: "a@x.test" })).toBe("Deactivated a@x.test");
  });

  it("writes password and connection changes as sentences", () => {
    expect(describeAudit("user.password_reset", { email: "a@x.test" })).toBe("Reset the password of a@x.test");
    expect(
      describeAudit("whatsapp.connection_updated", {
        graphApiBase: { from: "https://graph.facebook.com/v23.0", to: "https://graph.facebook.com/v24.0" },
      }),
    ).toBe("Moved the WhatsApp connection from https://graph.facebook.com/v23.0 to https://graph.facebook.com/v24.0");
    expect(describeAudit("user.role_changed", { email: "a@x.test", from: "__proto__", to: "constructor" })).toBe(
      "Changed a@x.test from __proto__ to constructor",
    );
  });

  it("writes API key events as sentences", () => {
    expect(
      describeAudit("api_key.created", {
        name: "Shop",
        prefix: "pk_abc",
        scopes: ["messages:send", "contacts:write"],
        expiresAt: "2031-02-03T23:59:59.999Z",
      }),
    ).toBe("Created the API key “Shop” (pk_abc) with messages:send, contacts:write, expiring 2031-02-03");
    expect(describeAudit("api_key.revoked", { name: "Shop", prefix: "pk_abc" })).toBe(
      "Revoked the API key “Shop” (pk_abc)",
    );
    expect(describeAudit("api_key.use_denied", { reason: "revoked", operation: "getContact" })).toBe(
      "Refused a call for getContact with an API key: the key was revoked",
    );
    expect(
      describeAudit("api_key.use_denied", { reason: "missing_scope", scope: "contacts:read", operation: "getContact" }),
    ).toBe("Refused a call for getContact with an API key: the key lacks the contacts:read scope");
  });

  it("falls back to the raw action for unknown events", () => {
    expect(describeAudit("something.new", null)).toBe("something.new");
  });
});
