import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { isTimeZone, locales } from "@/lib/i18n/config";

export const roleSchema = z.enum(ROLES, { message: "Choose a role: Admin, Marketer or Manager." });

export const createUserSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: "Enter the person's name." })
    .max(100, { message: "Name: at most 100 characters." }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Enter a valid email address." })),
  role: roleSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId: z.string().min(1), role: roleSchema });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const setActiveSchema = z.object({ userId: z.string().min(1), active: z.boolean() });
export type SetActiveInput = z.infer<typeof setActiveSchema>;

const newPassword = z
  .string()
  .min(12, { message: "New password: at least 12 characters. A few words together are easy to remember." })
  .max(200, { message: "New password: at most 200 characters." });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { message: "Enter your current password." }).max(200),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords are not the same.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password other than your current one.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const resetPasswordSchema = z.object({ userId: z.string().min(1) });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** The Account page's language and zone; "" follows the browser. */
export const preferencesSchema = z.object({
  locale: z.enum(["", ...locales]),
  timeZone: z.string().refine((zone) => zone === "" || isTimeZone(zone), { message: "account.preferences.badZone" }),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;
