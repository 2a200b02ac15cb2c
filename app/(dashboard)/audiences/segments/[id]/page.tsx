import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeleteSegmentButton } from "@/components/audiences/delete-segment-button";
import { SegmentBuilder } from "@/components/audiences/segment-builder";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getSegment, segmentChoices } from "@/lib/segments/service";
import { orNotFound, pageId } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audiences.segments");
  return { title: t("segment") };
}

export default async function SegmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("audiences.view");
  const t = await getTranslations("audiences.segments");
  const id = pageId((await params).id);
  const [segment, { lists, campaigns, attributes }] = await Promise.all([
    orNotFound(getSegment(user.workspaceId, id)),
    segmentChoices(user.workspaceId),
  ]);
  const canEdit = can(user.role, "contacts.edit");
  return (
    <>
      <PageHeader
        title={segment.name}
        description={canEdit ? t("editDescription") : t("readDescription")}
        actions={canEdit && <DeleteSegmentButton id={segment.id} name={segment.name} />}
      />
      {segment.rulesNeedFixing && (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("rulesNeedFixing")}
        </p>
      )}
      <SegmentBuilder initial={segment} lists={lists} campaigns={campaigns} attributes={attributes} canEdit={canEdit} />
    </>
  );
}
