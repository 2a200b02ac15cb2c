import { Filter, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatNumber } from "@/lib/format";
import { listSegments } from "@/lib/segments/service";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage() {
  const user = await guardPage("audiences.view");
  const segments = await listSegments(user.workspaceId);
  const canEdit = can(user.role, "contacts.edit");
  const create = canEdit && (
    <Button asChild>
      <Link href="/audiences/segments/new">
        <Plus className="size-4" aria-hidden /> New segment
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Segments"
        description="Rules that pick contacts by attribute, tag, consent and engagement. Counts are live."
        actions={segments.length > 0 && create}
      />
      {segments.length === 0 ? (
        <EmptyState icon={<Filter className="size-6" />} title="No segments yet" action={create}>
          Segments narrow an opted-in list: for example gold-tier customers in Madrid who read last month&apos;s offer.
          They are evaluated again at launch, so a campaign always reaches today&apos;s audience.
        </EmptyState>
      ) : (
        <Table caption="Segments">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th className="text-right">Contacts now</Th>
              <Th>Last changed</Th>
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
                  {s.count === null ? "Rules need fixing" : formatNumber(s.count)}
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
