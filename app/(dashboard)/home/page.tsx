import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NeedsList } from "@/components/home/needs-list";
import { SendingNow } from "@/components/home/sending-now";
import { WeekTable } from "@/components/home/week-table";
import { PageHeader } from "@/components/ui/card";
import { RefreshWhile } from "@/components/ui/refresh-while";
import { guardPage } from "@/lib/auth/guard";
import { loadHome } from "@/lib/home/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("title") };
}

// Every signed-in role has a home; lib/home loads only the parts the role may see.
export default async function HomePage() {
  const user = await guardPage();
  const [t, locale] = await Promise.all([getTranslations("home"), getLocale()]);
  const home = await loadHome({ workspaceId: user.workspaceId, userId: user.userId, role: user.role, locale });
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { workspace: user.workspaceName })} />
      <RefreshWhile active={(home.sending?.length ?? 0) > 0} />
      <div className="space-y-8">
        {home.sending && <SendingNow campaigns={home.sending} />}
        <NeedsList needs={home.needs} />
        {home.week && <WeekTable week={home.week} />}
      </div>
    </>
  );
}
