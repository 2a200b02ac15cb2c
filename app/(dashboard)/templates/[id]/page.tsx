import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { TemplateBuilder } from "@/components/templates/template-builder";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getTemplateForBuilder } from "@/lib/templates/service";

export const metadata: Metadata = { title: "Template" };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("templates.view");
  const template = await getTemplateForBuilder(user.workspaceId, (await params).id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={template.name || "Untitled template"} description={`${template.language} · ${template.category.toLowerCase()}`} />
      <TemplateBuilder
        initial={template.input}
        canEdit={can(user.role, "templates.edit")}
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
