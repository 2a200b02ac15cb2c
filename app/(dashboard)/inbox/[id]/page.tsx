import type { Metadata } from "next";
import { ConversationList } from "@/components/inbox/conversation-list";
import { ThreadView } from "@/components/inbox/thread-view";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getThread, inboxChoices, listConversations } from "@/lib/inbox/queries";
import { inboxFilterSchema } from "@/lib/inbox/schemas";
import { orNotFound, pageId } from "@/lib/not-found";

export const metadata: Metadata = { title: "Conversation" };

export default async function ConversationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const user = await guardPage("inbox.view");
  const id = pageId((await params).id);
  const query = await searchParams;
  const filters = inboxFilterSchema.safeParse(query).data ?? inboxFilterSchema.parse({}); // a mangled filter shows them all
  const [thread, conversations, choices] = await Promise.all([
    orNotFound(getThread(user.workspaceId, id)),
    listConversations(user.workspaceId, user.userId, filters),
    inboxChoices(user.workspaceId),
  ]);
  return (
    <>
      <PageHeader title="Inbox" />
      <div className="grid gap-4 lg:grid-cols-[22rem_1fr]">
        <ConversationList
          initial={conversations}
          initialQuery={new URLSearchParams(query).toString()}
          activeId={id}
          campaigns={choices.campaigns}
        />
        <ThreadView key={id} initial={thread} choices={choices} canReply={can(user.role, "inbox.reply")} />
      </div>
    </>
  );
}
