// Builders for integration tests: each call makes its own workspace, so test files never collide.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { hashPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { db, type Role } from "@/lib/db/client";
import { env } from "@/lib/env";

export const TEST_PASSWORD = "correct horse battery";

export async function createWorkspace(roles: Role[] = ["ADMIN", "MARKETER", "MANAGER"]) {
  const suffix = randomUUID().slice(0, 8);
  const workspace = await db.workspace.create({ data: { name: `Test ${suffix}`, slug: `test-${suffix}` } });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const users = {} as Record<Role, { id: string; email: string }>;
  for (const role of roles) {
    const email = `${role.toLowerCase()}-${suffix}@example.test`;
    const user = await db.user.create({ data: { email, name: `${role} ${suffix}`, passwordHash } });
    await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
    users[role] = { id: user.id, email };
  }
  return { workspace, users };
}

/** A real session cookie value for a user, as next-auth would set it after sign-in. */
export async function sessionCookieFor(userId: string, workspaceId: string): Promise<string> {
  const sid = await createSession({ userId, workspaceId });
  return encode({ token: { sid }, secret: env().AUTH_SECRET });
}

/** Runs the workspace's queued jobs now, as the worker would (other test files' jobs are left alone). */
export async function runQueuedJobs(workspaceId: string) {
  const { runJob } = await import("@/lib/jobs/definitions");
  for (;;) {
    const jobs = await db.job.findMany({ where: { workspaceId, status: "QUEUED" }, orderBy: { id: "asc" } });
    if (jobs.length === 0) return;
    for (const job of jobs) {
      await db.job.update({ where: { id: job.id }, data: { status: "RUNNING" } });
      await runJob(job.type, job.payload);
      await db.job.update({ where: { id: job.id }, data: { status: "DONE", finishedAt: new Date() } });
    }
  }
}
