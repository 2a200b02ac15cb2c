"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { changeRoleSchema, createUserSchema, setActiveSchema } from "@/lib/users/schemas";
import { changeRole, createMember, setMemberActive } from "@/lib/users/service";

export const createUserAction = action("users.manage", createUserSchema, async (input, user) => {
  const result = await createMember(user.workspaceId, user.userId, input);
  revalidatePath("/settings/users");
  return result;
});

export const changeRoleAction = action("users.manage", changeRoleSchema, async (input, user) => {
  await changeRole(user.workspaceId, user.userId, input);
  revalidatePath("/settings/users");
});

export const setUserActiveAction = action("users.manage", setActiveSchema, async (input, user) => {
  await setMemberActive(user.workspaceId, user.userId, input);
  revalidatePath("/settings/users");
});
