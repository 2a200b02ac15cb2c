import { BookOpen } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { apiKeyState } from "@/lib/api/key-state";
import { listApiKeys } from "@/lib/api/keys";
import { API_PREFIX } from "@/lib/api/operation";
import type { ApiScope } from "@/lib/api/scopes";
import { guardPage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "API" };

export default async function ApiSettingsPage() {
  const user = await guardPage("settings.manage");
  const now = new Date();
  const keys = (await listApiKeys(user.workspaceId)).map((key) => ({
    ...key,
    scopes: key.scopes as ApiScope[],
    state: apiKeyState(key, now),
  }));
  return (
    <>
      <PageHeader
        title="API"
        description={`Keys let your shop, booking system or CRM send messages and keep contacts up to date through the public API (${API_PREFIX}). Each key works only in this workspace and only for the scopes it was given. Creating and revoking keys is written to the audit log.`}
        actions={
          <>
            <Link href="/developers" className={buttonVariants({ variant: "secondary" })}>
              <BookOpen className="size-4" aria-hidden /> API reference
            </Link>
            <CreateApiKeyDialog />
          </>
        }
      />
      <ApiKeyTable keys={keys} />
    </>
  );
}
