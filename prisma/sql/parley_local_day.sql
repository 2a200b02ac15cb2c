-- The current definition (prisma/sql/README.md: edit here, then `npm run db:sql-migration -- parley_local_day`).
-- The calendar day of a rollup minute (UTC) in a workspace's time zone: the fold and the rebuild agree on it.
CREATE OR REPLACE FUNCTION parley_local_day(minute timestamp(3), zone text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (minute AT TIME ZONE 'UTC' AT TIME ZONE zone)::date $$;
