import type { Metadata } from "next";
import { ImportWizard } from "@/components/audiences/import-wizard";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listConsentLists } from "@/lib/consent/queries";
import { getImport, suggestMapping } from "@/lib/imports/service";
import { orNotFound, pageId } from "@/lib/not-found";

export const metadata: Metadata = { title: "Import contacts" };

export default async function ImportDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("contacts.edit");
  const id = pageId((await params).id);
  const canEditConsent = can(user.role, "consent.edit");
  const [row, lists] = await Promise.all([
    orNotFound(getImport(user.workspaceId, id)),
    listConsentLists(user.workspaceId),
  ]);
  const mapping = row.mapping ?? { columns: suggestMapping(row.headers, canEditConsent) };
  return (
    <>
      <PageHeader
        title="Import contacts"
        description={`${row.fileName}: ${row.headers.length} columns, ${(row.sizeBytes / 1e6).toFixed(1)} MB.`}
      />
      <ImportWizard
        id={row.id}
        fileName={row.fileName}
        headers={row.headers}
        sample={row.sample}
        initialMapping={mapping}
        initialRun={{
          status: row.status,
          progress: row.progress,
          counts: row.counts,
          rejects: row.rejects,
          error: row.error,
        }}
        lists={lists.map((l) => ({ id: l.id, name: l.name }))}
        canEditConsent={canEditConsent}
      />
    </>
  );
}
