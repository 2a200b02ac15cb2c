import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { createFlowAction } from "@/app/(dashboard)/flows/actions";
import { StarterGallery } from "@/components/forms/starter-gallery";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { FLOW_STARTER_IDS, newFlowSchema } from "@/lib/flows/starters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("flows.new");
  return { title: t("metaTitle") };
}

export default async function NewFlowPage() {
  await guardPage("campaigns.edit");
  const t = await getTranslations("flows.new");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <StarterGallery
        namespace="flows.new"
        starters={FLOW_STARTER_IDS}
        schema={newFlowSchema}
        create={createFlowAction}
        href={(id) => `/flows/${id}`}
      />
    </>
  );
}
