import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SegmentBuilder } from "@/components/audiences/segment-builder";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { EMPTY_RULES } from "@/lib/segments/schemas";
import { segmentChoices } from "@/lib/segments/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audiences.segments");
  return { title: t("new") };
}

export default async function NewSegmentPage() {
  const user = await guardPage("contacts.edit");
  const t = await getTranslations("audiences.segments");
  const { lists, campaigns, attributes } = await segmentChoices(user.workspaceId);
  return (
    <>
      <PageHeader title={t("new")} description={t("newDescription")} />
      <SegmentBuilder
        initial={{ name: "", rules: EMPTY_RULES }}
        lists={lists}
        campaigns={campaigns}
        attributes={attributes}
        canEdit
      />
    </>
  );
}
