-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "quietHours" JSONB;

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "contributorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "requestAt" TIMESTAMP(3),
ADD COLUMN     "unconfirmedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Lease" (
    "key" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "renewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("key")
);

-- A message that may have reached Meta and was never confirmed counts as its own kind of failure
-- ("error:unconfirmed"), not as a failure without a code. The rest of the function is as before.
CREATE OR REPLACE FUNCTION parley_message_facts(m "Message") RETURNS TABLE (key text, at timestamp(3), n bigint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT f.key, f.at, f.n FROM (VALUES
    ('pending', CASE WHEN m.state IN ('QUEUED', 'CLAIMED') THEN m."createdAt" END, 1::bigint),
    ('sent', CASE WHEN m.state IN ('SENT', 'DELIVERED', 'READ', 'REPLIED') THEN COALESCE(m."sentAt", m."deliveredAt", m."readAt", m."repliedAt", m."createdAt") END, 1),
    ('delivered', CASE WHEN m.state IN ('DELIVERED', 'READ', 'REPLIED') THEN COALESCE(m."deliveredAt", m."readAt", m."repliedAt", m."sentAt", m."createdAt") END, 1),
    ('read', CASE WHEN m.state IN ('READ', 'REPLIED') THEN COALESCE(m."readAt", m."repliedAt", m."deliveredAt", m."createdAt") END, 1),
    ('replied', CASE WHEN m.state = 'REPLIED' THEN COALESCE(m."repliedAt", m."createdAt") END, 1),
    ('failed', CASE WHEN m.state = 'FAILED' THEN COALESCE(m."failedAt", m."createdAt") END, 1),
    ('error:' || COALESCE(m."errorCode"::text, CASE WHEN m."unconfirmedAt" IS NOT NULL THEN 'unconfirmed' ELSE 'none' END), CASE WHEN m.state = 'FAILED' THEN COALESCE(m."failedAt", m."createdAt") END, 1),
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
