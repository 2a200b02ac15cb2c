// The flow actions as a caller without the UI would use them: roles, workspace, bad input (a name taken, an
// attribute key with spaces, a consent list of another workspace, a NUL), and a published flow left unchanged.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { starterJson } from "@/lib/flows/starters";
import { createWorkspace } from "@/tests/factories";
import { actAnonymously, actAs } from "@/tests/request-context";
import { createFlowAction, deleteFlowAction, duplicateFlowAction, saveFlowAction } from "./actions";

beforeEach(() => actAnonymously());

const settings = { category: "SURVEY" as const, json: starterJson("signup"), attributeMap: {} };

describe("flow actions", () => {
  it("let a marketer build, a manager change nothing, and nobody reach another workspace's flow", async () => {
    const { workspace, users } = await createWorkspace(["MARKETER", "MANAGER"]);
    const other = await createWorkspace(["MARKETER"]);
    expect(await createFlowAction({ name: "Sign-up", starter: "signup" })).toMatchObject({
      ok: false,
      error: { code: "UNAUTHENTICATED" },
    });
    await actAs(users.MANAGER.id, workspace.id);
    expect(await createFlowAction({ name: "Sign-up", starter: "signup" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });

    await actAs(users.MARKETER.id, workspace.id);
    const created = await createFlowAction({ name: "Sign-up", starter: "signup" });
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.data;
    expect(await createFlowAction({ name: "Sign-up", starter: "nps" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    const theirList = await db.consentList.create({ data: { workspaceId: other.workspace.id, name: "Theirs" } });
    const bad = await saveFlowAction({
      id,
      name: "Sign-up",
      ...settings,
      attributeMap: { first_name: "first name" },
      consentListId: theirList.id,
      optInField: "newsletter",
    });
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(Object.keys(bad.ok ? {} : (bad.error.fieldErrors ?? {})).sort()).toEqual(["attributeMap", "consentListId"]);
    expect(await saveFlowAction({ id, name: "Sign\u0000up", ...settings })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { name: [expect.stringMatching(/NUL/)] } },
    });
    const saved = await saveFlowAction({ id, name: "Newsletter", ...settings, attributeMap: { first_name: "first" } });
    expect(saved).toMatchObject({ ok: true });
    expect(await db.flow.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Newsletter",
      attributeMap: { first_name: "first" },
    });

    // Another workspace's member finds nothing; a published flow changes only by a duplicate.
    await actAs(other.users.MARKETER.id, other.workspace.id);
    expect(await saveFlowAction({ id, name: "Mine now", ...settings })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    await actAs(users.MARKETER.id, workspace.id);
    await db.flow.update({ where: { id }, data: { status: "PUBLISHED" } });
    expect(await saveFlowAction({ id, name: "Changed", ...settings })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect(await deleteFlowAction({ id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    const copy = await duplicateFlowAction({ id });
    if (!copy.ok) throw new Error(copy.error.message);
    expect(await db.flow.findUniqueOrThrow({ where: { id: copy.data.id } })).toMatchObject({
      name: "Newsletter (2)",
      status: "DRAFT",
    });
    expect(await deleteFlowAction({ id: copy.data.id })).toMatchObject({ ok: true });
  });
});
