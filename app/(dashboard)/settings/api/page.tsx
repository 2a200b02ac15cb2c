import { BookOpen } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { apiKeyState } from "@/lib/api/key-state";
import { listApiKeys } from "@/lib/api/keys";
import { API_PREFIX } from "@/lib/api/operation";
import type { ApiScope } from "@/lib/api/scopes";
import { guardPage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.api");
  return { title: t("title") };
}

export default async function ApiSettingsPage() {
  const user = await guardPage("settings.manage");
  const t = await getTranslations("settings.api");
  const now = new Date();
  const keys = (await listApiKeys(user.workspaceId)).map((key) => ({
    ...key,
    scopes: key.scopes as ApiScope[],
    state: apiKeyState(key, now),
  }));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { prefix: API_PREFIX })}
        actions={
          <>
            <Link href="/developers" className={buttonVariants({ variant: "secondary" })}>
              <BookOpen className="size-4" aria-hidden /> {t("reference")}
            </Link>
            <CreateApiKeyDialog />
          </>
        }
      />
      <ApiKeyTable keys={keys} />
    </>
  );
}
