-- The current definition (prisma/sql/README.md: edit here, then `npm run db:sql-migration -- parley_append_only`).
-- Consent history is append-only: an event, once recorded, is never changed (invariant 3).
CREATE OR REPLACE FUNCTION parley_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END $$;

CREATE OR REPLACE TRIGGER "ConsentEvent_append_only" BEFORE UPDATE ON "ConsentEvent"
  FOR EACH ROW EXECUTE FUNCTION parley_append_only();
