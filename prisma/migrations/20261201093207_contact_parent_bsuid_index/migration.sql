-- Built without locking Contact against writes (see 20261201093205_contact_identity).
CREATE INDEX CONCURRENTLY "Contact_workspaceId_parentBsuid_idx" ON "Contact"("workspaceId", "parentBsuid");
