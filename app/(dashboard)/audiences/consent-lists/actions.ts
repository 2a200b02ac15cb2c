"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { createConsentList } from "@/lib/consent/admin";
import { consentListSchema } from "@/lib/consent/schemas";

export const createConsentListAction = action("consent.edit", consentListSchema, async (input, user) => {
  const list = await createConsentList(user.workspaceId, user.userId, input);
  revalidatePath("/audiences/consent-lists");
  return list;
});
