"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { saveAvailability } from "@/lib/flows/booking-settings";
import { generateEndpointKey, registerEndpointKey } from "@/lib/flows/endpoint-keys";
import { availabilitySchema } from "@/lib/flows/endpoint-schemas";

const PATH = "/settings/flows";

export const generateEndpointKeyAction = action("settings.manage", z.object({}), async (_input, user) => {
  await generateEndpointKey(user);
  revalidatePath(PATH);
});

export const registerEndpointKeyAction = action("settings.manage", z.object({}), async (_input, user) => {
  const { registeredAt } = await registerEndpointKey(user);
  revalidatePath(PATH);
  return { registeredAt: registeredAt.toISOString() };
});

export const saveAvailabilityAction = action("settings.manage", availabilitySchema, async (input, user) => {
  await saveAvailability(user, input);
  revalidatePath(PATH);
});
