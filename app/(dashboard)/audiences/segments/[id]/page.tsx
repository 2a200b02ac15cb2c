import type { Metadata } from "next";
import { SegmentBuilder } from "@/components/audiences/segment-builder";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getSegment, segmentChoices } from "@/lib/segments/service";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("audiences.view");
  const { id } = await params;
  const [segment, { lists, campaigns }] = await Promise.all([getSegment(user.workspaceId, id), segmentChoices(user.workspaceId)]);
  const canEdit = can(user.role, "contacts.edit");
  return (
    <>
      <PageHeader title={segment.name} description={canEdit ? "Change the conditions; the count follows as you type." : "Who this segment picks, counted now."} />
      <SegmentBuilder initial={segment} lists={lists} campaigns={campaigns} canEdit={canEdit} />
    </>
  );
}
