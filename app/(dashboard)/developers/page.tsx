import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference } from "@/components/api-keys/api-reference";
import { PageHeader } from "@/components/ui/card";
import { API_PREFIX } from "@/lib/api/operation";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "API reference" };

/** Any member may read the reference; only admins make keys (Settings → API). */
export default async function DevelopersPage() {
  const user = await guardPage();
  return (
    <>
      <PageHeader
        title="API reference"
        description={`Every call of Parley's public API, with what it takes and answers. To try one, choose “Test request” and paste an API key. The machine-readable OpenAPI document is at ${API_PREFIX}/openapi.json.`}
        actions={
          can(user.role, "settings.manage") ? (
            <Link href="/settings/api" className="text-sm font-medium text-brand-700 underline">
              Manage API keys
            </Link>
          ) : undefined
        }
      />
      {!can(user.role, "settings.manage") && (
        <p className="mb-4 text-sm text-muted">To get an API key, ask an admin of this workspace.</p>
      )}
      <ApiReference />
    </>
  );
}
