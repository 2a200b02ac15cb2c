import { z } from "zod";

const id = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{5,20}$/, { message: `${label} is the number Meta shows for it (digits only).` });

/** The connection form. Secrets may be left empty when editing: the stored ones are kept. */
export const accountSchema = z.object({
  wabaId: id("WhatsApp Business Account id"),
  phoneNumberId: id("Phone number id"),
  appId: z.union([z.literal(""), id("App id")]).optional(),
  graphApiBase: z
    .union([
      z.literal(""),
      z.url({
        protocol: /^https?$/,
        message: "API base URL must be an http(s) URL, e.g. https://graph.facebook.com/v23.0",
      }),
    ])
    .optional(),
  accessToken: z.string().trim().max(1000).optional(),
  appSecret: z.string().trim().max(200).optional(),
  verifyToken: z.string().trim().max(200).optional(),
});
export type AccountInput = z.infer<typeof accountSchema>;

export const testMessageSchema = z.object({
  to: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s()-]/g, ""))
    .pipe(
      z
        .string()
        .regex(/^\+?[1-9]\d{6,14}$/, { message: "Enter the number in international format, e.g. +34 610 000 001." }),
    ),
  templateId: z.string().min(1, { message: "Choose an approved template." }),
});
export type TestMessageInput = z.infer<typeof testMessageSchema>;
