import type { Metadata } from "next";
import { SavedReplies } from "@/components/inbox/saved-replies";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { listSavedReplies } from "@/lib/inbox/queries";

export const metadata: Metadata = { title: "Saved replies" };

export default async function QuickAnswersPage() {
  const user = await guardPage("inbox.reply");
  const savedReplies = await listSavedReplies(user.workspaceId);
  return (
    <>
      <PageHeader
        title="Saved replies and auto-replies"
        description="Answers your team sends often, and the keywords that send one automatically while the 24-hour window is open."
      />
      <SavedReplies replies={savedReplies} />
    </>
  );
}
