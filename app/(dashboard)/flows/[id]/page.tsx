import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FlowBuilder } from "@/components/flows/flow-builder";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { FlowCategory, FlowProblem } from "@/lib/flows/flow-json";
import { getFlow } from "@/lib/flows/queries";
import { orNotFound, pageId } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("flows.builder");
  return { title: t("metaTitle") };
}

export default async function FlowPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("campaigns.view");
  const id = pageId((await params).id);
  const flow = await orNotFound(getFlow(user.workspaceId, id));
  const [t, lists] = await Promise.all([
    getTranslations("flows.builder"),
    db.consentList.findMany({
      where: { workspaceId: user.workspaceId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/flows" className="text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader title={flow.name} description={t("description")} />
      <FlowBuilder
        id={flow.id}
        status={flow.status}
        canEdit={can(user.role, "campaigns.edit")}
        initial={{
          name: flow.name,
          category: flow.category as FlowCategory,
          json: flow.json,
          attributeMap: flow.attributeMap as Record<string, string>,
          consentListId: flow.consentListId,
          optInField: flow.optInField,
        }}
        metaErrors={flow.metaErrors as FlowProblem[]}
        lists={lists}
      />
    </>
  );
}
