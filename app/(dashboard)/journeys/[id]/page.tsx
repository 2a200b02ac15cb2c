import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { JourneyBuilder } from "@/components/journeys/journey-builder";
import { JourneyStatusBadge } from "@/components/journeys/journey-status";
import { Card, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { getJourney, waitingByStep } from "@/lib/journeys/queries";
import { campaignButtonChoices, templateChoices } from "@/lib/journeys/service";
import { orNotFound, pageId } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("journeys.builder");
  return { title: t("metaTitle") };
}

export default async function JourneyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("campaigns.view");
  const id = pageId((await params).id);
  const journey = await orNotFound(getJourney(user.workspaceId, id));
  // getJourney checked the workspace: the counts are read for its id.
  const [t, templates, lists, flows, waiting, campaigns, segments] = await Promise.all([
    getTranslations("journeys.builder"),
    templateChoices(user.workspaceId),
    db.consentList.findMany({
      where: { workspaceId: user.workspaceId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, category: true },
    }),
    db.flow.findMany({
      where: { workspaceId: user.workspaceId, status: "PUBLISHED" },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    waitingByStep(id),
    campaignButtonChoices(user.workspaceId),
    db.segment.findMany({
      where: { workspaceId: user.workspaceId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/journeys" className="text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader
        title={journey.name}
        description={
          journey.versions[0]
            ? t("liveVersion", {
                number: journey.versions[0].number,
                name: journey.versions[0].publishedBy ?? t("someone"),
              })
            : t("neverPublished")
        }
        actions={
          <div className="flex items-center gap-3">
            <JourneyStatusBadge status={journey.status} />
            {journey.status !== "DRAFT" && (
              <Link href={`/journeys/${id}/report`} className="text-sm font-medium text-brand-700 hover:underline">
                {t("report")}
              </Link>
            )}
          </div>
        }
      />
      <JourneyBuilder
        id={journey.id}
        name={journey.name}
        status={journey.status}
        initial={journey.draft}
        unpublished={journey.unpublished}
        choices={{ templates, lists, flows, campaigns, segments }}
        canEdit={can(user.role, "campaigns.edit")}
        waiting={waiting}
      />
      {journey.versions.length > 0 && (
        <Card className="mt-4 p-4">
          <h2 className="mb-2 text-sm font-semibold">{t("versions")}</h2>
          <ul className="space-y-1 text-sm">
            {journey.versions.map((v) => (
              <li key={v.id}>
                {t("versionLine", { number: v.number, name: v.publishedBy ?? t("someone") })}{" "}
                <LocalTime value={v.publishedAt} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
