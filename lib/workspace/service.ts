// Reads and changes the workspace's rules. Campaigns read them where they apply (lib/campaigns): approval at
// launch, the cap in the audience, default quiet hours in the builder.
import "server-only";
import type { CurrentUser } from "@/lib/auth/guard";
import { recordAudit } from "@/lib/audit/service";
import { quietHoursSchema } from "@/lib/campaigns/schemas";
import { db, type Prisma } from "@/lib/db/client";
import type { WorkspaceRules } from "./schemas";

export const NO_QUIET_HOURS = { enabled: false, start: "21:00", end: "09:00" } as const;

export async function workspaceRules(workspaceId: string): Promise<WorkspaceRules> {
  const ws = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: {
      requireApproval: true,
      marketingCapPer7Days: true,
      quietHours: true,
      defaultCountry: true,
      timeZone: true,
    },
  });
  return { ...ws, quietHours: quietHoursSchema.safeParse(ws.quietHours).data ?? NO_QUIET_HOURS };
}

export async function updateWorkspaceRules(user: CurrentUser, rules: WorkspaceRules): Promise<void> {
  const before = await workspaceRules(user.workspaceId);
  await db.$transaction(async (tx) => {
    await tx.workspace.update({
      where: { id: user.workspaceId },
      data: { ...rules, quietHours: rules.quietHours as Prisma.InputJsonValue },
    });
    const changed = Object.fromEntries(
      Object.entries(rules).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof WorkspaceRules]),
      ),
    );
    if (Object.keys(changed).length) {
      await recordAudit(
        user.workspaceId,
        user.userId,
        {
          action: "workspace.rules_changed",
          targetType: "workspace",
          targetId: user.workspaceId,
          details: changed as Prisma.InputJsonValue,
        },
        tx,
      );
    }
  });
}
