import { Megaphone, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
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
import { formatNumber, formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const user = await guardPage("campaigns.view");
  const campaigns = await listCampaigns(user.workspaceId);
  const canEdit = can(user.role, "campaigns.edit");
  const newButton = canEdit ? (
    <Link href="/campaigns/new" className={buttonVariants()}>
      <Plus className="size-4" aria-hidden /> New campaign
    </Link>
  ) : undefined;
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Send an approved template to an opted-in audience and watch it land."
        actions={newButton}
      />
      <RefreshWhile active={campaigns.some((c) => c.status === "SENDING" || c.status === "SCHEDULED")} />
      {campaigns.length === 0 ? (
        <EmptyState icon={<Megaphone className="size-6" />} title="No campaigns yet" action={newButton}>
          {canEdit
            ? "A campaign sends an approved template to the people on a consent list, or to segments of them. Start one: you check who gets it and what it costs before anything goes."
            : "Campaigns your team launches appear here with their delivery, read and reply rates."}
        </EmptyState>
      ) : (
        <Card>
          <Table caption="Campaigns, newest first">
            <thead>
              <tr>
                <Th>Campaign</Th>
                <Th>Status</Th>
                <Th className="w-56">Progress</Th>
                <Th className="text-right">Delivered</Th>
                <Th className="text-right">Read</Th>
                <Th className="text-right">Failed</Th>
                <Th>Created</Th>
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
                          <ProgressBar label="Sent" value={sendable ? settled / sendable : 1} />
                          <p className="mt-1 text-xs text-muted">
                            {formatNumber(settled)} of {formatNumber(sendable)} sent
                          </p>
                        </>
                      ) : (
                        <span className="text-xs text-muted">Not started</span>
                      )}
                    </Td>
                    <Td className="text-right tabular-nums">
                      {f.targeted
                        ? `${formatNumber(f.delivered)} (${formatPercent(ratio(f.delivered, f.sent), 0)})`
                        : "—"}
                    </Td>
                    <Td className="text-right tabular-nums">
                      {f.targeted ? `${formatNumber(f.read)} (${formatPercent(ratio(f.read, f.delivered), 0)})` : "—"}
                    </Td>
                    <Td className="text-right tabular-nums">{f.targeted ? formatNumber(f.failed) : "—"}</Td>
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
