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

  it("falls back to the raw action for unknown events", () => {
    expect(describeAudit("something.new", null)).toBe("something.new");
  });
});
