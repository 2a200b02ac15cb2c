"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { acknowledgeAccountAlert } from "@/lib/webhooks/account-alerts";
import { retryFailedWebhooks } from "@/lib/webhooks/process";
import { accountSchema, testMessageSchema } from "@/lib/whatsapp/account-schemas";
import { sendTestMessage, testConnection, updateConnection } from "@/lib/workspace/connection";

export const saveConnectionAction = action("settings.manage", accountSchema, async (input, user) => {
  await updateConnection(user.workspaceId, user.userId, input);
  revalidatePath("/settings/whatsapp");
});

export const testConnectionAction = action("settings.manage", z.object({}), async (_input, user) => {
  const health = await testConnection(user.workspaceId);
  revalidatePath("/settings/whatsapp");
  return health;
});

export const sendTestMessageAction = action("settings.manage", testMessageSchema, (input, user) =>
  sendTestMessage(user.workspaceId, user.userId, input),
);

export const retryWebhooksAction = action("settings.manage", z.object({}), async (_input, user) => {
  const count = await retryFailedWebhooks(user.workspaceId);
  revalidatePath("/settings/whatsapp");
  return { count };
});

/** An admin has read an account alert (restriction, violation, ban): it leaves every page's banner. */
export const acknowledgeAccountAlertAction = action(
  "settings.manage",
  z.object({ id: z.string().min(1) }),
  async (input, user) => {
    await acknowledgeAccountAlert(user.workspaceId, user.userId, input.id);
    revalidatePath("/", "layout");
  },
);
