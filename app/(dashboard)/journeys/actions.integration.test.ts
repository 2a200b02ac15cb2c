// The journey actions as a caller without the UI would use them: roles, workspace, bad input, and the
// audit log naming who published what.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { actAnonymously, actAs } from "@/tests/request-context";
import { createJourneyAction, moveJourneyAction, publishJourneyAction, saveJourneyAction } from "./actions";

beforeEach(() => actAnonymously());

describe("journey actions", () => {
  it("let a marketer build and publish, a manager change nothing, and nobody reach another workspace's journey", async () => {
    const { workspace, users } = await createWorkspace(["MARKETER", "MANAGER"]);
    const other = await createWorkspace(["MARKETER"]);

    expect(await createJourneyAction({ name: "Blank", starter: "blank" })).toMatchObject({
      ok: false,
      error: { code: "UNAUTHENTICATED" },
    });
    await actAs(users.MANAGER.id, workspace.id);
    expect(await createJourneyAction({ name: "Blank", starter: "blank" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });

    await actAs(users.MARKETER.id, workspace.id);
    const created = await createJourneyAction({ name: "Welcome", starter: "blank" });
    if (!created.ok) throw new Error(created.error.message);
    const { id } = created.data;
    // Bad input is refused with the field named, and changes nothing.
    const bad = await saveJourneyAction({ id, name: "", graph: { trigger: { kind: "nope" } } as never });
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(Object.keys(bad.ok ? {} : (bad.error.fieldErrors ?? {}))).toEqual(expect.arrayContaining(["name"]));
    expect(await publishJourneyAction({ id })).toMatchObject({ ok: true, data: { version: 1 } });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { workspaceId: workspace.id, action: "journey.published" },
    });
    expect(audit).toMatchObject({ actorId: users.MARKETER.id, targetId: id, details: { name: "Welcome", version: 1 } });

    await actAs(users.MANAGER.id, workspace.id);
    expect(await moveJourneyAction({ id, move: "pause" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await actAs(other.users.MARKETER.id, other.workspace.id);
    expect(await moveJourneyAction({ id, move: "stop" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await db.journey.findUniqueOrThrow({ where: { id } })).status).toBe("LIVE");
  });
});
