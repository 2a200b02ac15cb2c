// Email + password sign-in: rate limited per account and per address, and answered the same way whether
// or not the account exists.
import "server-only";
import { db } from "@/lib/db/client";
import { messageKey } from "@/lib/i18n/message-key";
import type { Prisma, Role } from "@/lib/db/client";
import { dummyPasswordHash, verifyPassword } from "./password";
import { loginSchema } from "./schemas";

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

// Message keys (lib/i18n/message-key.ts): the sign-in form and the action wrapper show them in the reader's language.
export const INVALID_LOGIN_MESSAGE = messageKey("auth.form.invalid");

export type LoginResult =
  | { ok: true; userId: string; workspaceId: string; role: Role; locale: string | null; timeZone: string | null }
  | { ok: false; message: string };

export const LOCKED_MESSAGE = messageKey("auth.form.locked", { minutes: LOGIN_WINDOW_MINUTES });

/**
 * Counts this attempt as a failure before the password is checked, and refuses it when the account or
 * the address is at its limit, as one step: an advisory lock per email and per address makes parallel
 * attempts take turns, so a burst of wrong passwords cannot all pass the count at once. The row is
 * removed when the password turns out right. An attempt refused here is not counted, so a lockout ends
 * when the window has passed over the failures that caused it, whatever was tried meanwhile.
 */
export async function reserveAttempt(email: string, ip: string | null): Promise<boolean> {
  // No address known (Parley is not behind its own web process), or none that applies (the password
  // change form): only the per-account limit, rather than one shared bucket anyone's failures would fill.
  const countAddress = ip !== null && ip !== "unknown";
  return db.$transaction(async (tx: Prisma.TransactionClient) => {
    // Always the email's lock first, then the address's: two attempts never wait on each other in a circle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login:email:${email}`}, 0))`;
    if (countAddress) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`login:ip:${ip}`}, 0))`;
    const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
    const [byAccount, byAddress] = await Promise.all([
      tx.loginAttempt.count({ where: { email, createdAt: { gte: since } } }),
      countAddress ? tx.loginAttempt.count({ where: { ip, createdAt: { gte: since } } }) : 0,
    ]);
    if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) return false;
    await tx.loginAttempt.create({ data: { email, ip: ip ?? "unknown" } });
    return true;
  });
}

export async function verifyLogin(input: unknown, ip: string): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: INVALID_LOGIN_MESSAGE };
  const email = parsed.data.email;
  if (!(await reserveAttempt(email, ip))) return { ok: false, message: LOCKED_MESSAGE };

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      passwordHash: true,
      locale: true,
      timeZone: true,
      memberships: {
        where: { deactivatedAt: null },
        select: { workspaceId: true, role: true },
        orderBy: { createdAt: "asc" },
        take: 1,
      },
    },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), parsed.data.password);
  const membership = user?.memberships[0];
  // A failure is already counted (reserveAttempt).
  if (!user || !passwordOk || !membership) return { ok: false, message: INVALID_LOGIN_MESSAGE };
  await db.$transaction([
    db.loginAttempt.deleteMany({ where: { email } }),
    db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } }),
  ]);
  return {
    ok: true,
    userId: user.id,
    workspaceId: membership.workspaceId,
    role: membership.role,
    locale: user.locale,
    timeZone: user.timeZone,
  };
}
