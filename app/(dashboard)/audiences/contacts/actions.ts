"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { recordConsentByAdmin } from "@/lib/consent/admin";
import { recordConsentSchema } from "@/lib/consent/schemas";

/** Admins record consent given or withdrawn outside Parley (a signed form, a phone call), with its proof. */
export const recordConsentAction = action("consent.edit", recordConsentSchema, async (input, user) => {
  await recordConsentByAdmin(user.workspaceId, user.userId, input);
  revalidatePath(`/audiences/contacts/${input.contactId}`);
});
