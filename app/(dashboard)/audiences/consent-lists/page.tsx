import { ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CreateConsentListDialog } from "@/components/audiences/create-consent-list-dialog";
import { KeywordSettingsForm } from "@/components/audiences/keyword-settings-form";
import { guardPage } from "@/lib/auth/guard";
import { getFormat } from "@/lib/i18n/format";
import { can } from "@/lib/auth/permissions";
import { getKeywordSettings } from "@/lib/consent/admin";
import { listConsentLists } from "@/lib/consent/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audiences.consentLists");
  return { title: t("title") };
}

export default async function ConsentListsPage() {
  const user = await guardPage("audiences.view");
  const t = await getTranslations("audiences");
  const format = await getFormat();
  const lists = await listConsentLists(user.workspaceId);
  const admin = can(user.role, "consent.edit");
  const keywords = admin ? await getKeywordSettings(user.workspaceId) : null;
  return (
    <>
      <PageHeader
        title={t("consentLists.title")}
        description={t("consentLists.description")}
        actions={admin && <CreateConsentListDialog />}
      />
      {lists.length === 0 ? (
        <EmptyState icon={<ShieldCheck className="size-6" />} title={t("consentLists.empty.title")}>
          {t("consentLists.empty.body")}
        </EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {lists.map((list) => (
            <Card key={list.id} className="p-5">
              <div className="flex items-start justify-between gap-4">
                <div>
                  <h2 className="font-semibold">{list.name}</h2>
                  {list.description && <p className="mt-1 text-sm text-muted">{list.description}</p>}
                </div>
                <Badge>{t(`consentLists.category.${list.category}`)}</Badge>
              </div>
              <dl className="mt-4 grid grid-cols-2 gap-4">
                <div>
                  <dt className="text-xs text-muted uppercase">{t("consent.optedIn")}</dt>
                  <dd className="text-xl font-semibold text-brand-700 tabular-nums">{format.number(list.optedIn)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-muted uppercase">{t("consent.optedOut")}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{format.number(list.optedOut)}</dd>
                </div>
              </dl>
              {admin && (
                <p className="mt-4 flex gap-4 text-sm">
                  <a
                    className="font-medium text-brand-700 underline"
                    href={`/api/v1/consent-lists/${list.id}/export?format=csv`}
                  >
                    {t.rich("consentLists.exportCsv", {
                      list: list.name,
                      hidden: (chunks) => <span className="sr-only">{chunks}</span>,
                    })}
                  </a>
                  <a
                    className="font-medium text-brand-700 underline"
                    href={`/api/v1/consent-lists/${list.id}/export?format=json`}
                  >
                    {t.rich("consentLists.exportJson", {
                      list: list.name,
                      hidden: (chunks) => <span className="sr-only">{chunks}</span>,
                    })}
                  </a>
                </p>
              )}
            </Card>
          ))}
        </div>
      )}
      {keywords && (
        <div className="mt-8">
          <KeywordSettingsForm initial={keywords} />
        </div>
      )}
    </>
  );
}
