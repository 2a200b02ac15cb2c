import { describe, expect, it } from "vitest";
import { englishAuditSentence as sentence } from "@/tests/audit-words";

describe("describeAudit", () => {
  it("writes user changes as sentences with role names", () => {
    expect(sentence("user.created", { email: "a@x.test", role: "MARKETER" })).toBe("Added a@x.test as Marketer");
    expect(sentence("user.role_changed", { email: "a@x.test", from: "MARKETER", to: "ADMIN" })).toBe(
      "Changed a@x.test from Marketer to Admin",
    );
    expect(sentence("user.deactivated", { email: "a@x.test" })).toBe("Deactivated a@x.test");
    expect(sentence("user.deactivated", {})).toBe("Deactivated a user");
  });

  it("writes password and connection changes as sentences", () => {
    expect(sentence("user.password_reset", { email: "a@x.test" })).toBe("Reset the password of a@x.test");
    expect(
      sentence("whatsapp.connection_updated", {
        graphApiBase: { from: "https://graph.facebook.com/v23.0", to: "https://graph.facebook.com/v24.0" },
      }),
    ).toBe("Moved the WhatsApp connection from https://graph.facebook.com/v23.0 to https://graph.facebook.com/v24.0");
    expect(sentence("user.role_changed", { email: "a@x.test", from: "__proto__", to: "constructor" })).toBe(
      "Changed a@x.test from __proto__ to constructor",
    );
  });

  it("writes API key events as sentences", () => {
    expect(
      sentence("api_key.created", {
        name: "Shop",
        prefix: "pk_abc",
        scopes: ["messages:send", "contacts:write"],
        expiresAt: "2031-02-03T23:59:59.999Z",
      }),
    ).toBe("Created the API key “Shop” (pk_abc) with messages:send, contacts:write, expiring Feb 3, 2031");
    expect(sentence("api_key.created", { name: "Shop", prefix: "pk_abc", scopes: ["contacts:read"] })).toBe(
      "Created the API key “Shop” (pk_abc) with contacts:read",
    );
    expect(sentence("api_key.revoked", { name: "Shop", prefix: "pk_abc" })).toBe("Revoked the API key “Shop” (pk_abc)");
    expect(sentence("api_key.use_denied", { reason: "revoked", operation: "getContact" })).toBe(
      "Refused a call for getContact with an API key: the key was revoked",
    );
    expect(
      sentence("api_key.use_denied", { reason: "missing_scope", scope: "contacts:read", operation: "getContact" }),
    ).toBe("Refused a call for getContact with an API key: the key lacks the contacts:read scope");
    expect(sentence("api_key.use_denied", { reason: "rate_limited" })).toBe(
      "Refused a call with an API key: rate_limited",
    );
  });

  it("says whether a webhook endpoint was changed through the API", () => {
    expect(sentence("webhooks.endpoint_deleted", { url: "https://a.test/h", apiKeyId: "k1" })).toBe(
      "Deleted the webhook endpoint https://a.test/h through the API",
    );
    expect(sentence("webhooks.endpoint_created", { url: "https://a.test/h", eventTypes: ["message.read"] })).toBe(
      "Added the webhook endpoint https://a.test/h (message.read)",
    );
  });

  it("falls back to the raw action for unknown events", () => {
    expect(sentence("something.new", null)).toBe("something.new");
  });
});
