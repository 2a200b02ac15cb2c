-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "costMicros" INTEGER,
ADD COLUMN     "linkButton" INTEGER,
ADD COLUMN     "linkClickedAt" TIMESTAMP(3),
ADD COLUMN     "optedOutAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RollupDelta" (
    "id" BIGSERIAL NOT NULL,
    "campaignId" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "key" TEXT NOT NULL,
    "n" BIGINT NOT NULL,

    CONSTRAINT "RollupDelta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignMinute" (
    "campaignId" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "key" TEXT NOT NULL,
    "n" BIGINT NOT NULL,

    CONSTRAINT "CampaignMinute_pkey" PRIMARY KEY ("campaignId","minute","key")
);

-- CreateTable
CREATE TABLE "CampaignDay" (
    "workspaceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "campaignId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "n" BIGINT NOT NULL,

    CONSTRAINT "CampaignDay_pkey" PRIMARY KEY ("campaignId","day","key")
);

-- CreateIndex
CREATE INDEX "CampaignDay_workspaceId_day_idx" ON "CampaignDay"("workspaceId", "day");

-- AddForeignKey
ALTER TABLE "CampaignMinute" ADD CONSTRAINT "CampaignMinute_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignDay" ADD CONSTRAINT "CampaignDay_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What one message row counts for (docs/analytics.md). The funnel keys follow the message's state exactly
-- as the drill-down lists do (lib/campaigns/recipients.ts), each at the time it happened; the rebuild
-- (npm run analytics:rebuild) counts the raw rows with this same function.
CREATE FUNCTION parley_message_facts(m "Message") RETURNS TABLE (key text, at timestamp(3), n bigint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT f.key, f.at, f.n FROM (VALUES
    ('pending', CASE WHEN m.state IN ('QUEUED', 'CLAIMED') THEN m."createdAt" END, 1::bigint),
    ('sent', CASE WHEN m.state IN ('SENT', 'DELIVERED', 'READ', 'REPLIED') THEN COALESCE(m."sentAt", m."deliveredAt", m."readAt", m."repliedAt", m."createdAt") END, 1),
    ('delivered', CASE WHEN m.state IN ('DELIVERED', 'READ', 'REPLIED') THEN COALESCE(m."deliveredAt", m."readAt", m."repliedAt", m."sentAt", m."createdAt") END, 1),
    ('read', CASE WHEN m.state IN ('READ', 'REPLIED') THEN COALESCE(m."readAt", m."repliedAt", m."deliveredAt", m."createdAt") END, 1),
    ('replied', CASE WHEN m.state = 'REPLIED' THEN COALESCE(m."repliedAt", m."createdAt") END, 1),
    ('failed', CASE WHEN m.state = 'FAILED' THEN COALESCE(m."failedAt", m."createdAt") END, 1),
    ('error:' || COALESCE(m."errorCode"::text, 'none'), CASE WHEN m.state = 'FAILED' THEN COALESCE(m."failedAt", m."createdAt") END, 1),
    ('skipped', CASE WHEN m.state = 'SKIPPED' THEN m."createdAt" END, 1),
    ('skip:' || COALESCE(m."skipReason", 'unknown'), CASE WHEN m.state = 'SKIPPED' THEN m."createdAt" END, 1),
    ('clicked', CASE WHEN m."clickedButton" IS NOT NULL OR m."linkClickedAt" IS NOT NULL
      THEN COALESCE(LEAST(CASE WHEN m."clickedButton" IS NOT NULL THEN m."repliedAt" END, m."linkClickedAt"), m."createdAt") END, 1),
    ('tap:' || m."clickedButton", COALESCE(m."repliedAt", m."createdAt"), 1),
    ('link:' || m."linkButton", m."linkClickedAt", 1),
    ('opted_out', CASE WHEN m."optedOutAt" IS NOT NULL OR m."errorCode" = 131050 THEN COALESCE(m."optedOutAt", m."failedAt", m."createdAt") END, 1),
    ('billed:' || m."pricingCategory", CASE WHEN m.billable THEN COALESCE(m."deliveredAt", m."sentAt", m."createdAt") END, 1),
    ('cost', CASE WHEN m."costMicros" > 0 THEN COALESCE(m."deliveredAt", m."sentAt", m."createdAt") END, m."costMicros"::bigint)
  ) AS f(key, at, n)
  WHERE f.key IS NOT NULL AND f.at IS NOT NULL
$$;

-- The calendar day of a rollup minute (UTC) in a workspace's time zone: the fold and the rebuild agree on it.
CREATE FUNCTION parley_local_day(minute timestamp(3), zone text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (minute AT TIME ZONE 'UTC' AT TIME ZONE zone)::date $$;

-- Every statement that writes messages adds what it changed, summed per campaign, minute and key: one
-- insert per statement, no lock on a shared counter row (the worker folds these into the rollups).
CREATE FUNCTION parley_message_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "RollupDelta" ("campaignId", minute, key, n)
    SELECT r."campaignId", date_trunc('minute', f.at), f.key, sum(f.n)
    FROM new_rows r CROSS JOIN LATERAL parley_message_facts(r::"Message") f GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "RollupDelta" ("campaignId", minute, key, n)
    SELECT r."campaignId", date_trunc('minute', f.at), f.key, -sum(f.n)
    FROM old_rows r CROSS JOIN LATERAL parley_message_facts(r::"Message") f GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO "RollupDelta" ("campaignId", minute, key, n)
    SELECT "campaignId", minute, key, sum(n) FROM (
      SELECT r."campaignId", date_trunc('minute', f.at) AS minute, f.key, -f.n AS n
      FROM old_rows r CROSS JOIN LATERAL parley_message_facts(r::"Message") f
      UNION ALL
      SELECT r."campaignId", date_trunc('minute', f.at), f.key, f.n
      FROM new_rows r CROSS JOIN LATERAL parley_message_facts(r::"Message") f
    ) changes GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER message_rollup_insert AFTER INSERT ON "Message" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_message_rollup();
CREATE TRIGGER message_rollup_update AFTER UPDATE ON "Message" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_message_rollup();
CREATE TRIGGER message_rollup_delete AFTER DELETE ON "Message" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION parley_message_rollup();
