// Email + password sign-in: rate limited per account and per address, and answered the same way whether
// or not the account exists.
import "server-only";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/client";
import { RateLimitedError } from "@/lib/errors";
import { dummyPasswordHash, verifyPassword } from "./password";
import { loginSchema } from "./schemas";

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export const INVALID_LOGIN_MESSAGE = "That email and password do not match an active account.";

export type LoginResult =
  | { ok: true; userId: string; workspaceId: string; role: Role }
  | { ok: false; message: string };

async function assertNotRateLimited(email: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    db.loginAttempt.count({ where: { email, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, createdAt: { gte: since } } }),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) {
    throw new RateLimitedError(
      `Too many failed sign-ins. Wait ${LOGIN_WINDOW_MINUTES} minutes, or ask an admin to reset your password.`,
    );
  }
}

export async function verifyLogin(input: unknown, ip: string): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: INVALID_LOGIN_MESSAGE };
  const email = parsed.data.email;
  try {
    await assertNotRateLimited(email, ip);
  } catch (error) {
    if (error instanceof RateLimitedError) return { ok: false, message: error.message };
    throw error;
  }

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      passwordHash: true,
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
  if (!user || !passwordOk || !membership) {
    await db.loginAttempt.create({ data: { email, ip } });
    return { ok: false, message: INVALID_LOGIN_MESSAGE };
  }
  await db.$transaction([
    db.loginAttempt.deleteMany({ where: { email } }),
    db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } }),
  ]);
  return { ok: true, userId: user.id, workspaceId: membership.workspaceId, role: membership.role };
}
