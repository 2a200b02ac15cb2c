import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { TemplateBuilder } from "@/components/templates/template-builder";
import { guardPage } from "@/lib/auth/guard";
import { EMPTY_TEMPLATE } from "@/lib/templates/schemas";

export const metadata: Metadata = { title: "New template" };

export default async function NewTemplatePage() {
  await guardPage("templates.edit");
  return (
    <>
      <PageHeader title="New template" description="Build it, check the preview, submit it for Meta's approval." />
      <TemplateBuilder initial={EMPTY_TEMPLATE} canEdit />
    </>
  );
}
