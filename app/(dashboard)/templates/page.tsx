import { FileText, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FilterForm } from "@/components/ui/filter-form";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { FilterSelect } from "@/components/ui/select";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Td, Th } from "@/components/ui/table";
import { ImportTemplatesButton } from "@/components/templates/import-templates-button";
import { LanguageName } from "@/components/templates/language-name";
import { RefreshWhile } from "@/components/ui/refresh-while";
import { TemplateStatusBadge } from "@/components/templates/template-status-badge";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { TemplateCategory, TemplateStatus } from "@/lib/db/generated/enums";
import { listTemplateGroups } from "@/lib/templates/queries";
import { firstValues, type RawSearchParams } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates.list");
  return { title: t("metaTitle") };
}

const pick = <T extends string>(value: string | undefined, allowed: Record<string, T>): T | undefined =>
  value && value in allowed ? allowed[value] : undefined;

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await guardPage("templates.view");
  const params = firstValues(await searchParams);
  const filters = {
    q: params.q,
    status: pick(params.status, TemplateStatus),
    category: pick(params.category, TemplateCategory),
  };
  const [groups, t] = await Promise.all([listTemplateGroups(user.workspaceId, filters), getTranslations("templates")]);
  const quality = (value: string | null) => {
    const key = `quality.${value ?? "UNKNOWN"}` as "quality.UNKNOWN";
    return t.has(key) ? t(key) : t("quality.UNKNOWN");
  };
  const filtered = Boolean(filters.q || filters.status || filters.category);
  const editor = can(user.role, "templates.edit");
  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          editor && (
            <>
              <ImportTemplatesButton />
              <Button asChild>
                <Link href="/templates/new">
                  <Plus className="size-4" aria-hidden /> {t("list.new")}
                </Link>
              </Button>
            </>
          )
        }
      />
      <FilterForm label={t("list.filter")} clearHref="/templates" filtered={filtered}>
        <div>
          <Label htmlFor="q">{t("list.search")}</Label>
          <Input id="q" name="q" defaultValue={filters.q} placeholder={t("list.searchPlaceholder")} />
        </div>
        <div>
          <Label htmlFor="status">{t("list.status")}</Label>
          <FilterSelect
            id="status"
            name="status"
            className="w-44"
            defaultValue={filters.status ?? ""}
            choices={[
              { value: "", label: t("list.any") },
              ...Object.values(TemplateStatus).map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
          />
        </div>
        <div>
          <Label htmlFor="category">{t("list.category")}</Label>
          <FilterSelect
            id="category"
            name="category"
            className="w-44"
            defaultValue={filters.category ?? ""}
            choices={[
              { value: "", label: t("list.any") },
              ...Object.values(TemplateCategory).map((c) => ({ value: c, label: t(`category.${c}`) })),
            ]}
          />
        </div>
      </FilterForm>
      <RefreshWhile active={groups.some(([, versions]) => versions.some((t) => t.status === "PENDING"))} />
      {groups.length === 0 ? (
        <EmptyState
          icon={<FileText className="size-6" />}
          title={filtered ? t("list.emptyFilteredTitle") : t("list.emptyTitle")}
        >
          {filtered ? t("list.emptyFiltered") : t("list.empty")}
        </EmptyState>
      ) : (
        <Table caption={t("list.caption")}>
          <thead>
            <tr>
              <Th>{t("list.name")}</Th>
              <Th>{t("list.category")}</Th>
              <Th>{t("list.languages")}</Th>
              <Th>{t("list.quality")}</Th>
              <Th>{t("list.lastEdit")}</Th>
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
                  <Badge>{t(`categoryInline.${versions[0]!.category}`)}</Badge>
                </Td>
                <Td>
                  <ul className="space-y-1">
                    {versions.map((t) => (
                      <li key={t.id} className="flex flex-wrap items-center gap-2">
                        <Link href={`/templates/${t.id}`} className="text-sm text-brand-700 hover:underline">
                          <LanguageName code={t.language} among={versions.map((v) => v.language)} />
                        </Link>
                        <TemplateStatusBadge status={t.status} reason={t.rejectionReason} />
                      </li>
                    ))}
                  </ul>
                </Td>
                <Td>{versions.map((v) => quality(v.quality)).join(", ")}</Td>
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
