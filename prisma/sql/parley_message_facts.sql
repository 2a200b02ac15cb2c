-- The current definition (prisma/sql/README.md: edit here, then `npm run db:sql-migration -- parley_message_facts`).
-- What one message row counts for (docs/analytics.md). The funnel keys follow the message's state exactly
-- as the drill-down lists do (lib/campaigns/recipients.ts), each at the time it happened; the rebuild
-- (npm run analytics:rebuild) counts the raw rows with this same function. A message that may have reached
-- Meta and was never confirmed counts as its own kind of failure ("error:unconfirmed").
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
    -- A quick-reply tap is a reply (counted in 'replied' and by button in 'tap:'), so 'clicked' counts
    -- tracked-link opens only: each tap is counted once.
    ('clicked', m."linkClickedAt", 1),
    ('tap:' || m."clickedButton", COALESCE(m."repliedAt", m."createdAt"), 1),
    -- By button: "link:<button>" for the message's own, "link:card:<card>:<button>" for a carousel card's.
    ('link:' || CASE WHEN m."linkCard" IS NOT NULL THEN 'card:' || m."linkCard" || ':' ELSE '' END || m."linkButton", m."linkClickedAt", 1),
    ('opted_out', CASE WHEN m."optedOutAt" IS NOT NULL OR m."errorCode" = 131050 THEN COALESCE(m."optedOutAt", m."failedAt", m."createdAt") END, 1),
    ('billed:' || m."pricingCategory", CASE WHEN m.billable THEN COALESCE(m."deliveredAt", m."sentAt", m."createdAt") END, 1),
    ('cost', CASE WHEN m."costMicros" > 0 THEN COALESCE(m."deliveredAt", m."sentAt", m."createdAt") END, m."costMicros"::bigint)
  ) AS f(key, at, n)
  WHERE f.key IS NOT NULL AND f.at IS NOT NULL
$$;
