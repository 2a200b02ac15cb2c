import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import type { SegmentRules } from "@/lib/segments/schemas";
import { createWorkspace } from "@/tests/factories";
import { actAnonymously, actAs, cookieJar } from "@/tests/request-context";
import { getSegment, listSegments } from "@/lib/segments/service";
import { deleteSegmentAction, saveSegmentAction } from "./actions";

beforeEach(() => actAnonymously());

const rules = (value: string): SegmentRules => ({
  match: "all",
  groups: [{ match: "all", conditions: [{ field: "attribute", op: "equals", key: "tier", value }] }],
});

describe("saving segments", () => {
  it("are saved by marketers and admins only, with a clear error for an unfinished rule", async () => {
    const { workspace, users } = await createWorkspace();
    const ws = workspace.id;
    const input = { name: "Gold", rules: rules("gold") };
    await actAs(users.MANAGER.id, ws);
    expect(await saveSegmentAction(input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAs(users.MARKETER.id, ws);
    const unfinished = await saveSegmentAction({ name: "Gold", rules: rules("") });
    expect(unfinished).toMatchObject({
      ok: false,
      error: { fieldErrors: { "rules.groups.0.conditions.0.value": ["Value: required."] } },
    });
    expect(await saveSegmentAction(input)).toMatchObject({ ok: true });
    expect(await saveSegmentAction(input)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db.segment.count({ where: { workspaceId: ws } })).toBe(1);
  });
});

describe("a Spanish reader", () => {
  it("reads what to fix, and why a segment cannot be saved or deleted, in Spanish", async () => {
    const { workspace, users } = await createWorkspace(["MARKETER"]);
    await actAs(users.MARKETER.id, workspace.id);
    cookieJar.set(LOCALE_COOKIE, "es");
    expect(await saveSegmentAction({ name: " ", rules: rules("") })).toMatchObject({
      ok: false,
      error: {
        fieldErrors: {
          name: ["Nombre: obligatorio, p. ej. Clientes oro de Madrid."],
          "rules.groups.0.conditions.0.value": ["Valor: obligatorio."],
        },
      },
    });
    const saved = await saveSegmentAction({ name: "Oro", rules: rules("gold") });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(await saveSegmentAction({ name: "Oro", rules: rules("gold") })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "Ya existe un segmento llamado Oro." },
    });
    const audience = { segmentIds: [saved.data.id], excludeSegmentIds: [] };
    for (const name of ["Invierno", "Verano"])
      await db.campaign.create({
        data: { workspaceId: workspace.id, name, status: "DRAFT", variableMapping: {}, audience },
      });
    expect(await deleteSegmentAction({ id: saved.data.id })).toMatchObject({
      ok: false,
      error: {
        code: "CONFLICT",
        message: "Este segmento lo usan las campañas Invierno, Verano. Quítalo de ahí primero.",
      },
    });
  });
});

describe("segments and inherited keys", () => {
  it("refuse __proto__ as a comparison, and a rule saved with one before leaves the list working", async () => {
    const { workspace, users } = await createWorkspace(["MARKETER"]);
    await actAs(users.MARKETER.id, workspace.id);
    const poisoned = {
      match: "all",
      groups: [{ match: "all", conditions: [{ field: "name", op: "__proto__", value: "x" }] }],
    };
    const refused = await saveSegmentAction({ name: "Poison", rules: poisoned as SegmentRules });
    expect(refused).toMatchObject({
      ok: false,
      error: { fieldErrors: { "rules.groups.0.conditions.0.op": ["Choose a comparison."] } },
    });

    // As an older version let it be saved:
    const old = await db.segment.create({ data: { workspaceId: workspace.id, name: "Old poison", rules: poisoned } });
    await db.segment.create({ data: { workspaceId: workspace.id, name: "Fine", rules: rules("gold") } });
    expect((await listSegments(workspace.id)).map((s) => [s.name, s.count])).toEqual([
      ["Fine", 0],
      ["Old poison", null],
    ]);
    expect(await getSegment(workspace.id, old.id)).toMatchObject({ name: "Old poison", rulesNeedFixing: true });
  });
});

describe("deleting segments", () => {
  it("is for marketers and admins of the segment's own workspace, and refused while a campaign that has not started uses it", async () => {
    const { workspace, users } = await createWorkspace(["MARKETER", "MANAGER"]);
    const other = await createWorkspace(["ADMIN"]);
    const segment = await db.segment.create({
      data: { workspaceId: workspace.id, name: "Gold", rules: rules("gold") },
    });
    const campaign = await db.campaign.create({
      data: {
        workspaceId: workspace.id,
        name: "Summer",
        status: "DRAFT",
        variableMapping: {},
        audience: { segmentIds: [], excludeSegmentIds: [segment.id] },
      },
    });

    await actAs(users.MANAGER.id, workspace.id);
    expect(await deleteSegmentAction({ id: segment.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAs(other.users.ADMIN.id, other.workspace.id);
    expect(await deleteSegmentAction({ id: segment.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    await actAs(users.MARKETER.id, workspace.id);
    expect(await deleteSegmentAction({ id: segment.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "This segment is used by the campaign Summer. Remove it there first." },
    });
    expect(await db.segment.count({ where: { id: segment.id } })).toBe(1);

    await db.campaign.update({ where: { id: campaign.id }, data: { status: "COMPLETED" } });
    expect(await deleteSegmentAction({ id: segment.id })).toMatchObject({ ok: true });
    expect(await db.segment.count({ where: { id: segment.id } })).toBe(0);
    expect(
      await db.auditLog.count({
        where: { workspaceId: workspace.id, action: "segment.deleted", targetId: segment.id },
      }),
    ).toBe(1);
  });
});
