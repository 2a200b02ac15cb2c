import { describe, expect, it } from "vitest";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import { verifyLogin } from "@/lib/auth/login";
import { db } from "@/lib/db/client";
import { englishTranslator } from "@/lib/i18n/translator";
import { createWorkspace } from "@/tests/factories";
import { changeRole, createMember, listMembers, setMemberActive } from "./service";

/** A refusal as an English reader sees it: the service throws a message key, the action wrapper words it. */
const inEnglish = (work: Promise<unknown>) =>
  work.catch((error: Error) => {
    throw new Error(englishTranslator.message(error.message));
  });

describe("workspace members", () => {
  it("creates a user who can sign in with the one-time password, and audits it", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN"]);
    const { temporaryPassword } = await createMember(workspace.id, users.ADMIN.id, {
      name: "New Person",
      email: "new.person@example.test",
      role: "MARKETER",
    });
    expect(temporaryPassword).toBeTruthy();
    const login = await verifyLogin({ email: "new.person@example.test", password: temporaryPassword }, "10.9.0.1");
    expect(login).toMatchObject({ ok: true, role: "MARKETER", workspaceId: workspace.id });
    const audit = await db.auditLog.findFirst({ where: { workspaceId: workspace.id, action: "user.created" } });
    expect(audit).toMatchObject({
      actorId: users.ADMIN.id,
      details: { email: "new.person@example.test", role: "MARKETER" },
    });
  });

  it("refuses the same member twice with a clear message", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN", "MANAGER"]);
    await expect(
      inEnglish(
        createMember(workspace.id, users.ADMIN.id, { name: "Dup", email: users.MANAGER.email, role: "MARKETER" }),
      ),
    ).rejects.toThrow(`${users.MANAGER.email} is already a member of this workspace.`);
  });

  it("changes a role and records from and to", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN", "MARKETER"]);
    await changeRole(workspace.id, users.ADMIN.id, { userId: users.MARKETER.id, role: "MANAGER" });
    const members = await listMembers(workspace.id);
    expect(members.find((m) => m.id === users.MARKETER.id)?.role).toBe("MANAGER");
    const audit = await db.auditLog.findFirst({ where: { workspaceId: workspace.id, action: "user.role_changed" } });
    expect(audit?.details).toEqual({ email: users.MARKETER.email, from: "MARKETER", to: "MANAGER" });
  });

  it("never leaves a workspace without an active admin", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN", "MARKETER"]);
    await expect(
      inEnglish(changeRole(workspace.id, users.ADMIN.id, { userId: users.ADMIN.id, role: "MARKETER" })),
    ).rejects.toThrow(/at least one active admin/);
    await expect(
      inEnglish(setMemberActive(workspace.id, users.ADMIN.id, { userId: users.ADMIN.id, active: false })),
    ).rejects.toThrow(/cannot deactivate your own account/);
  });

  it("ends a deactivated member's sessions at once", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN", "MARKETER"]);
    const sid = await createSession({ userId: users.MARKETER.id, workspaceId: workspace.id });
    await setMemberActive(workspace.id, users.ADMIN.id, { userId: users.MARKETER.id, active: false });
    expect(await resolveSession(sid)).toBeNull();
    expect(await db.session.count({ where: { id: sid } })).toBe(0);
  });

  it("does not touch members of another workspace", async () => {
    const a = await createWorkspace(["ADMIN"]);
    const b = await createWorkspace(["ADMIN", "MARKETER"]);
    await expect(
      inEnglish(changeRole(a.workspace.id, a.users.ADMIN.id, { userId: b.users.MARKETER.id, role: "ADMIN" })),
    ).rejects.toThrow(/That user was not found/);
    expect((await listMembers(b.workspace.id)).find((m) => m.id === b.users.MARKETER.id)?.role).toBe("MARKETER");
  });
});
