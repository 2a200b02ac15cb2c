"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { FLOW_CATEGORIES } from "@/lib/flows/flow-json";
import { createFlow, deleteFlow, deprecateFlow, duplicateFlow, publishFlow, saveFlow } from "@/lib/flows/service";
import { flowName, newFlowSchema } from "@/lib/flows/starters";

const idSchema = z.object({ id: z.string().min(1).max(64) });

function refresh(id?: string) {
  revalidatePath("/flows");
  if (id) revalidatePath(`/flows/${id}`);
}

export const createFlowAction = action("campaigns.edit", newFlowSchema, async ({ name, starter }, user) => {
  const created = await createFlow(user, name, starter);
  refresh();
  return created;
});

/** The flow's Flow JSON arrives as any JSON value (the builder's form or the expert's text, parsed): saved with its problems. */
export const saveFlowAction = action(
  "campaigns.edit",
  idSchema.extend({
    name: flowName,
    category: z.enum(FLOW_CATEGORIES),
    json: z.unknown().refine((v) => JSON.stringify(v ?? null).length <= 1_000_000),
    attributeMap: z.record(z.string().max(64), z.string().max(64)).default({}),
    consentListId: z.string().max(64).nullable().default(null),
    optInField: z.string().max(64).nullable().default(null),
  }),
  async ({ id, ...settings }, user) => {
    await saveFlow(user, id, settings);
    refresh(id);
    return { id };
  },
);

export const publishFlowAction = action("campaigns.edit", idSchema, async ({ id }, user) => {
  await publishFlow(user, id);
  refresh(id);
  return { id };
});

export const deprecateFlowAction = action("campaigns.edit", idSchema, async ({ id }, user) => {
  await deprecateFlow(user, id);
  refresh(id);
  return { id };
});

export const duplicateFlowAction = action("campaigns.edit", idSchema, async ({ id }, user) => {
  const created = await duplicateFlow(user, id);
  refresh();
  return created;
});

export const deleteFlowAction = action("campaigns.edit", idSchema, async ({ id }, user) => {
  await deleteFlow(user, id);
  refresh();
  return { id };
});
