"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { segmentSchema } from "@/lib/segments/schemas";
import { deleteSegment, saveSegment } from "@/lib/segments/service";

export const saveSegmentAction = action("contacts.edit", segmentSchema, async (input, user) => {
  const saved = await saveSegment(user.workspaceId, user.userId, input);
  revalidatePath("/audiences/segments");
  return saved;
});

export const deleteSegmentAction = action(
  "contacts.edit",
  z.object({ id: z.string().min(1) }),
  async ({ id }, user) => {
    await deleteSegment(user.workspaceId, user.userId, id);
    revalidatePath("/audiences/segments");
  },
);
