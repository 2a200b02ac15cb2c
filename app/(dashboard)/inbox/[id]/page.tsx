import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConversationList } from "@/components/inbox/conversation-list";
import { ThreadView } from "@/components/inbox/thread-view";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getThread, inboxChoices, listConversations } from "@/lib/inbox/queries";
import { inboxFilterSchema } from "@/lib/inbox/schemas";
import { orNotFound, pageId } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inbox.thread");
  return { title: t("title") };
}

export default async function ConversationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const user = await guardPage("inbox.view");
  const t = await getTranslations("inbox");
  const id = pageId((await params).id);
  const query = await searchParams;
  const filters = inboxFilterSchema.safeParse(query).data ?? inboxFilterSchema.parse({}); // a mangled filter shows them all
  const [thread, conversations, choices] = await Promise.all([
    orNotFound(getThread(user.workspaceId, id)),
    listConversations(user.workspaceId, user.userId, filters),
    inboxChoices(user.workspaceId),
  ]);
  const listQuery = new URLSearchParams(query).toString();
  return (
    <>
      <PageHeader title={t("title")} />
      {/* Narrow screens show the thread alone, with the way back to the list (its filters kept). */}
      <p className="mb-3 text-sm lg:hidden">
        <Link href={listQuery ? `/inbox?${listQuery}` : "/inbox"} className="text-brand-700 hover:underline">
          {t("backToList")}
        </Link>
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <div className="hidden lg:block">
          <ConversationList
            initial={conversations}
            initialQuery={listQuery}
            activeId={id}
            campaigns={choices.campaigns}
          />
        </div>
        <ThreadView key={id} initial={thread} choices={choices} canReply={can(user.role, "inbox.reply")} />
      </div>
    </>
  );
}
