import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const roleSchema = z.enum(ROLES, { message: "Choose a role: Admin, Marketer or Manager." });

export const createUserSchema = z.object({
  name: z.string().trim().min(1, { message: "Enter the person's name." }).max(100, { message: "Name: at most 100 characters." }),
  email: z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address." })),
  role: roleSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId: z.string().min(1), role: roleSchema });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const setActiveSchema = z.object({ userId: z.string().min(1), active: z.boolean() });
export type SetActiveInput = z.infer<typeof setActiveSchema>;
