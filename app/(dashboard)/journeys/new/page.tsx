import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { createJourneyAction } from "@/app/(dashboard)/journeys/actions";
import { StarterGallery } from "@/components/forms/starter-gallery";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { newJourneySchema, STARTER_IDS } from "@/lib/journeys/starters";

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
      <StarterGallery
        namespace="journeys.new"
        starters={STARTER_IDS}
        schema={newJourneySchema}
        create={createJourneyAction}
        href={(id) => `/journeys/${id}`}
      />
    </>
  );
}
