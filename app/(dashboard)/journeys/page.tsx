import { Plus, Route } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { JourneyStatusBadge } from "@/components/journeys/journey-status";
import { triggerLabel } from "@/components/journeys/trigger-label";
import { buttonVariants } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getFormat } from "@/lib/i18n/format";
import { listJourneys } from "@/lib/journeys/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("journeys.list");
  return { title: t("metaTitle") };
}

export default async function JourneysPage() {
  const user = await guardPage("campaigns.view");
  const journeys = await listJourneys(user.workspaceId);
  const canEdit = can(user.role, "campaigns.edit");
  const [t, tTrigger, format] = await Promise.all([
    getTranslations("journeys"),
    getTranslations("journeys.trigger"),
    getFormat(),
  ]);
  const newButton = canEdit ? (
    <Link href="/journeys/new" className={buttonVariants()}>
      <Plus className="size-4" aria-hidden /> {t("list.new")}
    </Link>
  ) : undefined;
  return (
    <>
      <PageHeader title={t("list.title")} description={t("list.description")} actions={newButton} />
      {journeys.length === 0 ? (
        <EmptyState icon={<Route className="size-6" />} title={t("list.emptyTitle")} action={newButton}>
          {canEdit ? t("list.emptyEditor") : t("list.emptyViewer")}
        </EmptyState>
      ) : (
        <Card>
          <Table caption={t("list.caption")}>
            <thead>
              <tr>
                <Th>{t("list.journey")}</Th>
                <Th>{t("list.status")}</Th>
                <Th>{t("list.trigger")}</Th>
                <Th className="text-right">{t("list.inside")}</Th>
                <Th className="text-right">{t("list.entered")}</Th>
                <Th className="text-right">{t("list.converted")}</Th>
                <Th>{t("list.updated")}</Th>
              </tr>
            </thead>
            <tbody>
              {journeys.map((j) => (
                <tr key={j.id}>
                  <Td>
                    <Link href={`/journeys/${j.id}`} className="font-medium text-brand-700 hover:underline">
                      {j.name}
                    </Link>
                    {j.version !== null && (
                      <p className="text-xs text-muted">{t("list.version", { number: j.version })}</p>
                    )}
                  </Td>
                  <Td>
                    <JourneyStatusBadge status={j.status} />
                  </Td>
                  <Td className="text-sm">{j.trigger ? triggerLabel(tTrigger, j.trigger) : "—"}</Td>
                  <Td className="text-right tabular-nums">{format.number(j.active)}</Td>
                  <Td className="text-right tabular-nums">{format.number(j.entered)}</Td>
                  <Td className="text-right tabular-nums">{format.number(j.converted)}</Td>
                  <Td>
                    <LocalTime value={j.updatedAt} />
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
