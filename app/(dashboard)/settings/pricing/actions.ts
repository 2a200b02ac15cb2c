"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { importRateCard } from "@/lib/pricing/cards";
import { importRateCardSchema } from "@/lib/pricing/schemas";

/** Imports Meta's rate-card file; a file with problems comes back with them (line and reason), importing nothing. */
export const importRateCardAction = action("settings.manage", importRateCardSchema, async (input, user) => {
  const result = await importRateCard(user, input);
  if (result.ok) revalidatePath("/settings/pricing");
  return result;
});
