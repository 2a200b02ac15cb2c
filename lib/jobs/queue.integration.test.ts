import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runJob } from "./definitions";
import { claimJobs, completeJob, enqueueJob, failJob } from "./queue";

describe("job queue", () => {
  it("creates a job once per dedupe key", async () => {
    await enqueueJob("maintenance.cleanup", {}, { dedupeKey: "dedupe-test" });
    await enqueueJob("maintenance.cleanup", {}, { dedupeKey: "dedupe-test" });
    expect(await db.job.count({ where: { dedupeKey: "dedupe-test" } })).toBe(1);
  });

  it("never hands the same job to two workers claiming at once", async () => {
    await db.job.deleteMany({});
    await db.job.createMany({ data: Array.from({ length: 40 }, () => ({ type: "maintenance.cleanup" })) });
    const claims = await Promise.all(Array.from({ length: 4 }, (_, i) => claimJobs(`worker-${i}`, 15)));
    const ids = claims.flat().map((job) => job.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });

  it("retries a failed job later, then gives up visibly", async () => {
    await db.job.deleteMany({});
    await db.job.create({ data: { type: "maintenance.cleanup", maxAttempts: 2 } });
    const [first] = await claimJobs("w", 1);
    await failJob(first!, new Error("boom"));
    let row = await db.job.findUniqueOrThrow({ where: { id: first!.id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "boom" });
    expect(row.runAt.getTime()).toBeGreaterThan(Date.now());

    await db.job.update({ where: { id: first!.id }, data: { runAt: new Date() } });
    const [second] = await claimJobs("w", 1);
    await failJob(second!, new Error("boom again"));
    row = await db.job.findUniqueOrThrow({ where: { id: first!.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 2, lastError: "boom again" });
  });

  it("reclaims a job whose worker died holding it", async () => {
    await db.job.deleteMany({});
    await db.job.create({
      data: {
        type: "maintenance.cleanup",
        status: "RUNNING",
        lockedBy: "dead",
        lockedUntil: new Date(Date.now() - 1000),
      },
    });
    const [job] = await claimJobs("alive", 5);
    expect(job?.type).toBe("maintenance.cleanup");
    await completeJob(job!.id);
    expect(await db.job.findUniqueOrThrow({ where: { id: job!.id } })).toMatchObject({
      status: "DONE",
      lockedBy: null,
    });
  });

  it("cleans up expired sessions and refuses unknown job types and bad payloads", async () => {
    const user = await db.user.create({
      data: { email: `cleanup-${Date.now()}@example.test`, name: "C", passwordHash: "x" },
    });
    await db.session.create({
      data: { id: `expired-${Date.now()}`, userId: user.id, workspaceId: "w", expiresAt: new Date(Date.now() - 1000) },
    });
    await runJob("maintenance.cleanup", {});
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    await expect(runJob("nope", {})).rejects.toThrow('Unknown job type "nope"');
    await expect(runJob("maintenance.cleanup", "not an object")).rejects.toThrow();
  });
});
