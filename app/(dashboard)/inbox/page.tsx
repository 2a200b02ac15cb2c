import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  await guardPage("inbox.view");
  return (
    <>
      <PageHeader title="Inbox" description="Replies and questions from your contacts, answered inside WhatsApp's 24-hour window." />
      <EmptyState icon={<Inbox className="size-6" />} title="No conversations yet">
        When a contact replies to a campaign or messages your number, the conversation appears here with the campaign
        it answers.
      </EmptyState>
    </>
  );
}
