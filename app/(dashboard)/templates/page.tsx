import { FileText } from "lucide-react";
import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { TemplateStatusBadge } from "@/components/templates/template-status-badge";
import { guardPage } from "@/lib/auth/guard";
import { listTemplates } from "@/lib/templates/queries";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  const user = await guardPage("templates.view");
  const templates = await listTemplates(user.workspaceId);
  return (
    <>
      <PageHeader title="Templates" description="Message templates approved by Meta, ready for campaigns." />
      {templates.length === 0 ? (
        <EmptyState icon={<FileText className="size-6" />} title="No templates yet">
          Templates are the messages Meta approves for sending outside a conversation. Build one with a header, body,
          buttons and samples, then submit it for approval.
        </EmptyState>
      ) : (
        <Table>
          <caption className="sr-only">Templates</caption>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Category</Th>
              <Th>Language</Th>
              <Th>Status</Th>
              <Th>Quality</Th>
              <Th>Last edit</Th>
            </tr>
          </thead>
          <tbody>
            {templates.map((t) => (
              <tr key={t.id}>
                <Td className="font-medium">{t.name}</Td>
                <Td>
                  <Badge>{t.category.toLowerCase()}</Badge>
                </Td>
                <Td>{t.language}</Td>
                <Td>
                  <TemplateStatusBadge status={t.status} reason={t.rejectionReason} />
                </Td>
                <Td>{t.quality ?? "Unknown"}</Td>
                <Td><LocalTime value={t.updatedAt} /></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
