// Crash safety of journeys: the real worker process is killed with SIGKILL while people move through a
// journey, and started again. Every run ends with each of its steps run exactly once (one message each, never
// two), and the sandbox received nobody twice.
import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startWorker } from "@/tests/worker";
import { recordEvents } from "@/lib/events/service";
import { acceptedSends, addOptedInContacts, sandboxWorkspace, type SandboxWorkspace } from "@/tests/campaigns";
import { publishJourney } from "./service";

const PEOPLE = 800;
let ws: SandboxWorkspace;
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await ws?.sandbox.close();
});

describe("a worker killed while people move through a journey", () => {
  it("runs every step once and sends nobody twice when it is started again", { timeout: 240_000 }, async () => {
    // The real worker serves every workspace of the shared test database: work earlier files left behind
    // (their sandboxes are gone) is set aside, as the dispatch crash test does. Files run one at a time.
    await db.$executeRaw`UPDATE "Campaign" SET status = 'CANCELLED' WHERE status IN ('SENDING', 'PAUSED', 'SCHEDULED')`;
    await db.$executeRaw`UPDATE "Message" SET state = 'SKIPPED', "skipReason" = 'cancelled', "claimedBy" = NULL WHERE state IN ('QUEUED', 'CLAIMED')`;
    await db.$executeRaw`UPDATE "JourneyRun" SET status = 'EXITED', "endReason" = 'stopped', "dueAt" = NULL WHERE status = 'ACTIVE'`;
    await db.$executeRaw`UPDATE "ContactEvent" SET "processedAt" = now() WHERE "processedAt" IS NULL`;

    ws = await sandboxWorkspace();
    await addOptedInContacts(ws.workspace.id, ws.list.id, PEOPLE, "+3464700");
    const { id } = await db.journey.create({
      data: {
        workspaceId: ws.workspace.id,
        name: "Crash",
        draft: {
          trigger: { kind: "event", event: "crash.test" },
          start: "send_1",
          steps: [
            {
              id: "send_1",
              kind: "send",
              template: "promo",
              variables: {
                "body:1": { source: "field", value: "first_name", fallback: "there" },
                "body:2": { source: "constant", value: "5%" },
                "button:1": { source: "constant", value: "c" },
              },
              next: "branch_1",
            },
            // Waits for the delivery webhook: many are waiting here at the kill.
            { id: "branch_1", kind: "branch", signal: "delivered", seconds: 3600, yes: "update_1", no: "exit_1" },
            { id: "update_1", kind: "update", addTags: ["crash-tested"], next: "exit_1" },
            { id: "exit_1", kind: "exit" },
          ],
        },
      },
    });
    await publishJourney(ws.userOf("MARKETER"), id);
    const contacts = await db.contact.findMany({ where: { workspaceId: ws.workspace.id }, select: { id: true } });
    await recordEvents(
      ws.workspace.id,
      null,
      contacts.map((c) => ({
        ok: true as const,
        value: { name: "crash.test", contact: { id: c.id }, properties: {}, createContact: false },
      })),
    );

    const first = startWorker("journey-crash-first", children);
    await expect
      .poll(async () => (await acceptedSends(ws.base)).length, { timeout: 90_000, interval: 100 })
      .toBeGreaterThan(PEOPLE / 5);
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    expect(await db.journeyRun.count({ where: { journeyId: id, status: "ACTIVE" } })).toBeGreaterThan(0); // really in the middle

    startWorker("journey-crash-second", children);
    await expect
      .poll(async () => db.journeyRun.count({ where: { journeyId: id, status: "COMPLETED" } }), {
        timeout: 120_000,
        interval: 250,
      })
      .toBe(PEOPLE);

    // Each step once per person: no step twice in a run, one message each, and everyone to the exit. (A
    // message whose request was on its way at the kill and never answered takes the branch's no way.)
    const twice = await db.$queryRaw<unknown[]>`
      SELECT "runId", "stepId" FROM "JourneyStepLog" WHERE "journeyId" = ${id} GROUP BY 1, 2 HAVING count(*) > 1`;
    expect(twice).toEqual([]);
    const steps = await db.journeyStepLog.groupBy({ by: ["stepId"], where: { journeyId: id }, _count: true });
    expect(Object.fromEntries(steps.map((s) => [s.stepId, s._count]))).toMatchObject({
      send_1: PEOPLE,
      branch_1: PEOPLE,
      exit_1: PEOPLE,
    });
    expect(await db.message.count({ where: { workspaceId: ws.workspace.id, origin: "journey" } })).toBe(PEOPLE);
    // Sent once at most: a request on its way at the kill is settled by evidence, never sent again.
    await expect
      .poll(
        async () => db.message.count({ where: { workspaceId: ws.workspace.id, state: { in: ["QUEUED", "CLAIMED"] } } }),
        {
          timeout: 60_000,
        },
      )
      .toBe(0);
    const sends = await acceptedSends(ws.base);
    const recipients = sends.map((e) => e.body.to);
    expect(recipients.length).toBe(new Set(recipients).size);
    const unconfirmed = await db.message.count({
      where: { workspaceId: ws.workspace.id, unconfirmedAt: { not: null } },
    });
    expect(sends.length + unconfirmed).toBe(PEOPLE);
  });
});
