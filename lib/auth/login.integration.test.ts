import { describe, expect, it } from "vitest";
import { createWorkspace, TEST_PASSWORD } from "@/tests/factories";
import { db } from "@/lib/db/client";
import {
  INVALID_LOGIN_MESSAGE,
  LOCKED_MESSAGE,
  LOGIN_WINDOW_MINUTES,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  verifyLogin,
} from "./login";
import { resolveSession, createSession, deleteSession } from "./sessions";

describe("verifyLogin", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const { workspace, users } = await createWorkspace(["MARKETER"]);
    const result = await verifyLogin(
      { email: users.MARKETER.email.toUpperCase(), password: TEST_PASSWORD },
      "10.0.0.1",
    );
    expect(result).toEqual({
      ok: true,
      userId: users.MARKETER.id,
      workspaceId: workspace.id,
      role: "MARKETER",
      locale: null,
      timeZone: null,
    });
  });

  it("answers a wrong password and an unknown account with the same message", async () => {
    const { users } = await createWorkspace(["ADMIN"]);
    const wrong = await verifyLogin({ email: users.ADMIN.email, password: "nope" }, "10.0.0.2");
    const unknown = await verifyLogin({ email: "nobody@example.test", password: "nope" }, "10.0.0.2");
    expect(wrong).toEqual({ ok: false, message: INVALID_LOGIN_MESSAGE });
    expect(unknown).toEqual(wrong);
  });

  it("locks an account after repeated failures, even with the right password", async () => {
    const { users } = await createWorkspace(["ADMIN"]);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await verifyLogin({ email: users.ADMIN.email, password: `wrong-${i}` }, `10.1.0.${i}`);
    }
    const locked = await verifyLogin({ email: users.ADMIN.email, password: TEST_PASSWORD }, "10.1.1.1");
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.message).toBe(LOCKED_MESSAGE);
  });

  it("lets no more than the limit of a parallel burst of wrong passwords be tried", async () => {
    const { users } = await createWorkspace(["ADMIN"]);
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        verifyLogin({ email: users.ADMIN.email, password: `wrong-${i}` }, `10.4.0.${i}`),
      ),
    );
    const tried = burst.filter((r) => !r.ok && r.message === INVALID_LOGIN_MESSAGE);
    expect(tried).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(await db.loginAttempt.count({ where: { email: users.ADMIN.email } })).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect((await verifyLogin({ email: users.ADMIN.email, password: TEST_PASSWORD }, "10.4.1.1")).ok).toBe(false);
  });

  it("ends a lockout when the window has passed, whatever was tried during it", async () => {
    const { users } = await createWorkspace(["ADMIN"]);
    const email = users.ADMIN.email;
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await verifyLogin({ email, password: `wrong-${i}` }, "10.5.0.1");
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await db.loginAttempt.updateMany({ where: { email }, data: { createdAt: ago(LOGIN_WINDOW_MINUTES - 1) } });
    // Still locked: the right password and more wrong ones are refused, and they do not extend the lock.
    expect((await verifyLogin({ email, password: TEST_PASSWORD }, "10.5.0.1")).ok).toBe(false);
    expect((await verifyLogin({ email, password: "wrong-again" }, "10.5.0.2")).ok).toBe(false);
    await db.loginAttempt.updateMany({ where: { email }, data: { createdAt: ago(LOGIN_WINDOW_MINUTES + 1) } });
    expect((await verifyLogin({ email, password: TEST_PASSWORD }, "10.5.0.1")).ok).toBe(true);
    expect(await db.loginAttempt.count({ where: { email } })).toBe(0);
  });

  it("limits one address trying many accounts", async () => {
    const { users } = await createWorkspace(["MANAGER"]);
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await verifyLogin({ email: `guess-${i}@example.test`, password: "x" }, "10.2.0.1");
    }
    const blocked = await verifyLogin({ email: users.MANAGER.email, password: TEST_PASSWORD }, "10.2.0.1");
    expect(!blocked.ok && blocked.message).toBe(LOCKED_MESSAGE);
    const elsewhere = await verifyLogin({ email: users.MANAGER.email, password: TEST_PASSWORD }, "10.2.0.2");
    expect(elsewhere.ok).toBe(true);
  });

  it("refuses a deactivated member", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN", "MARKETER"]);
    const { db } = await import("@/lib/db/client");
    await db.membership.updateMany({
      where: { workspaceId: workspace.id, userId: users.MARKETER.id },
      data: { deactivatedAt: new Date() },
    });
    const result = await verifyLogin({ email: users.MARKETER.email, password: TEST_PASSWORD }, "10.3.0.1");
    expect(result).toEqual({ ok: false, message: INVALID_LOGIN_MESSAGE });
  });
});

describe("sessions", () => {
  it("end when deleted (sign-out)", async () => {
    const { workspace, users } = await createWorkspace(["ADMIN"]);
    const sid = await createSession({ userId: users.ADMIN.id, workspaceId: workspace.id });
    expect(await resolveSession(sid)).toMatchObject({
      userId: users.ADMIN.id,
      role: "ADMIN",
      workspaceName: workspace.name,
    });
    await deleteSession(sid);
    expect(await resolveSession(sid)).toBeNull();
  });
});
