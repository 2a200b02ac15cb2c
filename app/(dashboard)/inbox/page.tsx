import { MessagesSquare } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ConversationList } from "@/components/inbox/conversation-list";
import { Card, PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { inboxChoices, listConversations } from "@/lib/inbox/queries";
import { inboxFilterSchema } from "@/lib/inbox/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inbox");
  return { title: t("title") };
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await guardPage("inbox.view");
  const t = await getTranslations("inbox");
  const query = await searchParams;
  const filters = inboxFilterSchema.parse(query);
  const [conversations, choices] = await Promise.all([
    listConversations(user.workspaceId, user.userId, filters),
    inboxChoices(user.workspaceId),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(user.role, "inbox.reply") ? (
            <Link href="/inbox/quick-answers" className="text-sm text-brand-700 underline">
              {t("savedRepliesLink")}
            </Link>
          ) : undefined
        }
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <ConversationList
          initial={conversations}
          initialQuery={new URLSearchParams(query).toString()}
          campaigns={choices.campaigns}
        />
        {/* Narrow screens show the list alone; a conversation opens on its own page. */}
        <Card className="hidden flex-col items-center justify-center p-10 text-center text-sm text-muted lg:flex">
          <MessagesSquare className="mb-3 size-8 text-brand-600" aria-hidden />
          {conversations.length ? t("pickConversation") : t("nothingYet")}
        </Card>
      </div>
    </>
  );
}
