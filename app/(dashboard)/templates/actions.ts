"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { templateShapeSchema } from "@/lib/templates/schemas";
import { saveDraft, submitTemplate } from "@/lib/templates/service";

const draftSchema = z.object({ id: z.string().optional(), input: templateShapeSchema });

export const saveTemplateDraftAction = action("templates.edit", draftSchema, async ({ id, input }, user) => {
  const saved = await saveDraft(user.workspaceId, user.userId, input, id);
  revalidatePath("/templates");
  return { id: saved };
});

/** Saves what is on screen, then sends it for Meta's review (the full rules are checked on the server). */
export const submitTemplateAction = action("templates.edit", draftSchema, async ({ id, input }, user) => {
  const saved = await saveDraft(user.workspaceId, user.userId, input, id);
  await submitTemplate(user.workspaceId, user.userId, saved);
  revalidatePath("/templates");
  return { id: saved };
});
