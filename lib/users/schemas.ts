import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { isTimeZone, locales } from "@/lib/i18n/config";
import { messageKey } from "@/lib/i18n/message-key";

export const roleSchema = z.enum(ROLES, { message: messageKey("settings.errors.users.role") });

export const createUserSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: messageKey("settings.errors.users.name") })
    .max(100, { message: messageKey("settings.errors.users.nameMax") }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: messageKey("settings.errors.users.email") })),
  role: roleSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId: z.string().min(1), role: roleSchema });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const setActiveSchema = z.object({ userId: z.string().min(1), active: z.boolean() });
export type SetActiveInput = z.infer<typeof setActiveSchema>;

const newPassword = z
  .string()
  .min(12, { message: messageKey("settings.errors.users.passwordMin") })
  .max(200, { message: messageKey("settings.errors.users.passwordMax") });

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, { message: messageKey("settings.errors.users.currentPassword") })
      .max(200),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: messageKey("settings.errors.users.passwordsDiffer"),
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: messageKey("settings.errors.users.passwordSame"),
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const resetPasswordSchema = z.object({ userId: z.string().min(1) });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** The Account page's language and zone; "" follows the browser. */
export const preferencesSchema = z.object({
  locale: z.enum(["", ...locales]),
  timeZone: z
    .string()
    .refine((zone) => zone === "" || isTimeZone(zone), { message: messageKey("account.preferences.badZone") }),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;
