import type { Metadata } from "next";
import { SegmentBuilder } from "@/components/audiences/segment-builder";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { EMPTY_RULES } from "@/lib/segments/schemas";
import { segmentChoices } from "@/lib/segments/service";

export const metadata: Metadata = { title: "New segment" };

export default async function NewSegmentPage() {
  const user = await guardPage("contacts.edit");
  const { lists, campaigns } = await segmentChoices(user.workspaceId);
  return (
    <>
      <PageHeader title="New segment" description="Add conditions; the count on the right follows as you type." />
      <SegmentBuilder initial={{ name: "", rules: EMPTY_RULES }} lists={lists} campaigns={campaigns} canEdit />
    </>
  );
}
