"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { workspaceRulesSchema } from "@/lib/workspace/schemas";
import { updateWorkspaceRules } from "@/lib/workspace/service";

export const saveWorkspaceRulesAction = action("settings.manage", workspaceRulesSchema, async (input, user) => {
  await updateWorkspaceRules(user, input);
  revalidatePath("/settings/workspace");
});
