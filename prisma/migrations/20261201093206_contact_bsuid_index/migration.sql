-- Built without locking Contact against writes (see 20261201093205_contact_identity).
CREATE UNIQUE INDEX CONCURRENTLY "Contact_workspaceId_bsuid_key" ON "Contact"("workspaceId", "bsuid");
