import { ClipboardList, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FlowStatusBadge } from "@/components/flows/flow-status";
import { buttonVariants } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import type { FlowCategory } from "@/lib/flows/flow-json";
import { listFlows } from "@/lib/flows/queries";
import { getFormat } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("flows.list");
  return { title: t("metaTitle") };
}

export default async function FlowsPage() {
  const user = await guardPage("campaigns.view");
  const flows = await listFlows(user.workspaceId);
  const canEdit = can(user.role, "campaigns.edit");
  const [t, format] = await Promise.all([getTranslations("flows"), getFormat()]);
  const newButton = canEdit ? (
    <Link href="/flows/new" className={buttonVariants()}>
      <Plus className="size-4" aria-hidden /> {t("list.new")}
    </Link>
  ) : undefined;
  return (
    <>
      <PageHeader title={t("list.title")} description={t("list.description")} actions={newButton} />
      {flows.length === 0 ? (
        <EmptyState icon={<ClipboardList className="size-6" />} title={t("list.emptyTitle")} action={newButton}>
          {canEdit ? t("list.emptyEditor") : t("list.emptyViewer")}
        </EmptyState>
      ) : (
        <Card>
          <Table caption={t("list.caption")}>
            <thead>
              <tr>
                <Th>{t("list.flow")}</Th>
                <Th>{t("list.category")}</Th>
                <Th>{t("list.status")}</Th>
                <Th className="text-right">{t("list.answers")}</Th>
                <Th>{t("list.lastAnswer")}</Th>
                <Th>{t("list.updated")}</Th>
              </tr>
            </thead>
            <tbody>
              {flows.map((f) => (
                <tr key={f.id}>
                  <Td>
                    <Link href={`/flows/${f.id}`} className="font-medium text-brand-700 hover:underline">
                      {f.name}
                    </Link>
                  </Td>
                  <Td className="text-sm">{t(`categories.${f.category as FlowCategory}`)}</Td>
                  <Td>
                    <FlowStatusBadge status={f.status} />
                  </Td>
                  <Td className="text-right tabular-nums">
                    {f.status === "DRAFT" ? (
                      format.number(f.answers)
                    ) : (
                      <Link href={`/flows/${f.id}/results`} className="text-brand-700 hover:underline">
                        {format.number(f.answers)}
                      </Link>
                    )}
                  </Td>
                  <Td className="text-sm">{f.last ? <LocalTime value={f.last} /> : "—"}</Td>
                  <Td className="text-sm">
                    <LocalTime value={f.updatedAt} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
