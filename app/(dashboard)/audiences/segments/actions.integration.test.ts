import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SegmentRules } from "@/lib/segments/schemas";
import { createWorkspace } from "@/tests/factories";
import { actAnonymously, actAs } from "@/tests/request-context";
import { saveSegmentAction } from "./actions";

beforeEach(() => actAnonymously());

const rules = (value: string): SegmentRules => ({ match: "all", groups: [{ match: "all", conditions: [{ field: "attribute", op: "equals", key: "tier", value }] }] });

describe("saving segments", () => {
  it("are saved by marketers and admins only, with a clear error for an unfinished rule", async () => {
    const { workspace, users } = await createWorkspace();
    const ws = workspace.id;
    const input = { name: "Gold", rules: rules("gold") };
    await actAs(users.MANAGER.id, ws);
    expect(await saveSegmentAction(input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAs(users.MARKETER.id, ws);
    const unfinished = await saveSegmentAction({ name: "Gold", rules: rules("") });
    expect(unfinished).toMatchObject({ ok: false, error: { fieldErrors: { "rules.groups.0.conditions.0.value": ["Value: required."] } } });
    expect(await saveSegmentAction(input)).toMatchObject({ ok: true });
    expect(await saveSegmentAction(input)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db.segment.count({ where: { workspaceId: ws } })).toBe(1);
  });
});
