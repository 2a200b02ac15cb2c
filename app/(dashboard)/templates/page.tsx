import { FileText, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FilterForm } from "@/components/ui/filter-form";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Td, Th } from "@/components/ui/table";
import { ImportTemplatesButton } from "@/components/templates/import-templates-button";
import { RefreshWhile } from "@/components/ui/refresh-while";
import { TemplateStatusBadge } from "@/components/templates/template-status-badge";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { TemplateCategory, TemplateStatus } from "@/lib/db/generated/enums";
import { listTemplateGroups } from "@/lib/templates/queries";

export const metadata: Metadata = { title: "Templates" };

const pick = <T extends string>(value: string | undefined, allowed: Record<string, T>): T | undefined =>
  value && value in allowed ? allowed[value] : undefined;

export default async function TemplatesPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; status?: string; category?: string }>;
}) {
  const user = await guardPage("templates.view");
  const params = await searchParams;
  const filters = {
    q: params.q,
    status: pick(params.status, TemplateStatus),
    category: pick(params.category, TemplateCategory),
  };
  const groups = await listTemplateGroups(user.workspaceId, filters);
  const filtered = Boolean(filters.q || filters.status || filters.category);
  const editor = can(user.role, "templates.edit");
  return (
    <>
      <PageHeader
        title="Templates"
        description="Message templates approved by Meta, ready for campaigns."
        actions={
          editor && (
            <>
              <ImportTemplatesButton />
              <Button asChild>
                <Link href="/templates/new">
                  <Plus className="size-4" aria-hidden /> New template
                </Link>
              </Button>
            </>
          )
        }
      />
      <FilterForm label="Filter templates" clearHref="/templates" filtered={filtered}>
        <div>
          <Label htmlFor="q">Search by name</Label>
          <Input id="q" name="q" defaultValue={filters.q} placeholder="summer_sale" />
        </div>
        <div>
          <Label htmlFor="status">Status</Label>
          <Select id="status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any</option>
            {Object.values(TemplateStatus).map((s) => (
              <option key={s} value={s}>
                {s.charAt(0) + s.slice(1).toLowerCase().replaceAll("_", " ")}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="category">Category</Label>
          <Select id="category" name="category" defaultValue={filters.category ?? ""}>
            <option value="">Any</option>
            {Object.values(TemplateCategory).map((c) => (
              <option key={c} value={c}>
                {c.charAt(0) + c.slice(1).toLowerCase()}
              </option>
            ))}
          </Select>
        </div>
      </FilterForm>
      <RefreshWhile active={groups.some(([, versions]) => versions.some((t) => t.status === "PENDING"))} />
      {groups.length === 0 ? (
        <EmptyState
          icon={<FileText className="size-6" />}
          title={filtered ? "No template matches these filters" : "No templates yet"}
        >
          {filtered
            ? "Try another name or status, or clear the filters."
            : "Templates are the messages Meta approves for sending outside a conversation. Build one with a header, body, buttons and samples, then submit it for approval."}
        </EmptyState>
      ) : (
        <Table caption="Templates">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Category</Th>
              <Th>Languages and status</Th>
              <Th>Quality</Th>
              <Th>Last edit</Th>
            </tr>
          </thead>
          <tbody>
            {groups.map(([name, versions]) => (
              <tr key={name}>
                <Td className="font-medium">
                  <Link href={`/templates/${versions[0]!.id}`} className="text-brand-700 hover:underline">
                    {name}
                  </Link>
                </Td>
                <Td>
                  <Badge>{versions[0]!.category.toLowerCase()}</Badge>
                </Td>
                <Td>
                  <ul className="space-y-1">
                    {versions.map((t) => (
                      <li key={t.id} className="flex flex-wrap items-center gap-2">
                        <Link href={`/templates/${t.id}`} className="font-mono text-xs text-brand-700 hover:underline">
                          {t.language}
                        </Link>
                        <TemplateStatusBadge status={t.status} reason={t.rejectionReason} />
                      </li>
                    ))}
                  </ul>
                </Td>
                <Td>{versions.map((t) => t.quality ?? "Unknown").join(", ")}</Td>
                <Td>
                  <LocalTime
                    value={versions.reduce((a, t) => (t.updatedAt > a ? t.updatedAt : a), versions[0]!.updatedAt)}
                  />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
