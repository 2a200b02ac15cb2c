// Settings → Workspace as a caller without the UI would use it: admins only, each field checked with a
// reason, every change audited, and the rules reach campaigns.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { workspaceRules } from "@/lib/workspace/service";
import { createWorkspace } from "@/tests/factories";
import { actAnonymously, actAs } from "@/tests/request-context";
import { saveWorkspaceRulesAction } from "./actions";

beforeEach(() => actAnonymously());

const rules = {
  requireApproval: true,
  marketingCapPer7Days: 2,
  quietHours: { enabled: true, start: "21:00", end: "08:30" },
  defaultCountry: "es",
  timeZone: "Europe/Madrid",
};

describe("workspace rules", () => {
  it("are changed by admins only, checked field by field, and audited", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN", "MARKETER", "MANAGER"]);
    for (const role of ["MARKETER", "MANAGER"] as const) {
      await actAs(users[role].id, workspace.id);
      expect(await saveWorkspaceRulesAction(rules)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    await actAs(users.ADMIN.id, workspace.id);
    const bad = await saveWorkspaceRulesAction({
      ...rules,
      marketingCapPer7Days: 0,
      defaultCountry: "XX",
      timeZone: "Mars/Olympus",
      quietHours: { enabled: true, start: "22:00", end: "22:00" },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(!bad.ok && bad.error.fieldErrors).toMatchObject({
      marketingCapPer7Days: [expect.stringContaining("At least 1")],
      defaultCountry: [expect.stringContaining("two-letter code")],
      timeZone: [expect.stringContaining("time zone")],
      "quietHours.end": [expect.stringContaining("different times")],
    });
    expect(await workspaceRules(workspace.id)).toMatchObject({ requireApproval: false, marketingCapPer7Days: null });

    expect(await saveWorkspaceRulesAction(rules)).toMatchObject({ ok: true });
    expect(await workspaceRules(workspace.id)).toEqual({ ...rules, defaultCountry: "ES" });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { workspaceId: workspace.id, action: "workspace.rules_changed" },
    });
    expect(audit).toMatchObject({
      actorId: users.ADMIN.id,
      details: { requireApproval: true, marketingCapPer7Days: 2, defaultCountry: "ES" },
    });

    expect(await saveWorkspaceRulesAction({ ...rules, marketingCapPer7Days: null })).toMatchObject({ ok: true });
    expect((await workspaceRules(workspace.id)).marketingCapPer7Days).toBeNull();
  });
});
