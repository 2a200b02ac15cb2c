// The date trigger against the real database: a contact's `appointment_at`, shifted by the journey's hours,
// enters them once its time comes, read on their own clock when it names no offset; dates that are not dates
// are passed over without an error; two scans record a date once. Time passes by handing the scan a later
// "now" (no test sleeps).
import { describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db/client";
import { DATE_EVENT } from "@/lib/events/trigger-keys";
import { createWorkspace, currentUser } from "@/tests/factories";
import { enterOnDates } from "./date-trigger";
import { consumeEvents } from "./engine";
import { publishJourney } from "./service";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** `at` as a wall-clock time in `zone` with no offset ("2026-12-03 10:00:00"), as a CSV import would hold it. */
const wallClock = (at: Date, zone: string) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: zone, dateStyle: "short", timeStyle: "medium" }).format(at);

async function workspaceWithJourney() {
  const { workspace, users } = await createWorkspace(["MARKETER"]);
  const user = currentUser(workspace, users.MARKETER, "MARKETER");

  const { id } = await db.journey.create({
    data: {
      workspaceId: workspace.id,
      name: "Appointment reminder",
      draft: {
        trigger: { kind: "date", attribute: "appointment_at", offsetHours: -24 },
        entry: { rule: "always" },
        start: "update_1",
        steps: [{ id: "update_1", kind: "update", addTags: ["reminded"], next: null }],
      } as Prisma.InputJsonValue,
    },
  });
  await publishJourney(user, id);
  return { workspaceId: workspace.id, journeyId: id };
}

const contact = (workspaceId: string, phone: string, attributes: object, timeZone: string | null = null) =>
  db.contact.create({ data: { workspaceId, phone, attributes, timeZone }, select: { id: true } });

describe("the date trigger", () => {
  it("enters each person a day before their appointment, on their own clock, once", async () => {
    const { workspaceId, journeyId } = await workspaceWithJourney();
    const scope = { workspaceIds: [workspaceId] };
    const start = new Date();
    // Ana's appointment is written without an offset, on her Madrid clock; Ben's names its own offset.
    const ana = await contact(
      workspaceId,
      "+34600111001",
      { appointment_at: wallClock(new Date(start.getTime() + 24 * HOUR + 10 * MINUTE), "Europe/Madrid") },
      "Europe/Madrid",
    );
    const ben = await contact(workspaceId, "+34600111002", {
      appointment_at: new Date(start.getTime() + 24 * HOUR + 20 * MINUTE).toISOString(),
    });
    // Not dates: never an error, never an entry. Far away: not yet.
    await contact(workspaceId, "+34600111003", { appointment_at: "next Tuesday" });
    await contact(workspaceId, "+34600111004", { appointment_at: "2026-02-30T10:00:00" });
    await contact(workspaceId, "+34600111005", {
      appointment_at: new Date(start.getTime() + 30 * 24 * HOUR).toISOString(),
    });

    const later = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
    const events = () =>
      db.contactEvent.findMany({ where: { workspaceId, name: DATE_EVENT }, orderBy: { occurredAt: "asc" } });

    expect(await enterOnDates(later(5), scope)).toBe(0);
    expect(await enterOnDates(later(15), scope)).toBe(1);
    expect(await enterOnDates(later(15), scope)).toBe(0); // the same time again: recorded once
    expect(await enterOnDates(later(25), scope)).toBe(1);
    expect(await enterOnDates(later(60), scope)).toBe(0);

    const recorded = await events();
    expect(recorded.map((e) => e.contactId)).toEqual([ana.id, ben.id]);
    expect(Math.abs(recorded[0]!.occurredAt.getTime() - later(10).getTime())).toBeLessThan(1000);
    expect(recorded[0]!.properties).toMatchObject({ journeyId, attribute: "appointment_at" });

    await consumeEvents(100, scope);
    const runs = await db.journeyRun.findMany({ where: { journeyId }, select: { contactId: true, properties: true } });
    expect(runs.map((r) => r.contactId).sort()).toEqual([ana.id, ben.id].sort());
    // The date is an event property the steps can use.
    expect(runs.find((r) => r.contactId === ben.id)!.properties).toMatchObject({
      appointment_at: new Date(start.getTime() + 24 * HOUR + 20 * MINUTE).toISOString(),
    });
  });

  it("sends no late reminder for a date that passed more than a day before the scan", async () => {
    const { workspaceId, journeyId } = await workspaceWithJourney();
    const start = new Date();
    await contact(workspaceId, "+34600111011", {
      appointment_at: new Date(start.getTime() + 24 * HOUR + 10 * MINUTE).toISOString(),
    });
    // The worker was away for two days: the reminder's time is long past when it looks.
    expect(await enterOnDates(new Date(start.getTime() + 48 * HOUR), { workspaceIds: [workspaceId] })).toBe(0);
    expect(await db.journey.findUniqueOrThrow({ where: { id: journeyId } })).toMatchObject({ status: "LIVE" });
  });

  it("reads attribute dates as moments, and anything else as nothing", async () => {
    const read = async (value: string, zone: string) =>
      (await db.$queryRaw<{ at: Date | null }[]>`SELECT parley_attribute_time(${value}, ${zone}) AS at`)[0]!.at;
    expect(await read("2026-12-03", "Europe/Madrid")).toEqual(new Date("2026-12-02T23:00:00Z"));
    expect(await read("2026-12-03 10:00", "America/New_York")).toEqual(new Date("2026-12-03T15:00:00Z"));
    expect(await read("2026-12-03T10:00:00+01:00", "Asia/Tokyo")).toEqual(new Date("2026-12-03T09:00:00Z"));
    expect(await read("2026-12-03T10:00:00Z", "Asia/Tokyo")).toEqual(new Date("2026-12-03T10:00:00Z"));
    expect(await read("2026-02-30T10:00", "UTC")).toBeNull();
    expect(await read("soon", "UTC")).toBeNull();
    expect(await read("2026-12-03T10:00", "Not/AZone")).toBeNull();
  });
});
