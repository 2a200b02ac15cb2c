"use server";
import { action } from "@/lib/actions/action";
import { changeOwnPassword } from "@/lib/users/passwords";
import { changePasswordSchema } from "@/lib/users/schemas";

/** Any member changes their own password, knowing the current one. */
export const changePasswordAction = action("account.manage", changePasswordSchema, async (input, user) => {
  await changeOwnPassword(user, input);
});
