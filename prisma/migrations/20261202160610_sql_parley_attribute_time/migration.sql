-- prisma/sql/parley_attribute_time.sql
-- The current definition (prisma/sql/README.md: edit here, then `npm run db:sql-migration -- parley_attribute_time`).
-- A contact attribute read as a moment, for the journeys' date trigger (lib/journeys/date-trigger.ts): an ISO date
-- and time with its offset ("2026-12-03T10:00:00+01:00", "…Z") as written; one without an offset, or a bare date (at
-- midnight), on the clock of `zone` (the contact's time zone, else the workspace's). Anything else, an impossible
-- date or an unknown zone included, is null and never an error: an attribute may hold any text.
CREATE OR REPLACE FUNCTION parley_attribute_time(value text, zone text) RETURNS timestamptz
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  IF value IS NULL OR value !~ '^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$' THEN
    RETURN NULL;
  END IF;
  IF value ~ '[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$' THEN
    RETURN value::timestamptz;
  END IF;
  RETURN value::timestamp AT TIME ZONE zone;
EXCEPTION WHEN others THEN
  RETURN NULL;
END
$$;
