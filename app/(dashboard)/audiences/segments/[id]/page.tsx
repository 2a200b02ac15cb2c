import type { Metadata } from "next";
import { DeleteSegmentButton } from "@/components/audiences/delete-segment-button";
import { SegmentBuilder } from "@/components/audiences/segment-builder";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getSegment, segmentChoices } from "@/lib/segments/service";
import { orNotFound, pageId } from "@/lib/not-found";

export const metadata: Metadata = { title: "Segment" };

export default async function SegmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("audiences.view");
  const id = pageId((await params).id);
  const [segment, { lists, campaigns }] = await Promise.all([
    orNotFound(getSegment(user.workspaceId, id)),
    segmentChoices(user.workspaceId),
  ]);
  const canEdit = can(user.role, "contacts.edit");
  return (
    <>
      <PageHeader
        title={segment.name}
        description={
          canEdit ? "Change the conditions; the count follows as you type." : "Who this segment picks, counted now."
        }
        actions={canEdit && <DeleteSegmentButton id={segment.id} name={segment.name} />}
      />
      {segment.rulesNeedFixing && (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The saved rules of this segment are not valid any more. Build them again below and save, or delete the
          segment.
        </p>
      )}
      <SegmentBuilder initial={segment} lists={lists} campaigns={campaigns} canEdit={canEdit} />
    </>
  );
}
