import { describe, expect, it } from "vitest";
import { can, homeFor, navigationFor, PERMISSIONS } from "./permissions";

const labels = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((item) => item.label);

describe("permissions", () => {
  it("gives admins every permission", () => {
    expect(PERMISSIONS.every((p) => can("ADMIN", p))).toBe(true);
  });

  it("lets marketers build and send but not administer", () => {
    expect(can("MARKETER", "campaigns.edit")).toBe(true);
    expect(can("MARKETER", "templates.edit")).toBe(true);
    expect(can("MARKETER", "users.manage")).toBe(false);
    expect(can("MARKETER", "consent.edit")).toBe(false);
    expect(can("MARKETER", "settings.manage")).toBe(false);
  });

  it("keeps managers read-only apart from approving campaigns", () => {
    expect(can("MANAGER", "analytics.view")).toBe(true);
    expect(can("MANAGER", "campaigns.approve")).toBe(true);
    for (const p of [
      "campaigns.edit",
      "templates.edit",
      "contacts.edit",
      "consent.edit",
      "inbox.reply",
      "users.manage",
    ] as const) {
      expect(can("MANAGER", p)).toBe(false);
    }
  });

  it("fails closed without a role", () => {
    expect(can(null, "campaigns.view")).toBe(false);
    expect(can(undefined, "analytics.view")).toBe(false);
    expect(can("OWNER" as never, "analytics.view")).toBe(false);
  });

  it("shows each role only the navigation it can use", () => {
    expect(labels("ADMIN")).toEqual([
      "home",
      "campaigns",
      "journeys",
      "flows",
      "templates",
      "audiences",
      "inbox",
      "analytics",
      "settings",
    ]);
    expect(labels("MARKETER")).toEqual([
      "home",
      "campaigns",
      "journeys",
      "flows",
      "templates",
      "audiences",
      "inbox",
      "analytics",
    ]);
    expect(labels("MANAGER")[0]).toBe("home");
    expect(labels("MANAGER")).not.toContain("settings");
    expect(
      navigationFor("ADMIN")
        .find((i) => i.label === "settings")
        ?.children?.map((c) => c.label),
    ).toEqual(["workspace", "whatsapp", "api", "webhooks", "flowEndpoint", "pricing", "users", "auditLog"]);
  });

  it("lands every role on its home", () => {
    expect(homeFor("MANAGER")).toBe("/home");
    expect(homeFor("MARKETER")).toBe("/home");
    expect(homeFor("ADMIN")).toBe("/home");
  });
});
