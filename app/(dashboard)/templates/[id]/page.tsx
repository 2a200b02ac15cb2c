import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { TemplateActions } from "@/components/templates/template-actions";
import { TemplateBuilder } from "@/components/templates/template-builder";
import { guardPage } from "@/lib/auth/guard";
import { trackedLinkBase } from "@/lib/campaigns/links";
import { flowChoices } from "@/lib/flows/queries";
import { can } from "@/lib/auth/permissions";
import { getTemplateForBuilder, languageVersions } from "@/lib/templates/service";
import { languageNameIn } from "@/lib/templates/languages";
import { orNotFound, pageId } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates.detail");
  return { title: t("metaTitle") };
}

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("templates.view");
  const template = await orNotFound(getTemplateForBuilder(user.workspaceId, pageId((await params).id)));
  const editor = can(user.role, "templates.edit");
  const [versions, t, flows, locale] = await Promise.all([
    editor ? languageVersions(user.workspaceId, template.name) : [],
    getTranslations("templates"),
    flowChoices(user.workspaceId),
    getLocale(),
  ]);
  return (
    <>
      <PageHeader
        title={template.name || t("detail.untitled")}
        description={t("detail.description", {
          language: languageNameIn(locale, template.language),
          category: t(`categoryInline.${template.category}`),
        })}
      />
      {editor && (
        <div className="mb-6">
          <TemplateActions id={template.id} versions={versions} submitted={Boolean(template.metaTemplateId)} />
        </div>
      )}
      <TemplateBuilder
        initial={template.input}
        canEdit={editor}
        trackedLinkBase={trackedLinkBase()}
        flows={flows}
        existing={{
          id: template.id,
          status: template.status,
          rejectionReason: template.rejectionReason,
          submitted: Boolean(template.metaTemplateId),
          editsLeft: template.editsLeft,
        }}
      />
    </>
  );
}
