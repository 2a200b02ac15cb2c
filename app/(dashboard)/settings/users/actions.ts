"use server";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { resetMemberPassword } from "@/lib/users/passwords";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from "@/lib/users/schemas";
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

/** A one-time password for a member who forgot theirs; shown once, their sessions end. */
export const resetPasswordAction = action("users.manage", resetPasswordSchema, async (input, user) => {
  const result = await resetMemberPassword(user.workspaceId, user.userId, input);
  revalidatePath("/settings/users");
  return result;
});
