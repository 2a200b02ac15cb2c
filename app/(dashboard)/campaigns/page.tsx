import { Megaphone, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status";
import { buttonVariants } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { ProgressBar } from "@/components/ui/progress";
import { RefreshWhile } from "@/components/ui/refresh-while";
import { Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { ratio } from "@/lib/campaigns/funnel";
import { listCampaigns } from "@/lib/campaigns/queries";
import { getFormat } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("campaigns.list");
  return { title: t("metaTitle") };
}

export default async function CampaignsPage() {
  const user = await guardPage("campaigns.view");
  const campaigns = await listCampaigns(user.workspaceId);
  const canEdit = can(user.role, "campaigns.edit");
  const [t, format] = await Promise.all([getTranslations("campaigns.list"), getFormat()]);
  const newButton = canEdit ? (
    <Link href="/campaigns/new" className={buttonVariants()}>
      <Plus className="size-4" aria-hidden /> {t("new")}
    </Link>
  ) : undefined;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={newButton} />
      <RefreshWhile active={campaigns.some((c) => c.status === "SENDING" || c.status === "SCHEDULED")} />
      {campaigns.length === 0 ? (
        <EmptyState icon={<Megaphone className="size-6" />} title={t("emptyTitle")} action={newButton}>
          {canEdit ? t("emptyEditor") : t("emptyViewer")}
        </EmptyState>
      ) : (
        <Card>
          <Table caption={t("caption")}>
            <thead>
              <tr>
                <Th>{t("campaign")}</Th>
                <Th>{t("status")}</Th>
                <Th className="w-56">{t("progress")}</Th>
                <Th className="text-right">{t("delivered")}</Th>
                <Th className="text-right">{t("read")}</Th>
                <Th className="text-right">{t("failed")}</Th>
                <Th>{t("created")}</Th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => {
                const f = c.funnel;
                const sendable = f.targeted - f.skipped;
                const settled = f.sent + f.failed;
                return (
                  <tr key={c.id}>
                    <Td>
                      <Link href={`/campaigns/${c.id}`} className="font-medium text-brand-700 hover:underline">
                        {c.name}
                      </Link>
                      <p className="text-xs text-muted">{c.templateName}</p>
                    </Td>
                    <Td>
                      <CampaignStatusBadge status={c.status} />
                    </Td>
                    <Td>
                      {f.targeted ? (
                        <>
                          <ProgressBar label={t("sent")} value={sendable ? settled / sendable : 1} />
                          <p className="mt-1 text-xs text-muted">
                            {t("sentOf", { settled: format.number(settled), sendable: format.number(sendable) })}
                          </p>
                        </>
                      ) : (
                        <span className="text-xs text-muted">{t("notStarted")}</span>
                      )}
                    </Td>
                    <Td className="text-right tabular-nums">
                      {f.targeted
                        ? t("countShare", {
                            count: format.number(f.delivered),
                            share: format.percent(ratio(f.delivered, f.sent), 0),
                          })
                        : "—"}
                    </Td>
                    <Td className="text-right tabular-nums">
                      {f.targeted
                        ? t("countShare", {
                            count: format.number(f.read),
                            share: format.percent(ratio(f.read, f.delivered), 0),
                          })
                        : "—"}
                    </Td>
                    <Td className="text-right tabular-nums">{f.targeted ? format.number(f.failed) : "—"}</Td>
                    <Td>
                      <LocalTime value={c.createdAt} />
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
