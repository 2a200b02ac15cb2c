import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewJourney } from "@/components/journeys/new-journey";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("journeys.new");
  return { title: t("metaTitle") };
}

export default async function NewJourneyPage() {
  await guardPage("campaigns.edit");
  const t = await getTranslations("journeys.new");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <NewJourney />
    </>
  );
}
