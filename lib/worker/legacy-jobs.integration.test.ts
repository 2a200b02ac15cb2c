// An upgrade from the home-made queue loses no waiting job: the worker hands them to pg-boss.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace, jobsOf } from "@/tests/factories";
import { forwardLegacyJobs } from "./legacy-jobs";

describe("jobs left in the old queue", () => {
  it("move to the job engine with their start time, once; finished and housekeeping ones are dropped", async () => {
    const { workspace } = await createWorkspace(["ADMIN"]);
    const campaignId = randomUUID();
    const runAt = new Date(Date.now() + 5 * 86_400_000);
    await db.job.createMany({
      data: [
        {
          workspaceId: workspace.id,
          type: "campaigns.start",
          payload: { campaignId },
          runAt,
          dedupeKey: `campaigns.start:${campaignId}`,
        },
        { workspaceId: workspace.id, type: "campaigns.start", payload: { campaignId }, status: "DONE" },
        { type: "maintenance.cleanup", payload: {} },
      ],
    });
    await forwardLegacyJobs();
    const moved = await jobsOf(workspace.id, "campaigns.start");
    expect(moved).toMatchObject([{ state: "created", startAfter: runAt, payload: { campaignId } }]);
    expect(await db.job.count({ where: { status: { in: ["QUEUED", "RUNNING"] } } })).toBe(0);
    await forwardLegacyJobs();
    expect(await jobsOf(workspace.id, "campaigns.start")).toHaveLength(1);
  });
});
