import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

export const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: messageKey("auth.form.emailInvalid") })),
  password: z
    .string()
    .min(1, { message: messageKey("auth.form.passwordRequired") })
    .max(200),
});
export type LoginInput = z.infer<typeof loginSchema>;
