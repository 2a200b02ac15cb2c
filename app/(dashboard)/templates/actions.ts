"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { templateShapeSchema } from "@/lib/templates/schemas";
import {
  addLanguage,
  deleteTemplate,
  duplicateTemplate,
  importTemplates,
  saveDraft,
  submitTemplate,
} from "@/lib/templates/service";

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

const idSchema = z.object({ id: z.string().min(1) });

export const duplicateTemplateAction = action("templates.edit", idSchema, async ({ id }, user) => {
  const copy = await duplicateTemplate(user.workspaceId, user.userId, id);
  revalidatePath("/templates");
  return { id: copy };
});

export const deleteTemplateAction = action("templates.edit", idSchema, async ({ id }, user) => {
  await deleteTemplate(user.workspaceId, user.userId, id);
  revalidatePath("/templates");
});

export const addLanguageAction = action(
  "templates.edit",
  idSchema.extend({ language: templateShapeSchema.shape.language }),
  async ({ id, language }, user) => {
    const version = await addLanguage(user.workspaceId, user.userId, id, language);
    revalidatePath("/templates");
    return { id: version };
  },
);

export const importTemplatesAction = action("templates.edit", z.object({}), async (_input, user) => {
  const count = await importTemplates(user.workspaceId, user.userId);
  revalidatePath("/templates");
  return { count };
});
