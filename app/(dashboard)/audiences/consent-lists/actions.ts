"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { createConsentList, updateKeywordSettings } from "@/lib/consent/admin";
import { consentListSchema, keywordSettingsSchema } from "@/lib/consent/schemas";

export const createConsentListAction = action("consent.edit", consentListSchema, async (input, user) => {
  const list = await createConsentList(user.workspaceId, user.userId, input);
  revalidatePath("/audiences/consent-lists");
  return list;
});

export const updateKeywordsAction = action("consent.edit", keywordSettingsSchema, async (input, user) => {
  await updateKeywordSettings(user.workspaceId, user.userId, input);
  revalidatePath("/audiences/consent-lists");
});
