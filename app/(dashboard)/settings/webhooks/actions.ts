"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import {
  endpointIdSchema,
  endpointInputSchema,
  replaySchema,
  setEnabledSchema,
  updateEndpointSchema,
} from "@/lib/outbound-webhooks/schemas";
import {
  createEndpoint,
  deleteEndpoint,
  replayDelivery,
  revealSecret,
  rotateSecret,
  sendTestEvent,
  setEndpointEnabled,
  updateEndpoint,
} from "@/lib/outbound-webhooks/service";

const PAGE = "/settings/webhooks";

export const createEndpointAction = action("settings.manage", endpointInputSchema, async (input, user) => {
  const endpoint = await createEndpoint(user.workspaceId, user.userId, input);
  revalidatePath(PAGE);
  return { id: endpoint.id };
});

export const updateEndpointAction = action("settings.manage", updateEndpointSchema, async ({ id, ...input }, user) => {
  await updateEndpoint(user.workspaceId, user.userId, id, input);
  revalidatePath(PAGE);
});

export const setEndpointEnabledAction = action("settings.manage", setEnabledSchema, async ({ id, enabled }, user) => {
  await setEndpointEnabled(user.workspaceId, user.userId, id, enabled);
  revalidatePath(PAGE, "layout");
});

export const deleteEndpointAction = action("settings.manage", endpointIdSchema, async ({ id }, user) => {
  await deleteEndpoint(user.workspaceId, user.userId, id);
  revalidatePath(PAGE, "layout");
});

/** The signing secret, to an admin who asked for it (audited); never part of a page's HTML. */
export const revealSecretAction = action("settings.manage", endpointIdSchema, async ({ id }, user) => ({
  secret: await revealSecret(user.workspaceId, user.userId, id),
}));

export const rotateSecretAction = action("settings.manage", endpointIdSchema, async ({ id }, user) => ({
  secret: await rotateSecret(user.workspaceId, user.userId, id),
}));

export const sendTestEventAction = action("settings.manage", endpointIdSchema, async ({ id }, user) => {
  const eventId = await sendTestEvent(user.workspaceId, user.userId, id);
  revalidatePath(`${PAGE}/${id}`);
  return { eventId };
});

export const replayDeliveryAction = action("settings.manage", replaySchema, async (input, user) => {
  await replayDelivery(user.workspaceId, user.userId, input.endpointId, input.deliveryId);
  revalidatePath(`${PAGE}/${input.endpointId}`);
});
