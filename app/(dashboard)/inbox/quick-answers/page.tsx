import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SavedReplies } from "@/components/inbox/saved-replies";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { listSavedReplies } from "@/lib/inbox/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inbox.saved");
  return { title: t("title") };
}

export default async function QuickAnswersPage() {
  const user = await guardPage("inbox.reply");
  const t = await getTranslations("inbox");
  const savedReplies = await listSavedReplies(user.workspaceId);
  return (
    <>
      <PageHeader title={t("savedRepliesLink")} description={t("saved.description")} />
      <SavedReplies replies={savedReplies} />
    </>
  );
}
