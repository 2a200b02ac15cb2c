// Passwords after the first: a member changes their own, an admin resets one. The old password stops
// working, sessions that may be someone else's end, and a lockout never keeps out the right password.
import { beforeEach, describe, expect, it } from "vitest";
import { resetPasswordAction } from "@/app/(dashboard)/settings/users/actions";
import { MAX_FAILURES_PER_ACCOUNT, verifyLogin } from "@/lib/auth/login";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { createWorkspace, TEST_PASSWORD } from "@/tests/factories";
import { actAnonymously, actAs, cookieJar } from "@/tests/request-context";
import { changePasswordAction } from "./actions";

beforeEach(() => actAnonymously());

const NEW_PASSWORD = "a brand new passphrase";
const signIn = (email: string, password: string) => verifyLogin({ email, password }, "10.9.0.1");

describe("changing one's own password", () => {
  it("needs the current password, then signs out every other session", async () => {
    const { workspace, users } = await createWorkspace(["MANAGER"]);
    const other = await createSession({ userId: users.MANAGER.id, workspaceId: workspace.id });
    await actAs(users.MANAGER.id, workspace.id);
    expect(cookieJar.size).toBe(1);
    const mine = (
      await db.session.findFirstOrThrow({
        where: { userId: users.MANAGER.id, id: { not: other } },
        select: { id: true },
      })
    ).id;

    const wrong = await changePasswordAction({
      currentPassword: "not it",
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { currentPassword: ["That is not your current password."] } },
    });
    const mismatch = await changePasswordAction({
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: "typo",
    });
    expect(mismatch).toMatchObject({
      ok: false,
      error: { fieldErrors: { confirmPassword: ["The two new passwords are not the same."] } },
    });
    expect((await signIn(users.MANAGER.email, TEST_PASSWORD)).ok).toBe(true);

    expect(
      await changePasswordAction({
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }),
    ).toEqual({ ok: true, data: undefined });
    expect((await signIn(users.MANAGER.email, TEST_PASSWORD)).ok).toBe(false);
    expect((await signIn(users.MANAGER.email, NEW_PASSWORD)).ok).toBe(true);
    expect(await resolveSession(other)).toBeNull();
    expect(await resolveSession(mine)).not.toBeNull();
    expect(await db.auditLog.count({ where: { workspaceId: workspace.id, action: "user.password_changed" } })).toBe(1);
  });

  it("is held to the sign-in limits, so a stolen session cannot guess the password without end", async () => {
    const { workspace, users } = await createWorkspace(["MARKETER"]);
    await actAs(users.MARKETER.id, workspace.id);
    const guess = (currentPassword: string) =>
      changePasswordAction({ currentPassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++)
      expect(await guess(`guess-${i}`)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await guess(TEST_PASSWORD)).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    expect((await signIn(users.MARKETER.email, TEST_PASSWORD)).ok).toBe(false);
  });

  it("is refused without a session", async () => {
    expect(
      await changePasswordAction({
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }),
    ).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });
});

describe("an admin resetting a member's password", () => {
  it("gives a one-time password, ends every session of theirs and lifts a lockout", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN", "MARKETER"]);
    const theirs = await createSession({ userId: users.MARKETER.id, workspaceId: workspace.id });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await signIn(users.MARKETER.email, `guess-${i}`);
    expect((await signIn(users.MARKETER.email, TEST_PASSWORD)).ok).toBe(false); // locked out

    await actAs(users.MARKETER.id, workspace.id);
    expect(await resetPasswordAction({ userId: users.ADMIN.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });

    await actAs(users.ADMIN.id, workspace.id);
    const result = await resetPasswordAction({ userId: users.MARKETER.id });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.temporaryPassword).toMatch(/^[\w-]{16}$/);
    expect(await resolveSession(theirs)).toBeNull();
    expect(await db.session.count({ where: { userId: users.MARKETER.id } })).toBe(0);
    expect((await signIn(users.MARKETER.email, TEST_PASSWORD)).ok).toBe(false);
    expect((await signIn(users.MARKETER.email, result.data.temporaryPassword)).ok).toBe(true);
    expect(
      await db.auditLog.count({
        where: { workspaceId: workspace.id, action: "user.password_reset", targetId: users.MARKETER.id },
      }),
    ).toBe(1);
  });

  it("is refused for another workspace's member, one who also belongs elsewhere, and oneself", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN", "MARKETER"]);
    const other = await createWorkspace(["ADMIN"]);
    await db.membership.create({ data: { workspaceId: other.workspace.id, userId: users.MARKETER.id, role: "ADMIN" } });
    await actAs(users.ADMIN.id, workspace.id);
    expect(await resetPasswordAction({ userId: other.users.ADMIN.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await resetPasswordAction({ userId: users.MARKETER.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN", message: expect.stringContaining("also belongs to another workspace") },
    });
    expect(await resetPasswordAction({ userId: users.ADMIN.id })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION" },
    });
    expect((await signIn(users.MARKETER.email, TEST_PASSWORD)).ok).toBe(true);
  });
});
