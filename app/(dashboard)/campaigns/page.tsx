import { Megaphone } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const user = await guardPage("campaigns.view");
  return (
    <>
      <PageHeader title="Campaigns" description="Send an approved template to an opted-in audience and watch it land." />
      <EmptyState icon={<Megaphone className="size-6" />} title="No campaigns yet">
        {can(user.role, "campaigns.edit") ? (
          <>
            A campaign needs an approved <Link className="text-brand-700 underline" href="/templates">template</Link> and
            an <Link className="text-brand-700 underline" href="/audiences/consent-lists">opted-in audience</Link>. Both
            are ready in this workspace: the campaign builder arrives with the next release.
          </>
        ) : (
          <>Campaigns your team launches appear here with their delivery, read and reply rates.</>
        )}
      </EmptyState>
    </>
  );
}
