// Workspace members: list, create, change role, deactivate. Every change is audited and the last
// active admin cannot be removed or demoted.
import "server-only";
import { recordAudit } from "@/lib/audit/service";
import { hashPassword } from "@/lib/auth/password";
import { db, Prisma } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { temporaryPassword } from "./passwords";
import type { ChangeRoleInput, CreateUserInput, SetActiveInput } from "./schemas";

export async function listMembers(workspaceId: string) {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    orderBy: [{ deactivatedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    select: {
      role: true,
      deactivatedAt: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, lastLoginAt: true } },
    },
  });
  return rows.map((m) => ({ ...m.user, role: m.role, active: !m.deactivatedAt, joinedAt: m.createdAt }));
}

export async function createMember(workspaceId: string, actorId: string, input: CreateUserInput) {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      const userId =
        existing?.id ?? (await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } })).id;
      await tx.membership.create({ data: { workspaceId, userId, role: input.role } });
      await recordAudit(
        workspaceId,
        actorId,
        {
          action: "user.created",
          targetType: "user",
          targetId: userId,
          details: { email: input.email, role: input.role },
        },
        tx,
      );
      return { id: userId, existed: Boolean(existing) };
    });
    // Someone who already has a Parley account keeps their own password.
    return { userId: user.id, temporaryPassword: user.existed ? null : password };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(messageKey("settings.errors.users.alreadyMember", { email: input.email }));
    }
    throw error;
  }
}

async function assertAnotherActiveAdmin(tx: Prisma.TransactionClient, workspaceId: string, userId: string) {
  const admins = await tx.membership.count({
    where: { workspaceId, role: "ADMIN", deactivatedAt: null, userId: { not: userId } },
  });
  if (admins === 0) throw new ValidationError(messageKey("settings.errors.users.lastAdmin"));
}

async function membershipOrThrow(tx: Prisma.TransactionClient, workspaceId: string, userId: string) {
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { id: true, role: true, deactivatedAt: true, user: { select: { email: true } } },
  });
  if (!membership) throw new NotFoundError("user");
  return membership;
}

export async function changeRole(workspaceId: string, actorId: string, input: ChangeRoleInput) {
  await db.$transaction(async (tx) => {
    const membership = await membershipOrThrow(tx, workspaceId, input.userId);
    if (membership.role === input.role) return;
    if (membership.role === "ADMIN") await assertAnotherActiveAdmin(tx, workspaceId, input.userId);
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    await recordAudit(
      workspaceId,
      actorId,
      {
        action: "user.role_changed",
        targetType: "user",
        targetId: input.userId,
        details: { email: membership.user.email, from: membership.role, to: input.role },
      },
      tx,
    );
  });
}

export async function setMemberActive(workspaceId: string, actorId: string, input: SetActiveInput) {
  await db.$transaction(async (tx) => {
    const membership = await membershipOrThrow(tx, workspaceId, input.userId);
    if (!membership.deactivatedAt === input.active) return;
    if (!input.active) {
      if (input.userId === actorId) throw new ValidationError(messageKey("settings.errors.users.deactivateSelf"));
      if (membership.role === "ADMIN") await assertAnotherActiveAdmin(tx, workspaceId, input.userId);
      // Their open sessions in this workspace end now, not when the cookie expires.
      await tx.session.deleteMany({ where: { userId: input.userId, workspaceId } });
    }
    await tx.membership.update({
      where: { id: membership.id },
      data: { deactivatedAt: input.active ? null : new Date() },
    });
    await recordAudit(
      workspaceId,
      actorId,
      {
        action: input.active ? "user.reactivated" : "user.deactivated",
        targetType: "user",
        targetId: input.userId,
        details: { email: membership.user.email },
      },
      tx,
    );
  });
}

/** Names and emails of the users behind a set of ids (actors in histories), in one query. */
export async function usersById(ids: (string | null | undefined)[]) {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map<string, { name: string; email: string }>();
  const rows = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return new Map(rows.map((u) => [u.id, { name: u.name, email: u.email }]));
}
