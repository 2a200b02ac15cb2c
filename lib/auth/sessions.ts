// Server-side sessions: the next-auth cookie carries only a session id, and this table decides whether
// it is still good. Signing out, deactivation and role changes take effect on the next request.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/client";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export type CurrentUser = {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  workspaceId: string;
  workspaceName: string;
  role: Role;
};

export async function createSession(input: { userId: string; workspaceId: string; userAgent?: string; ip?: string }) {
  const id = randomBytes(32).toString("base64url");
  await db.session.create({
    data: { ...input, id, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  return id;
}

export async function deleteSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** The user behind a session id, or null when the session ended, expired or the member was deactivated. */
export async function resolveSession(sessionId: string): Promise<CurrentUser | null> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      workspaceId: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          memberships: {
            select: { role: true, deactivatedAt: true, workspace: { select: { id: true, name: true } } },
          },
        },
      },
    },
  });
  if (!session || session.expiresAt < new Date()) return null;
  const membership = session.user.memberships.find((m) => m.workspace.id === session.workspaceId);
  if (!membership || membership.deactivatedAt) return null;
  return {
    sessionId,
    userId: session.user.id,
    email: session.user.email,
    name: session.user.name,
    workspaceId: membership.workspace.id,
    workspaceName: membership.workspace.name,
    role: membership.role,
  };
}
