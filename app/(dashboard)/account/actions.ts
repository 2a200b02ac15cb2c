"use server";
import { action } from "@/lib/actions/action";
import { rememberPreferences } from "@/lib/i18n/preferences";
import { changeOwnPassword } from "@/lib/users/passwords";
import { saveOwnPreferences } from "@/lib/users/preferences";
import { changePasswordSchema, preferencesSchema } from "@/lib/users/schemas";

/** Any member changes their own password, knowing the current one. */
export const changePasswordAction = action("account.manage", changePasswordSchema, async (input, user) => {
  await changeOwnPassword(user, input);
});

/** Any member chooses their language and time zone; the cookies make them apply from the next render. */
export const savePreferencesAction = action("account.manage", preferencesSchema, async (input, user) => {
  await rememberPreferences(await saveOwnPreferences(user.userId, input));
});
