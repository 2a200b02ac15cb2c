import { Upload, Users } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label } from "@/components/ui/input";
import { FilterSelect } from "@/components/ui/select";
import { guardPage } from "@/lib/auth/guard";
import { getFormat } from "@/lib/i18n/format";
import { can } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";
import { listConsentLists } from "@/lib/consent/queries";
import { countContacts, listContacts } from "@/lib/contacts/queries";
import { contactHandle } from "@/lib/contacts/identity";
import { firstValues, type RawSearchParams } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audiences.contacts");
  return { title: t("title") };
}

export default async function ContactsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await guardPage("audiences.view");
  const t = await getTranslations("audiences");
  const format = await getFormat();
  const params = firstValues(await searchParams);
  const filters = {
    q: params.q || undefined,
    tag: params.tag || undefined,
    listId: params.list || undefined,
    consent: params.consent === "in" || params.consent === "out" ? params.consent : undefined,
  } as const;
  const filtered = Boolean(filters.q || filters.tag || filters.listId);
  const [{ contacts, nextCursor }, total, all, lists] = await Promise.all([
    listContacts(user.workspaceId, params.after, filters),
    countContacts(user.workspaceId, filters),
    filtered ? countContacts(user.workspaceId) : null,
    listConsentLists(user.workspaceId),
  ]);
  const keep = new URLSearchParams(
    Object.entries({ q: params.q, tag: params.tag, list: params.list, consent: params.consent }).filter(
      ([, v]) => v,
    ) as [string, string][],
  );
  return (
    <>
      <PageHeader
        title={t("contacts.title")}
        actions={
          can(user.role, "contacts.edit") && (
            <Button asChild variant="secondary">
              <Link href="/audiences/contacts/import">
                <Upload className="size-4" aria-hidden /> {t("contacts.importCsv")}
              </Link>
            </Button>
          )
        }
        description={
          filtered
            ? t("contacts.matching", { count: all ?? 0, total: format.number(total), all: format.number(all ?? 0) })
            : t("contacts.summary", { count: total, total: format.number(total) })
        }
      />
      <FilterForm label={t("contacts.filter.label")} clearHref="/audiences/contacts" filtered={filtered}>
        <div>
          <Label htmlFor="q">{t("contacts.filter.q")}</Label>
          <Input id="q" name="q" defaultValue={params.q} placeholder={t("contacts.filter.qPlaceholder")} />
        </div>
        <div>
          <Label htmlFor="tag">{t("contacts.filter.tag")}</Label>
          <Input
            id="tag"
            name="tag"
            defaultValue={params.tag}
            placeholder={t("contacts.filter.tagPlaceholder")}
            className="w-32"
          />
        </div>
        <div>
          <Label htmlFor="list">{t("contacts.filter.list")}</Label>
          <FilterSelect
            id="list"
            name="list"
            className="w-48"
            defaultValue={params.list ?? ""}
            choices={[
              { value: "", label: t("contacts.filter.anyList") },
              ...lists.map((l) => ({ value: l.id, label: l.name })),
            ]}
          />
        </div>
        <div>
          <Label htmlFor="consent">{t("contacts.filter.consent")}</Label>
          <FilterSelect
            id="consent"
            name="consent"
            className="w-40"
            defaultValue={params.consent ?? ""}
            choices={[
              { value: "", label: t("contacts.filter.anyConsent") },
              { value: "in", label: t("consent.optedIn") },
              { value: "out", label: t("consent.optedOut") },
            ]}
          />
        </div>
      </FilterForm>
      {total === 0 && filtered ? (
        <EmptyState icon={<Users className="size-6" />} title={t("contacts.noMatch.title")}>
          {t("contacts.noMatch.body")}
        </EmptyState>
      ) : total === 0 ? (
        <EmptyState icon={<Users className="size-6" />} title={t("contacts.empty.title")}>
          {t("contacts.empty.body")}
        </EmptyState>
      ) : (
        <>
          <Table caption={t("contacts.title")}>
            <thead>
              <tr>
                <Th>{t("contacts.table.name")}</Th>
                <Th>{t("contacts.table.phone")}</Th>
                <Th>{t("contacts.table.locale")}</Th>
                <Th>{t("contacts.table.consent")}</Th>
                <Th>{t("contacts.table.tags")}</Th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id}>
                  <Td className="font-medium">
                    <Link href={`/audiences/contacts/${c.id}`} className="text-brand-700 hover:underline">
                      {c.name ?? contactHandle(c)}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{contactHandle(c)}</Td>
                  <Td>{c.locale ?? "—"}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {c.consents.map((consent) => (
                        <Badge key={consent.consentList.name} tone={consent.optedIn ? "green" : "red"}>
                          {t(consent.optedIn ? "consent.listOptedIn" : "consent.listOptedOut", {
                            list: consent.consentList.name,
                          })}
                        </Badge>
                      ))}
                    </div>
                  </Td>
                  <Td>{c.tags.join(", ") || "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <nav aria-label={t("contacts.pages.label")} className="mt-4 flex justify-end gap-3 text-sm">
            {params.after && (
              <Link className="font-medium text-brand-700 underline" href={`/audiences/contacts?${keep}`}>
                {t("contacts.pages.first")}
              </Link>
            )}
            {nextCursor && (
              <Link
                className="font-medium text-brand-700 underline"
                href={`/audiences/contacts?${new URLSearchParams([...keep, ["after", nextCursor]])}`}
              >
                {t("contacts.pages.next")}
              </Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}
