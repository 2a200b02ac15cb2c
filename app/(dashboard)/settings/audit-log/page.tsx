import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { describeAudit } from "@/lib/audit/describe";
import { listAuditLog } from "@/lib/audit/service";
import { guardPage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await guardPage("audit.view");
  const { before } = await searchParams;
  const cursor = before && /^\d+$/.test(before) ? BigInt(before) : undefined;
  const { entries, nextCursor } = await listAuditLog(user.workspaceId, cursor);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to users, consent and the WhatsApp connection, newest first."
      />
      <Table caption="Audit log">
        <thead>
          <tr>
            <Th>When</Th>
            <Th>Who</Th>
            <Th>What</Th>
            <Th>Event</Th>
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 && <EmptyRow columns={4}>Nothing has been changed yet.</EmptyRow>}
          {entries.map((entry) => (
            <tr key={entry.id}>
              <Td className="whitespace-nowrap">
                <LocalTime value={entry.createdAt} />
              </Td>
              <Td>{entry.actor ? `${entry.actor.name} (${entry.actor.email})` : "Parley"}</Td>
              <Td>{describeAudit(entry.action, entry.details as Record<string, unknown>)}</Td>
              <Td className="font-mono text-xs text-muted">{entry.action}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {nextCursor && (
        <nav aria-label="Pages" className="mt-4 flex justify-end text-sm">
          <Link className="font-medium text-brand-700 underline" href={`/settings/audit-log?before=${nextCursor}`}>
            Older entries
          </Link>
        </nav>
      )}
    </>
  );
}
