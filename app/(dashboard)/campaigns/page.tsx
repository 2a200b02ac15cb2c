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
import { listCampaigns, reachedMeta } from "@/lib/campaigns/queries";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Campaigns" };

const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : "—");

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
      <PageHeader title="Campaigns" description="Send an approved template to an opted-in audience and watch it land." actions={newButton} />
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
                const sendable = c.counts.total - c.counts.skipped;
                const sent = reachedMeta(c.counts) + c.counts.failed;
                const delivered = c.counts.delivered + c.counts.read + c.counts.replied;
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
                      {c.counts.total ? (
                        <>
                          <ProgressBar label="Sent" value={sendable ? sent / sendable : 1} />
                          <p className="mt-1 text-xs text-muted">
                            {formatNumber(sent)} of {formatNumber(sendable)} sent
                          </p>
                        </>
                      ) : (
                        <span className="text-xs text-muted">Not started</span>
                      )}
                    </Td>
                    <Td className="text-right tabular-nums">{c.counts.total ? `${formatNumber(delivered)} (${percent(delivered, reachedMeta(c.counts))})` : "—"}</Td>
                    <Td className="text-right tabular-nums">{c.counts.total ? `${formatNumber(c.counts.read + c.counts.replied)} (${percent(c.counts.read + c.counts.replied, delivered)})` : "—"}</Td>
                    <Td className="text-right tabular-nums">{c.counts.total ? formatNumber(c.counts.failed) : "—"}</Td>
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
