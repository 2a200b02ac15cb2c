import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { RetargetButton } from "@/components/campaigns/retarget-button";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { drillDownLabel, drillDownSchema, listRecipients, STAGES, type Stage } from "@/lib/campaigns/recipients";
import { formatNumber } from "@/lib/format";
import { orNotFound, pageId } from "@/lib/not-found";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Campaign recipients" };

export default async function RecipientsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const user = await guardPage("campaigns.view");
  const id = pageId((await params).id);
  const parsed = drillDownSchema.safeParse(await searchParams);
  if (!parsed.success) notFound(); // a stage or reason no link of ours makes
  const drill = parsed.data;
  const { stage, reason, after } = drill;
  const page = await orNotFound(listRecipients(user.workspaceId, id, drill));
  const query = `stage=${stage}${reason ? `&reason=${encodeURIComponent(reason)}` : ""}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/campaigns/${id}`} className="text-brand-700 hover:underline">
          ← {page.campaign.name}
        </Link>
      </p>
      <PageHeader
        title={`${drillDownLabel(drill)}: ${formatNumber(page.total)}`}
        description="The contacts at this stage of the campaign."
        actions={
          <>
            <a
              href={`/api/v1/campaigns/${id}/recipients?${query}`}
              className={buttonVariants({ variant: "secondary" })}
            >
              <Download className="size-4" aria-hidden /> Export CSV
            </a>
            {STAGES[stage].rules && !reason && can(user.role, "contacts.edit") && (
              <RetargetButton id={id} stage={stage} />
            )}
          </>
        }
      />
      <nav aria-label="Stages" className="mb-4 flex flex-wrap gap-2">
        {(Object.keys(STAGES) as Stage[]).map((s) => (
          <Link
            key={s}
            href={`/campaigns/${id}/recipients?stage=${s}`}
            aria-current={s === stage && !reason ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${s === stage && !reason ? "border-brand-600 bg-brand-50 text-brand-900" : "border-line bg-white"}`}
          >
            {STAGES[s].label}
          </Link>
        ))}
      </nav>
      <Card>
        <Table caption={`${drillDownLabel(drill)}: contacts`}>
          <thead>
            <tr>
              <Th>Contact</Th>
              <Th>State</Th>
              <Th>Sent</Th>
              <Th>Read</Th>
              <Th>Button or reason</Th>
            </tr>
          </thead>
          <tbody>
            {page.rows.length === 0 ? (
              <EmptyRow columns={5}>Nobody is at this stage.</EmptyRow>
            ) : (
              page.rows.map((m) => (
                <tr key={m.id}>
                  <Td>
                    <Link
                      href={`/audiences/contacts/${m.contact.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {m.contact.name ?? m.contact.phone}
                    </Link>
                    <p className="text-xs text-muted">{m.contact.phone}</p>
                  </Td>
                  <Td>{m.state.toLowerCase()}</Td>
                  <Td>{m.sentAt ? <LocalTime value={m.sentAt} /> : "—"}</Td>
                  <Td>{m.readAt ? <LocalTime value={m.readAt} /> : "—"}</Td>
                  <Td className="max-w-md">
                    {m.clickedButton ?? (m.linkButton !== null ? `Opened link ${m.linkButton + 1}` : m.why)}
                  </Td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      </Card>
      <p className="mt-4 flex gap-4 text-sm">
        {after && (
          <Link href={`/campaigns/${id}/recipients?${query}`} className="text-brand-700 underline">
            First page
          </Link>
        )}
        {page.next && (
          <Link href={`/campaigns/${id}/recipients?${query}&after=${page.next}`} className="text-brand-700 underline">
            Next {50} →
          </Link>
        )}
      </p>
    </>
  );
}
