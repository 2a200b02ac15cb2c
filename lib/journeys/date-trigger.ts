// The date trigger: a journey that starts N hours before or after a date a contact attribute holds
// (`appointment_at`, -24: a day before). The worker calls `enterOnDates` about every half minute; each live date
// journey keeps a cursor (`Journey.dateScanAt`), and one statement moves it to now and records a `$date` event for
// every contact whose date, shifted, fell between the cursor and now. The events then enter people as any
// trigger does (lib/journeys/engine.ts: the entry rule, one active run per person), and the attribute's value is
// an event property that steps can use. The cursor row is locked (SKIP LOCKED), so two workers never record a
// date twice. A date without an offset is on the contact's clock, else the workspace's (parley_attribute_time,
// prisma/sql). A date missed for more than a day (the journey paused, every worker down) is skipped, not sent late.
import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { DATE_EVENT } from "@/lib/events/trigger-keys";
import { inScope, type Scope } from "./engine";

/** Records the `$date` events of every live date journey up to `now`; returns how many were recorded. */
export async function enterOnDates(now = new Date(), scope: Scope = {}): Promise<number> {
  return db.$executeRaw`
    WITH due AS (
      SELECT j.id, j."workspaceId", v.graph->'trigger'->>'attribute' AS attribute,
        (v.graph->'trigger'->>'offsetHours')::int AS hours,
        GREATEST(j."dateScanAt" AT TIME ZONE 'UTC', ${now}::timestamptz - interval '1 day') AS since
      FROM "Journey" j JOIN "JourneyVersion" v ON v.id = j."liveVersionId"
      WHERE j.status = 'LIVE' AND j.trigger LIKE 'date:%' AND j."dateScanAt" IS NOT NULL
        AND j."dateScanAt" AT TIME ZONE 'UTC' < ${now}::timestamptz ${inScope(Prisma.sql`j."workspaceId"`, scope)}
      FOR UPDATE OF j SKIP LOCKED
    ), moved AS (
      UPDATE "Journey" SET "dateScanAt" = ${now}::timestamptz AT TIME ZONE 'UTC' FROM due WHERE "Journey".id = due.id
    )
    INSERT INTO "ContactEvent" (id, "workspaceId", "contactId", name, properties, "occurredAt")
    SELECT gen_random_uuid()::text, due."workspaceId", c.id, ${DATE_EVENT},
      jsonb_build_object('journeyId', due.id, 'attribute', due.attribute, due.attribute, c.attributes->due.attribute),
      fire.at AT TIME ZONE 'UTC'
    FROM due
    JOIN "Workspace" w ON w.id = due."workspaceId"
    JOIN "Contact" c ON c."workspaceId" = due."workspaceId" AND c."mergedIntoId" IS NULL AND c.attributes ? due.attribute
    CROSS JOIN LATERAL (
      SELECT parley_attribute_time(c.attributes->>due.attribute, COALESCE(c."timeZone", w."timeZone"))
        + make_interval(hours => due.hours) AS at
    ) fire
    WHERE fire.at > due.since AND fire.at <= ${now}::timestamptz`;
}
