import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { EMPTY_TEMPLATE } from "@/lib/templates/schemas";
import { createWorkspace } from "@/tests/factories";
import { actAnonymously, actAs } from "@/tests/request-context";
import { saveTemplateDraftAction, submitTemplateAction } from "./actions";

beforeEach(() => actAnonymously());

const input = { ...EMPTY_TEMPLATE, name: "manager_attempt", body: { text: "Hello there, friend.", samples: {} } };

describe("template actions", () => {
  it("refuse a manager, called directly, and change nothing", async () => {
    const { workspace, users } = await createWorkspace(["MANAGER"]);
    await actAs(users.MANAGER.id, workspace.id);
    expect(await saveTemplateDraftAction({ input })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await submitTemplateAction({ input })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db.template.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("save a marketer's incomplete draft, but refuse to submit it, naming what is missing", async () => {
    const { workspace, users } = await createWorkspace(["MARKETER"]);
    await actAs(users.MARKETER.id, workspace.id);
    const draft = { ...input, name: "half_done", body: { text: "Hi {{1}}, hello.", samples: {} } };
    const saved = await saveTemplateDraftAction({ input: draft });
    expect(saved.ok).toBe(true);
    const submitted = await submitTemplateAction({ id: saved.ok ? saved.data.id : undefined, input: draft });
    expect(submitted).toMatchObject({
      ok: false,
      error: {
        code: "VALIDATION",
        message: "Body variable {{1}}: a sample value is required for Meta's review.",
      },
    });
    expect((await db.template.findFirstOrThrow({ where: { workspaceId: workspace.id } })).status).toBe("DRAFT");
  });
});
