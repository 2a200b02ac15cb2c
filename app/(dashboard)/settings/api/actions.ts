"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { createApiKeySchema, expiryOf, revokeApiKeySchema } from "@/lib/api/schemas";

/** The whole key is in this answer only: Parley keeps its hash, and no page ever sends it again. */
export const createApiKeyAction = action("settings.manage", createApiKeySchema, async (input, user) => {
  const created = await createApiKey(user.workspaceId, user.userId, {
    name: input.name,
    scopes: input.scopes,
    expiresAt: expiryOf(input.expiresOn),
  });
  revalidatePath("/settings/api");
  return { key: created.key, prefix: created.prefix, name: input.name };
});

export const revokeApiKeyAction = action("settings.manage", revokeApiKeySchema, async (input, user) => {
  await revokeApiKey(user.workspaceId, user.userId, input.id);
  revalidatePath("/settings/api");
});
