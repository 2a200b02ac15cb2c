"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { graphSchema, journeyName } from "@/lib/journeys/graph";
import { createJourney, deleteJourney, moveJourney, publishJourney, saveDraft } from "@/lib/journeys/service";
import { newJourneySchema } from "@/lib/journeys/starters";
const idSchema = z.object({ id: z.string().min(1).max(64) });

function refresh(id?: string) {
  revalidatePath("/journeys");
  if (id) revalidatePath(`/journeys/${id}`);
}

export const createJourneyAction = action("campaigns.edit", newJourneySchema, async ({ name, starter }, user) => {
  const created = await createJourney(user, name, starter);
  refresh();
  return created;
});

export const saveJourneyAction = action(
  "campaigns.edit",
  idSchema.extend({ name: journeyName, graph: graphSchema }),
  async ({ id, name, graph }, user) => {
    await saveDraft(user, id, name, graph);
    refresh(id);
    return { id };
  },
);

export const publishJourneyAction = action("campaigns.edit", idSchema, async ({ id }, user) => {
  const published = await publishJourney(user, id);
  refresh(id);
  return published;
});

export const moveJourneyAction = action(
  "campaigns.edit",
  idSchema.extend({ move: z.enum(["pause", "resume", "stop"]) }),
  async ({ id, move }, user) => {
    await moveJourney(user, id, move);
    refresh(id);
    return { id };
  },
);

export const deleteJourneyAction = action("campaigns.edit", idSchema, async ({ id }, user) => {
  await deleteJourney(user, id);
  refresh();
  return { id };
});
