import { Filter } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage() {
  await guardPage("audiences.view");
  return (
    <>
      <PageHeader title="Segments" description="Rules that pick contacts by attribute, tag, consent and engagement." />
      <EmptyState icon={<Filter className="size-6" />} title="No segments yet">
        Segments narrow an opted-in list: for example gold-tier customers in Madrid who read last month&apos;s offer.
        They are evaluated again at launch, so a campaign always reaches today&apos;s audience.
      </EmptyState>
    </>
  );
}
