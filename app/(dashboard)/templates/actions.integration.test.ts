import { beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIES } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { EMPTY_TEMPLATE } from "@/lib/templates/schemas";
import { createWorkspace, sessionCookieFor } from "@/tests/factories";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { saveTemplateDraftAction, submitTemplateAction } = await import("./actions");
beforeEach(() => jar.clear());

const input = { ...EMPTY_TEMPLATE, name: "manager_attempt", body: { text: "Hello there, friend.", samples: {} } };

describe("template actions", () => {
  it("refuse a manager, called directly, and change nothing", async () => {
    const { workspace, users } = await createWorkspace(["MANAGER"]);
    jar.set(SESSION_COOKIES[0]!, await sessionCookieFor(users.MANAGER.id, workspace.id));
    expect(await saveTemplateDraftAction({ input })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await submitTemplateAction({ input })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db.template.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("save a marketer's incomplete draft, but refuse to submit it, naming what is missing", async () => {
    const { workspace, users } = await createWorkspace(["MARKETER"]);
    jar.set(SESSION_COOKIES[0]!, await sessionCookieFor(users.MARKETER.id, workspace.id));
    const draft = { ...input, name: "half_done", body: { text: "Hi {{1}}, hello.", samples: {} } };
    const saved = await saveTemplateDraftAction({ input: draft });
    expect(saved.ok).toBe(true);
    const submitted = await submitTemplateAction({ id: saved.ok ? saved.data.id : undefined, input: draft });
    expect(submitted).toMatchObject({ ok: false, error: { code: "VALIDATION", message: "The template is not ready: Body variable {{1}}: a sample value is required for Meta's review." } });
    expect((await db.template.findFirstOrThrow({ where: { workspaceId: workspace.id } })).status).toBe("DRAFT");
  });
});
