-- The current definition (prisma/sql/README.md: edit here, then `npm run db:sql-migration -- parley_consent_copy`).
-- The copy of consent in Contact."optedInListIds" after a change: lists opted in to added, lists opted out
-- of (or deleted) removed (used by parley_contact_opted_in).
CREATE OR REPLACE FUNCTION parley_consent_copy(lists text[], joined text[], left_ text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ARRAY(SELECT DISTINCT l FROM unnest(lists || joined) l WHERE l <> ALL (left_) ORDER BY l) $$;
