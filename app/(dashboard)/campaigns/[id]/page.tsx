import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CampaignControls } from "@/components/campaigns/campaign-controls";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status";
import { MessagePreviews } from "@/components/campaigns/message-previews";
import { PreflightReport } from "@/components/campaigns/preflight-report";
import { CampaignReport } from "@/components/analytics/campaign-report";
import { Card, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { buildPreflight, loadPlan } from "@/lib/campaigns/plan";
import { campaignReport } from "@/lib/analytics/report";
import { getCampaign, recipientPreviews } from "@/lib/campaigns/queries";
import { orNotFound, pageId } from "@/lib/not-found";
import { getFormat } from "@/lib/i18n/format";
import { translateMessage } from "@/lib/i18n/message-key";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("campaigns.detail");
  return { title: t("metaTitle") };
}

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("campaigns.view");
  const id = pageId((await params).id);
  const campaign = await orNotFound(getCampaign(user.workspaceId, id));
  const draft = campaign.status === "DRAFT";
  // A draft is checked now; a launched campaign keeps the report it was launched with.
  const [t, message, format, preflight, previews, report] = await Promise.all([
    getTranslations("campaigns.detail"),
    getTranslations(), // the status reason is a message key (lib/i18n/message-key.ts)
    getFormat(),
    draft || !campaign.preflight ? loadPlan(user.workspaceId, id).then(buildPreflight) : campaign.preflight,
    draft || campaign.status === "AWAITING_APPROVAL" ? recipientPreviews(user.workspaceId, id) : null,
    draft ? null : campaignReport(user.workspaceId, id),
  ]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/campaigns" className="text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader
        title={campaign.name}
        description={[
          campaign.consentList ? t("to", { list: campaign.consentList.name }) : t("noList"),
          t("createdBy", { name: campaign.createdBy ?? t("someone") }),
          ...(campaign.approvedBy ? [t("approvedBy", { name: campaign.approvedBy })] : []),
        ].join(" · ")}
        actions={<CampaignStatusBadge status={campaign.status} />}
      />
      <div className="space-y-8">
        {campaign.statusReason && campaign.status !== "PAUSED" && (
          <Card className="border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
            {translateMessage(message, campaign.statusReason)}
          </Card>
        )}
        {campaign.status === "AWAITING_APPROVAL" && <p className="text-sm text-muted">{t("awaitingApproval")}</p>}
        <CampaignControls
          id={id}
          status={campaign.status}
          canEdit={can(user.role, "campaigns.edit")}
          canApprove={
            can(user.role, "campaigns.approve") &&
            campaign.createdById !== user.userId &&
            !campaign.contributorIds.includes(user.userId)
          }
          blocked={preflight.blockers.length > 0}
          requireApproval={campaign.workspace.requireApproval}
          launch={{
            recipients: preflight.willSend,
            skipped: preflight.targeted - preflight.willSend,
            cost: format.money(preflight.cost.total, preflight.cost.currency),
            scheduled: Boolean(campaign.schedule && (campaign.schedule as { mode?: string }).mode !== "now"),
          }}
        />
        {campaign.launchedAt && (
          <p className="text-sm text-muted">
            {t.rich("started", { time: () => <LocalTime value={campaign.launchedAt!} /> })}
            {campaign.completedAt && (
              <>
                {" · "}
                {t.rich("finished", { time: () => <LocalTime value={campaign.completedAt!} /> })}
              </>
            )}
          </p>
        )}
        {report && <CampaignReport id={id} initial={report} />}
        {report && report.funnel.replied > 0 && (
          <p className="text-sm">
            <Link href={`/inbox?campaignId=${id}`} className="font-medium text-brand-700 underline">
              {t("readReplies", { count: report.funnel.replied })}
            </Link>
          </p>
        )}
        {previews && <MessagePreviews previews={previews} />}
        <PreflightReport report={preflight} kept={!draft} />
      </div>
    </>
  );
}
