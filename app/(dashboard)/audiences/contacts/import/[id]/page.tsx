import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/audiences/import-wizard";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { getFormat } from "@/lib/i18n/format";
import { can } from "@/lib/auth/permissions";
import { listConsentLists } from "@/lib/consent/queries";
import { getImport, suggestMapping } from "@/lib/imports/service";
import { orNotFound, pageId } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audiences.import");
  return { title: t("title") };
}

export default async function ImportDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("contacts.edit");
  const t = await getTranslations("audiences.import");
  const format = await getFormat();
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
        title={t("title")}
        description={t("fileSummary", {
          file: row.fileName,
          count: row.headers.length,
          columns: format.number(row.headers.length),
          size: format.fileSize(row.sizeBytes),
        })}
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
