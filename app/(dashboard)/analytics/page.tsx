import type { Metadata } from "next";
import { PageHeader, Stat } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { workspaceOverview } from "@/lib/analytics/queries";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  const user = await guardPage("analytics.view");
  const overview = await workspaceOverview(user.workspaceId);
  return (
    <>
      <PageHeader title="Analytics" description="How your WhatsApp audience and campaigns are doing." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Contacts" value={formatNumber(overview.contacts)} />
        <Stat label="Opted in to marketing" value={formatNumber(overview.optedIn)} hint="Across marketing consent lists" />
        <Stat label="Approved templates" value={formatNumber(overview.approvedTemplates)} />
        <Stat label="Campaigns" value={formatNumber(overview.campaigns)} />
      </div>
      <p className="mt-8 text-sm text-muted">
        Campaign funnels, trends and per-template comparisons appear here once campaigns have been sent.
      </p>
    </>
  );
}
