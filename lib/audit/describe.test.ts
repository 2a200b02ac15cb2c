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

  it("falls back to the raw action for unknown events", () => {
    expect(describeAudit("something.new", null)).toBe("something.new");
  });
});
