import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { TemplateActions } from "@/components/templates/template-actions";
import { TemplateBuilder } from "@/components/templates/template-builder";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getTemplateForBuilder, languageVersions } from "@/lib/templates/service";
import { orNotFound, pageId } from "@/lib/not-found";

export const metadata: Metadata = { title: "Template" };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("templates.view");
  const template = await orNotFound(getTemplateForBuilder(user.workspaceId, pageId((await params).id)));
  const editor = can(user.role, "templates.edit");
  const versions = editor ? await languageVersions(user.workspaceId, template.name) : [];
  return (
    <>
      <PageHeader
        title={template.name || "Untitled template"}
        description={`${template.language} · ${template.category.toLowerCase()}`}
      />
      {editor && (
        <div className="mb-6">
          <TemplateActions id={template.id} versions={versions} submitted={Boolean(template.metaTemplateId)} />
        </div>
      )}
      <TemplateBuilder
        initial={template.input}
        canEdit={editor}
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
