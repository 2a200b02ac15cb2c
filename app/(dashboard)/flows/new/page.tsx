import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewFlow } from "@/components/flows/new-flow";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";

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
      <NewFlow />
    </>
  );
}
