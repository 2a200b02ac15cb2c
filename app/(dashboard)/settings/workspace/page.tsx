import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { WorkspaceRulesForm } from "@/components/workspace/workspace-rules-form";
import { guardPage } from "@/lib/auth/guard";
import { workspaceRules } from "@/lib/workspace/service";

export const metadata: Metadata = { title: "Workspace" };

export default async function WorkspaceSettingsPage() {
  const user = await guardPage("settings.manage");
  const rules = await workspaceRules(user.workspaceId);
  return (
    <>
      <PageHeader
        title="Workspace"
        description="Rules every campaign follows. Each change is written to the audit log."
      />
      <WorkspaceRulesForm
        defaults={rules}
        timeZones={[...new Set([rules.timeZone, "UTC", ...Intl.supportedValuesOf("timeZone")])]}
      />
    </>
  );
}
