import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConversationList } from "@/components/inbox/conversation-list";
import { ThreadView } from "@/components/inbox/thread-view";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getFormat } from "@/lib/i18n/format";
import { getThread, inboxChoices, listConversations } from "@/lib/inbox/queries";
import { inboxFilterSchema } from "@/lib/inbox/schemas";
import { orNotFound, pageId } from "@/lib/not-found";
import { threadCost } from "@/lib/pricing/compare";

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
  const [cost, tCost, format] = await Promise.all([
    threadCost(user.workspaceId, { id: thread.id, contactId: thread.contact.id }),
    getTranslations("analytics.pricing"),
    getFormat(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} />
      {/* Narrow screens show the thread alone, with the way back to the list (its filters kept). */}
      <p className="mb-3 text-sm lg:hidden">
        <Link href={listQuery ? `/inbox?${listQuery}` : "/inbox"} className="text-brand-700 hover:underline">
          {t("backToList")}
        </Link>
      </p>
      {/* What messages to this person cost, as Meta's status webhooks priced them (docs/pricing.md). */}
      {cost && (
        <p className="mb-3 text-xs text-muted">
          {tCost("threadCost", { cost: format.money(cost.cost, cost.currency), count: cost.count, free: cost.free })}
        </p>
      )}
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
