-- The current definition (prisma/sql/README.md: edit here, then `npm run db:sql-migration -- parley_contact_opted_in`).
-- Contact."optedInListIds" is a copy of ContactConsent: the lists each contact is opted in to now. A segment
-- then counts consent in one pass over the contacts instead of joining a million consent rows.
--
-- Every statement that writes ContactConsent applies what it changed to the copy, in the writer's own
-- transaction: lists opted in to are added, lists opted out of (or deleted) removed. The new value is made
-- from the row as it is when the update gets it, so two transactions changing one contact's consent at
-- once both land (the second waits for the first's row lock and applies its change on top). A copy that is
-- already right is not rewritten.
--
-- The contact import, the one writer of a million rows at a time, keeps the copy itself in its own statements
-- (filled in for the contacts it creates, changed for the ones it changes) and says so with
-- `SET LOCAL parley.consent_copy = 'kept'`: checking a million copies that are already right would cost it
-- a sixth of its time.
CREATE OR REPLACE FUNCTION parley_contact_opted_in() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('parley.consent_copy', true) = 'kept' THEN RETURN NULL; END IF;
  UPDATE "Contact" c
  SET "optedInListIds" = parley_consent_copy(c."optedInListIds", d.joined, d.left)
  FROM (
    SELECT "contactId",
           COALESCE(array_agg("consentListId") FILTER (WHERE "optedIn" AND TG_OP <> 'DELETE'), '{}') AS joined,
           COALESCE(array_agg("consentListId") FILTER (WHERE NOT "optedIn" OR TG_OP = 'DELETE'), '{}') AS left
    FROM changed GROUP BY "contactId"
  ) d
  WHERE c.id = d."contactId" AND NOT (c."optedInListIds" @> d.joined AND NOT c."optedInListIds" && d.left);
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER contact_consent_copy_insert AFTER INSERT ON "ContactConsent" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION parley_contact_opted_in();
CREATE OR REPLACE TRIGGER contact_consent_copy_update AFTER UPDATE ON "ContactConsent" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION parley_contact_opted_in();
CREATE OR REPLACE TRIGGER contact_consent_copy_delete AFTER DELETE ON "ContactConsent" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION parley_contact_opted_in();
