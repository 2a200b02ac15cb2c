-- The current definition (prisma/sql/README.md: edit here, then `npm run db:sql-migration -- parley_message_rollup`).
-- Every statement that writes messages adds what it changed, summed per campaign, minute and key: one
-- insert per statement, no lock on a shared counter row (the worker folds these into the rollups).
-- Transactional messages (campaignId null) have no campaign rollup: their analytics read the messages
-- by template (lib/analytics/transactional.ts).
CREATE OR REPLACE FUNCTION parley_message_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "RollupDelta" ("campaignId", minute, key, n)
    SELECT r."campaignId", date_trunc('minute', f.at), f.key, sum(f.n)
    FROM new_rows r CROSS JOIN LATERAL parley_message_facts(r::"Message") f WHERE r."campaignId" IS NOT NULL GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "RollupDelta" ("campaignId", minute, key, n)
    SELECT r."campaignId", date_trunc('minute', f.at), f.key, -sum(f.n)
    FROM old_rows r CROSS JOIN LATERAL parley_message_facts(r::"Message") f WHERE r."campaignId" IS NOT NULL GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO "RollupDelta" ("campaignId", minute, key, n)
    SELECT "campaignId", minute, key, sum(n) FROM (
      SELECT r."campaignId", date_trunc('minute', f.at) AS minute, f.key, -f.n AS n
      FROM old_rows r CROSS JOIN LATERAL parley_message_facts(r::"Message") f WHERE r."campaignId" IS NOT NULL
      UNION ALL
      SELECT r."campaignId", date_trunc('minute', f.at), f.key, f.n
      FROM new_rows r CROSS JOIN LATERAL parley_message_facts(r::"Message") f WHERE r."campaignId" IS NOT NULL
    ) changes GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER message_rollup_insert AFTER INSERT ON "Message" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_message_rollup();
CREATE OR REPLACE TRIGGER message_rollup_update AFTER UPDATE ON "Message" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_message_rollup();
CREATE OR REPLACE TRIGGER message_rollup_delete AFTER DELETE ON "Message" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_message_rollup();
