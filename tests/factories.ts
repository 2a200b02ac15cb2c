// Builders for integration tests: each call makes its own workspace, so test files never collide.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { hashPassword } from "@/lib/auth/password";
import { createSession, type CurrentUser } from "@/lib/auth/sessions";
import { db, type Role } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { JobData } from "@/lib/jobs/engine";

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

/** A member as the server's guard hands them to a service function (signed in to that workspace). */
export function currentUser(
  workspace: { id: string; name: string },
  user: { id: string; email: string },
  role: Role,
): CurrentUser {
  return {
    sessionId: "test",
    userId: user.id,
    email: user.email,
    name: role,
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    role,
  };
}

/** A numeric id of Meta's shape that no other test file uses: phone number ids are unique across workspaces. */
export const uniqueMetaId = () => `9${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** A real session cookie value for a user, as next-auth would set it after sign-in. */
export async function sessionCookieFor(userId: string, workspaceId: string): Promise<string> {
  const sid = await createSession({ userId, workspaceId });
  return encode({ token: { sid }, secret: env().AUTH_SECRET });
}

/**
 * Runs the workspace's queued jobs now, as the worker would, whatever their start time (other test files'
 * jobs are left alone). Jobs a job sends are run too.
 */
export async function runQueuedJobs(workspaceId: string) {
  const { JOB_HANDLERS } = await import("@/lib/worker/jobs");
  const { runJob } = await import("@/lib/jobs/runner");
  const { JOBS_SCHEMA } = await import("@/lib/jobs/engine");
  // No job sent in this run yet: pg-boss has not made its schema.
  const [engine] = await db.$queryRawUnsafe<{ ready: boolean }[]>(
    `SELECT to_regclass('${JOBS_SCHEMA}.job') IS NOT NULL AS ready`,
  );
  if (!engine?.ready) return;
  for (;;) {
    const jobs = await db.$queryRawUnsafe<{ id: string; name: string; data: JobData; created: Date }[]>(
      `UPDATE ${JOBS_SCHEMA}.job SET state = 'active', started_on = now()
       WHERE state < 'active' AND data->>'workspaceId' = $1 RETURNING id, name, data, created_on AS created`,
      workspaceId,
    );
    if (jobs.length === 0) return;
    for (const job of jobs.sort((a, b) => a.created.getTime() - b.created.getTime())) {
      const handler = JOB_HANDLERS.find((h) => h.definition.name === job.name);
      if (!handler) throw new Error(`No handler for job type "${job.name}"`);
      await runJob(handler, job, "test");
      await db.$executeRawUnsafe(
        `UPDATE ${JOBS_SCHEMA}.job SET state = 'completed', completed_on = now() WHERE name = $1 AND id = $2::uuid`,
        job.name,
        job.id,
      );
    }
  }
}

/** The workspace's jobs of one type that pg-boss holds (any state), oldest first. */
export async function jobsOf(workspaceId: string, type: string) {
  const { JOBS_SCHEMA } = await import("@/lib/jobs/engine");
  const [engine] = await db.$queryRawUnsafe<{ ready: boolean }[]>(
    `SELECT to_regclass('${JOBS_SCHEMA}.job') IS NOT NULL AS ready`,
  );
  if (!engine?.ready) return [];
  return db.$queryRawUnsafe<{ id: string; state: string; startAfter: Date; payload: Record<string, unknown> }[]>(
    `SELECT id, state::text, start_after AS "startAfter", data->'payload' AS payload FROM ${JOBS_SCHEMA}.job
     WHERE name = $1 AND data->>'workspaceId' = $2 ORDER BY created_on`,
    type,
    workspaceId,
  );
}
