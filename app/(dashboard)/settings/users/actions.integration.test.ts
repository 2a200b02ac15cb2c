// The server actions called directly, as an attacker would, without the UI: the guard must refuse.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { actAnonymously, actAs } from "@/tests/request-context";
import { changeRoleAction, createUserAction } from "./actions";

beforeEach(() => actAnonymously());

describe("user management actions", () => {
  it("refuses a manager and a marketer, and changes nothing", async () => {
    const { workspace, users } = await createWorkspace();
    for (const role of ["MANAGER", "MARKETER"] as const) {
      await actAs(users[role].id, workspace.id);
      const result = await createUserAction({ name: "Eve", email: `eve-${role}@example.test`, role: "ADMIN" });
      expect(result).toEqual({
        ok: false,
        error: { code: "FORBIDDEN", message: "You do not have permission to do that." },
      });
      const promote = await changeRoleAction({ userId: users[role].id, role: "ADMIN" });
      expect(promote.ok).toBe(false);
    }
    expect(await db.user.count({ where: { email: { startsWith: "eve-" } } })).toBe(0);
    expect(await db.membership.count({ where: { workspaceId: workspace.id, role: "ADMIN" } })).toBe(1);
  });

  it("refuses a caller with no session or a forged cookie", async () => {
    const anonymous = await createUserAction({ name: "Eve", email: "eve-anon@example.test", role: "ADMIN" });
    expect(anonymous).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    actAnonymously("forged.token.value");
    const forged = await createUserAction({ name: "Eve", email: "eve-forged@example.test", role: "ADMIN" });
    expect(forged).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("lets an admin act, and reports bad input per field", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN"]);
    await actAs(users.ADMIN.id, workspace.id);
    const bad = await createUserAction({ name: "", email: "not-an-email", role: "ADMIN" });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: "VALIDATION",
        fieldErrors: { name: ["Enter the person's name."], email: ["Enter a valid email address."] },
      },
    });
    const good = await createUserAction({ name: "Olga", email: "olga@example.test", role: "MANAGER" });
    expect(good).toMatchObject({ ok: true });
  });

  it("cannot reach into another workspace by id", async () => {
    const mine = await createWorkspace(["ADMIN"]);
    const theirs = await createWorkspace(["ADMIN", "MARKETER"]);
    await actAs(mine.users.ADMIN.id, mine.workspace.id);
    const result = await changeRoleAction({ userId: theirs.users.MARKETER.id, role: "ADMIN" });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
