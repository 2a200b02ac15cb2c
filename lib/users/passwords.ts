// Passwords after the first one: a member changes their own (knowing the current one), an admin resets
// a member's to a one-time password. Either way the old password stops working at once, a lockout from
// failed sign-ins is lifted, and sessions that may belong to someone else end.
import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/service";
import type { CurrentUser } from "@/lib/auth/guard";
import { LOCKED_MESSAGE, reserveAttempt } from "@/lib/auth/login";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db, type Prisma } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import type { ChangePasswordInput, ResetPasswordInput } from "./schemas";

/** A readable one-time password, shown once to the admin who sets it. */
export function temporaryPassword(): string {
  return randomBytes(12).toString("base64url");
}

/** The member's own change. Their other sessions end (a thief's included); this one goes on. */
export async function changeOwnPassword(user: CurrentUser, input: ChangePasswordInput) {
  // Held to the sign-in limits, and a wrong current password counts as a failed sign-in: with someone
  // else's open session, the form must not be a way to guess the password without limit.
  if (!(await reserveAttempt(user.email, null))) throw new RateLimitedError(LOCKED_MESSAGE);
  const row = await db.user.findUniqueOrThrow({ where: { id: user.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new ValidationError(messageKey("errors.checkFields"), {
      currentPassword: [messageKey("settings.errors.users.wrongCurrent")],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx: Prisma.TransactionClient) => {
    await tx.user.update({ where: { id: user.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.userId, id: { not: user.sessionId } } });
    await tx.loginAttempt.deleteMany({ where: { email: user.email } });
    await recordAudit(
      user.workspaceId,
      user.userId,
      { action: "user.password_changed", targetType: "user", targetId: user.userId },
      tx,
    );
  });
}

/**
 * An admin sets a member's password to a one-time one and every session of that person ends. A person who
 * also belongs to another workspace is refused: this workspace's admin would otherwise hold the keys to it.
 */
export async function resetMemberPassword(workspaceId: string, actorId: string, input: ResetPasswordInput) {
  if (input.userId === actorId) throw new ValidationError(messageKey("settings.errors.users.ownPassword"));
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx: Prisma.TransactionClient) => {
    const memberships = await tx.membership.findMany({
      where: { userId: input.userId },
      select: { workspaceId: true, user: { select: { email: true } } },
    });
    const here = memberships.find((m) => m.workspaceId === workspaceId);
    if (!here) throw new NotFoundError("user");
    if (memberships.length > 1) {
      throw new ForbiddenError(messageKey("settings.errors.users.otherWorkspace", { email: here.user.email }));
    }
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: input.userId } });
    await tx.loginAttempt.deleteMany({ where: { email: here.user.email } });
    await recordAudit(
      workspaceId,
      actorId,
      {
        action: "user.password_reset",
        targetType: "user",
        targetId: input.userId,
        details: { email: here.user.email },
      },
      tx,
    );
  });
  return { temporaryPassword: password };
}
