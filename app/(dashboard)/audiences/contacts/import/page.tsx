import type { Metadata } from "next";
import Link from "next/link";
import { ImportUpload } from "@/components/audiences/import-upload";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { formatNumber } from "@/lib/format";
import { IMPORT_STATUS, rejectedCount, type ImportCounts } from "@/lib/imports/schemas";
import { listImports } from "@/lib/imports/service";

export const metadata: Metadata = { title: "Import contacts" };

export default async function ImportPage() {
  const user = await guardPage("contacts.edit");
  const imports = await listImports(user.workspaceId);
  return (
    <>
      <PageHeader
        title="Import contacts"
        description="Upload a CSV, say what each column is, check the file (nothing is written), then import. The same file twice changes nothing."
      />
      <ImportUpload />
      <h2 className="mt-8 mb-3 font-semibold">Recent imports</h2>
      <Table caption="Recent imports">
        <thead>
          <tr>
            <Th>File</Th>
            <Th>Status</Th>
            <Th className="text-right">New</Th>
            <Th className="text-right">Updated</Th>
            <Th className="text-right">Rejected</Th>
            <Th>Uploaded</Th>
          </tr>
        </thead>
        <tbody>
          {imports.map((i) => {
            const counts = i.counts as ImportCounts | null;
            return (
              <tr key={i.id}>
                <Td>
                  <Link
                    href={`/audiences/contacts/import/${i.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {i.fileName}
                  </Link>
                </Td>
                <Td>
                  <Badge tone={IMPORT_STATUS[i.status].tone}>{IMPORT_STATUS[i.status].label}</Badge>
                </Td>
                <Td className="text-right tabular-nums">{counts ? formatNumber(counts.created) : "–"}</Td>
                <Td className="text-right tabular-nums">{counts ? formatNumber(counts.updated) : "–"}</Td>
                <Td className="text-right tabular-nums">{counts ? formatNumber(rejectedCount(counts)) : "–"}</Td>
                <Td>
                  <LocalTime value={i.createdAt} />
                </Td>
              </tr>
            );
          })}
          {imports.length === 0 && <EmptyRow columns={6}>No imports yet. Upload a file above.</EmptyRow>}
        </tbody>
      </Table>
    </>
  );
}
