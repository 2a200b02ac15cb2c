"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { recordConsentByAdmin } from "@/lib/consent/admin";
import { recordConsentSchema } from "@/lib/consent/schemas";
import { eraseContact } from "@/lib/contacts/privacy";
import { z } from "zod";

/** Admins record consent given or withdrawn outside Parley (a signed form, a phone call), with its proof. */
export const recordConsentAction = action("consent.edit", recordConsentSchema, async (input, user) => {
  await recordConsentByAdmin(user.workspaceId, user.userId, input);
  revalidatePath(`/audiences/contacts/${input.contactId}`);
});

/** Erases a contact at their request; an anonymised suppression keeps them from being opted in again. */
export const eraseContactAction = action(
  "consent.edit",
  z.object({ contactId: z.string().min(1) }),
  async ({ contactId }, user) => {
    await eraseContact(user.workspaceId, user.userId, contactId);
    revalidatePath("/audiences/contacts");
  },
);
