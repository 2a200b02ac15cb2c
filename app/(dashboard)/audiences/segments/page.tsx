import { Filter, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { getFormat } from "@/lib/i18n/format";
import { can } from "@/lib/auth/permissions";
import { listSegments } from "@/lib/segments/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audiences.segments");
  return { title: t("title") };
}

export default async function SegmentsPage() {
  const user = await guardPage("audiences.view");
  const t = await getTranslations("audiences.segments");
  const format = await getFormat();
  const segments = await listSegments(user.workspaceId);
  const canEdit = can(user.role, "contacts.edit");
  const create = canEdit && (
    <Button asChild>
      <Link href="/audiences/segments/new">
        <Plus className="size-4" aria-hidden /> {t("new")}
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={segments.length > 0 && create} />
      {segments.length === 0 ? (
        <EmptyState icon={<Filter className="size-6" />} title={t("empty.title")} action={create}>
          {t("empty.body")}
        </EmptyState>
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("table.name")}</Th>
              <Th className="text-right">{t("table.count")}</Th>
              <Th>{t("table.updated")}</Th>
            </tr>
          </thead>
          <tbody>
            {segments.map((s) => (
              <tr key={s.id}>
                <Td>
                  <Link href={`/audiences/segments/${s.id}`} className="font-medium text-brand-700 hover:underline">
                    {s.name}
                  </Link>
                </Td>
                <Td className="text-right tabular-nums">
                  {s.count === null ? t("table.needsFixing") : format.number(s.count)}
                </Td>
                <Td>
                  <LocalTime value={s.updatedAt} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
