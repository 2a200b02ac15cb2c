import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ImportUpload } from "@/components/audiences/import-upload";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { getFormat } from "@/lib/i18n/format";
import { IMPORT_STATUS, rejectedCount, type ImportCounts } from "@/lib/imports/model";
import { listImports } from "@/lib/imports/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audiences.import");
  return { title: t("title") };
}

export default async function ImportPage() {
  const user = await guardPage("contacts.edit");
  const t = await getTranslations("audiences");
  const format = await getFormat();
  const imports = await listImports(user.workspaceId);
  return (
    <>
      <PageHeader title={t("import.title")} description={t("import.description")} />
      <ImportUpload />
      <h2 className="mt-8 mb-3 font-semibold">{t("import.recent.title")}</h2>
      <Table caption={t("import.recent.title")}>
        <thead>
          <tr>
            <Th>{t("import.recent.file")}</Th>
            <Th>{t("import.recent.status")}</Th>
            <Th className="text-right">{t("import.recent.created")}</Th>
            <Th className="text-right">{t("import.recent.updated")}</Th>
            <Th className="text-right">{t("import.recent.rejected")}</Th>
            <Th>{t("import.recent.uploaded")}</Th>
          </tr>
        </thead>
        <tbody>
          {imports.map((i) => {
            const counts = i.counts as ImportCounts | null;
            return (
              <tr key={i.id}>
                <Td>
                  <Link
                    href={`/audiences/contacts/import/${i.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {i.fileName}
                  </Link>
                </Td>
                <Td>
                  <Badge tone={IMPORT_STATUS[i.status].tone}>{t(`importStatus.${i.status}`)}</Badge>
                </Td>
                <Td className="text-right tabular-nums">{counts ? format.number(counts.created) : "–"}</Td>
                <Td className="text-right tabular-nums">{counts ? format.number(counts.updated) : "–"}</Td>
                <Td className="text-right tabular-nums">{counts ? format.number(rejectedCount(counts)) : "–"}</Td>
                <Td>
                  <LocalTime value={i.createdAt} />
                </Td>
              </tr>
            );
          })}
          {imports.length === 0 && <EmptyRow columns={6}>{t("import.recent.empty")}</EmptyRow>}
        </tbody>
      </Table>
    </>
  );
}
